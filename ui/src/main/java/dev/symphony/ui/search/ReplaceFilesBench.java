package dev.symphony.ui.search;

import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.files.FileMatches;
import dev.symphony.editor.search.files.FileReplacer;
import dev.symphony.editor.search.files.FileSearch;
import dev.symphony.editor.search.files.FileSearchOptions;
import dev.symphony.editor.search.files.SearchListener;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code symphony bench replace-files --dir SRC [--files N] [--find TEXT] [--replace TEXT] [--rounds N]}:
 * replace-all across files as the Search view does it, in this process. Each round copies the first N
 * (default 1,000) files of SRC that contain TEXT (default {@code synchronized}) into a fresh folder
 * beside the temporary folder (not timed), then times the search that finds them plus
 * {@link ReplaceAcrossFiles#replaceClosed} (load, one undoable edit and an atomic, fsynced save per
 * file), and then the undo of all of it. Prints one JSON line with medians and the load average; the
 * bar (issue 17) is replace-all over 1,000 files ≤ 2 s including saves, on a quiet machine (load below 0.5).
 */
public final class ReplaceFilesBench {

    private ReplaceFilesBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path src = null;
        int count = 1000;
        String find = "synchronized";
        String replace = "synchronised";
        int rounds = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> src = Path.of(args[++i]);
                    case "--files" -> count = Integer.parseInt(args[++i]);
                    case "--find" -> find = args[++i];
                    case "--replace" -> replace = args[++i];
                    case "--rounds" -> rounds = Math.max(1, Integer.parseInt(args[++i]));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (src == null || !Files.isDirectory(src)) {
                throw new IllegalArgumentException("--dir must name a folder of sources");
            }
        } catch (RuntimeException e) {
            err.println("bench replace-files: " + e.getMessage() + "\nusage: symphony bench replace-files --dir SRC [--files N]"
                    + " [--find TEXT] [--replace TEXT] [--rounds N]\n  SRC: e.g. the JDK sources unpacked"
                    + " (mkdir jdk-src && cd jdk-src && unzip -q $JAVA_HOME/lib/src.zip)");
            return 2;
        }
        SearchQuery query = SearchQuery.literal(find);
        List<Path> sample = sample(src, query, count);
        if (sample.size() < count) {
            err.println("bench replace-files: only " + sample.size() + " files of " + src + " contain '" + find + "'");
        }
        FileReplacer replacer = new FileReplacer(query, replace);
        Path work = Files.createTempDirectory("symphony-replace-files");
        double[] total = new double[rounds];
        double[] undo = new double[rounds];
        int files = 0;
        int replacements = 0;
        List<String> problems = new ArrayList<>();
        try {
            for (int round = 0; round <= rounds; round++) { // round 0 warms up
                Path dir = work.resolve("r" + round);
                for (int i = 0; i < sample.size(); i++) {
                    Path to = dir.resolve(i + "-" + sample.get(i).getFileName());
                    Files.createDirectories(to.getParent());
                    Files.copy(sample.get(i), to);
                }
                long t0 = System.nanoTime();
                List<Path> matched = Collections.synchronizedList(new ArrayList<>());
                FileSearch.start(dir, FileSearchOptions.of(query), new SearchListener() {
                    @Override
                    public void onFile(FileMatches m) {
                        matched.add(m.path());
                    }
                }).summary().join();
                ReplaceAcrossFiles r = new ReplaceAcrossFiles();
                r.replaceClosed(matched, replacer);
                long t1 = System.nanoTime();
                int replacedFiles = r.files();
                problems.addAll(r.problems());
                problems.addAll(r.undoClosed());
                long t2 = System.nanoTime();
                if (round > 0) {
                    total[round - 1] = (t1 - t0) / 1e6;
                    undo[round - 1] = (t2 - t1) / 1e6;
                    files = replacedFiles;
                    replacements = r.replacements();
                }
            }
        } finally {
            deleteTree(work);
        }
        if (!problems.isEmpty()) {
            err.println("bench replace-files: " + problems.size() + " problems, first: " + problems.get(0));
        }
        Arrays.sort(total);
        Arrays.sort(undo);
        out.println(String.format(Locale.ROOT,
                "{\"files\":%d,\"replacements\":%d,\"replaceAllMs\":%.1f,\"replaceAllMaxMs\":%.1f,\"undoMs\":%.1f,\"problems\":%d,"
                        + "\"rounds\":%d,\"loadAverage\":%.2f,\"cores\":%d}",
                files, replacements, total[rounds / 2], total[rounds - 1], undo[rounds / 2], problems.size(), rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors()));
        return problems.isEmpty() ? 0 : 1;
    }

    /** The first {@code count} files of {@code src} (in path order) holding a match. */
    private static List<Path> sample(Path src, SearchQuery query, int count) {
        List<Path> all = Collections.synchronizedList(new ArrayList<>());
        FileSearch.start(src, FileSearchOptions.of(query), new SearchListener() {
            @Override
            public void onFile(FileMatches m) {
                all.add(m.path());
            }
        }).summary().join();
        List<Path> sorted = new ArrayList<>(all);
        Collections.sort(sorted);
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Collections.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
