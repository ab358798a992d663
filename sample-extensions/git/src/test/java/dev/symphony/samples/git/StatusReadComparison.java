package dev.symphony.samples.git;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Old against new status reads in one JVM, alternating, on a repository given as its folder (e.g. one {@code symphony
 * bench git} generates, or {@code GitBench.generate}): JGit's {@code IndexDiff} (the reader before {@link StatusWalk}),
 * the walks on the caller's thread alone (the work tree in one walk), and the work tree in parts on the caller and
 * {@code processors - 1} helpers, as the extension reads it. Every read's entries must equal the first's. Prints the
 * median wall time of each, the median CPU time of the whole process during it (all threads, JIT and GC included) and
 * the load average: a relative figure, not a bar (the bar is {@code symphony bench git} on a quiet machine). With a
 * reader's name as the third argument only that one runs, and its first read in the fresh JVM is printed too (run
 * with the host's JIT flags, that is what the extension's first status costs).
 * <pre>java -cp TEST_CLASSPATH dev.symphony.samples.git.StatusReadComparison REPO [ROUNDS [indexDiff|callerOnly|inParts]]</pre>
 */
public final class StatusReadComparison {
    private StatusReadComparison() {
    }

    interface Read {
        GitStatus run(Repository repo) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int cpus = Runtime.getRuntime().availableProcessors();
        ExecutorService helpers = Executors.newFixedThreadPool(Math.max(1, cpus - 1));
        StatusReader inParts = StatusReader.sideBySide(helpers, cpus - 1);
        Map<String, Read> reads = new LinkedHashMap<>();
        reads.put("indexDiff", repo -> PorcelainStatus.of(repo, repo.readDirCache(), StatusReader.indexDiff(repo)));
        reads.put("callerOnly", StatusReader::read);
        reads.put("inParts", inParts::status);
        if (args.length > 2) {
            reads.keySet().retainAll(List.of(args[2]));
        }
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Double>> cpuMs = new LinkedHashMap<>();
        reads.keySet().forEach(k -> ms.put(k, new ArrayList<>()));
        reads.keySet().forEach(k -> cpuMs.put(k, new ArrayList<>()));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<GitStatus.Entry> expected = null;
        try (Repository repo = new FileRepositoryBuilder().setWorkTree(new File(args[0])).setMustExist(true).build()) {
            for (int round = 0; round < rounds + 2; round++) { // the first two warm the JIT
                for (Map.Entry<String, Read> read : reads.entrySet()) {
                    long cpu = os.getProcessCpuTime();
                    long start = System.nanoTime();
                    GitStatus status = read.getValue().run(repo);
                    double took = (System.nanoTime() - start) / 1e6;
                    double cpuTook = (os.getProcessCpuTime() - cpu) / 1e6;
                    if (expected == null) {
                        expected = status.entries();
                    } else if (!expected.equals(status.entries())) {
                        throw new AssertionError(read.getKey() + " found " + status.entries().size() + " entries, not the "
                                + expected.size() + " of the first read");
                    }
                    if (round >= 2) {
                        ms.get(read.getKey()).add(took);
                        cpuMs.get(read.getKey()).add(cpuTook);
                    } else if (round == 0 && reads.size() == 1) {
                        System.out.printf("%s: first read %.1f ms%n", read.getKey(), took);
                    }
                }
            }
        } finally {
            helpers.shutdownNow();
        }
        StringBuilder out = new StringBuilder("under load, relative only: ");
        double base = median(ms.values().iterator().next());
        double cpuBase = median(cpuMs.values().iterator().next());
        ms.forEach((k, v) -> out.append(String.format("%s %.1f ms (%.2fx; CPU %.1f ms, %.2fx) ", k, median(v), median(v) / base,
                median(cpuMs.get(k)), median(cpuMs.get(k)) / cpuBase)));
        out.append(String.format("| %d entries, %d processors, load %.2f", expected.size(), cpus,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(out);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
