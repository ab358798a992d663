import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bar "first frame from the installed copy is no slower than from the source checkout", judged from the
 * runs install-test.sh --compare N took, alternating installed and checkout (a single-file program; it ships in
 * no package).
 * <p>
 * {@code java StartupComparison.java RUNS_FILE START_LOAD}: RUNS_FILE has one line per run,
 * {@code SIDE<TAB>LOAD<TAB>PROBE_JSON} with SIDE {@code installed} or {@code checkout}, LOAD the 1-minute load
 * average just before that run, PROBE_JSON the startup probe's line. Prints each side's median, minimum and
 * maximum {@code firstFrameMs}, the pairs in which the installed copy was no slower, and a verdict: the bar holds
 * when the installed median is at most the checkout's. A figure is a result only when the machine was quiet when
 * the comparison started (load average under {@value #QUIET_LOAD}); otherwise the verdict says it is not one.
 * Exit 1 when a run printed no first frame, when the sides did not alternate, or when a quiet comparison finds
 * the installed copy slower; 0 otherwise.
 */
public final class StartupComparison {
    static final double QUIET_LOAD = 0.5;
    private static final Pattern FIRST_FRAME = Pattern.compile("\"firstFrameMs\"\\s*:\\s*(\\d+)");

    record Run(String side, double load, long firstFrameMs) {
    }

    record Verdict(String text, boolean failed) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StartupComparison RUNS_FILE START_LOAD");
            System.exit(2);
        }
        try {
            Verdict v = judge(parse(Files.readAllLines(Path.of(args[0]))), Double.parseDouble(args[1]));
            System.out.println(v.text());
            System.exit(v.failed() ? 1 : 0);
        } catch (IllegalArgumentException e) {
            System.err.println("startup comparison: " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static List<Run> parse(List<String> lines) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", 3);
            String where = "line " + (i + 1);
            if (f.length != 3 || !(f[0].equals("installed") || f[0].equals("checkout"))) {
                throw new IllegalArgumentException(where + " is not SIDE<TAB>LOAD<TAB>PROBE_JSON with SIDE installed or checkout: " + lines.get(i));
            }
            Matcher m = FIRST_FRAME.matcher(f[2]);
            if (!m.find()) {
                throw new IllegalArgumentException(where + ": the " + f[0] + " run printed no firstFrameMs (did its window show?): " + f[2]);
            }
            runs.add(new Run(f[0], Double.parseDouble(f[1].trim()), Long.parseLong(m.group(1))));
        }
        if (runs.isEmpty() || runs.size() % 2 != 0) {
            throw new IllegalArgumentException("expected pairs of runs, found " + runs.size());
        }
        for (int i = 0; i < runs.size(); i++) {
            String expected = i % 2 == 0 ? "installed" : "checkout";
            if (!runs.get(i).side().equals(expected)) {
                throw new IllegalArgumentException("run " + (i + 1) + " is " + runs.get(i).side() + ", expected " + expected
                        + " (the sides must alternate, installed first)");
            }
        }
        return runs;
    }

    static Verdict judge(List<Run> runs, double startLoad) {
        List<Long> installed = runs.stream().filter(r -> r.side().equals("installed")).map(Run::firstFrameMs).toList();
        List<Long> checkout = runs.stream().filter(r -> r.side().equals("checkout")).map(Run::firstFrameMs).toList();
        int noSlower = 0;
        for (int i = 0; i < installed.size(); i++) {
            noSlower += installed.get(i) <= checkout.get(i) ? 1 : 0;
        }
        double mi = median(installed);
        double mc = median(checkout);
        double lo = runs.stream().mapToDouble(Run::load).min().orElse(0);
        double hi = runs.stream().mapToDouble(Run::load).max().orElse(0);
        boolean quiet = startLoad < QUIET_LOAD;
        boolean holds = mi <= mc;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "first frame (firstFrameMs), %d alternating pairs; load average %.2f at the start, %.2f-%.2f before the runs%n",
                installed.size(), startLoad, lo, hi));
        s.append(String.format(Locale.ROOT, "  installed: median %.0f ms (%d-%d)%n", mi, min(installed), max(installed)));
        s.append(String.format(Locale.ROOT, "  checkout:  median %.0f ms (%d-%d)%n", mc, min(checkout), max(checkout)));
        s.append(String.format(Locale.ROOT, "  installed no slower in %d of %d pairs; median ratio installed/checkout %.2f%n",
                noSlower, installed.size(), mi / mc));
        if (!quiet) {
            s.append(String.format(Locale.ROOT, "verdict: not a result - measured under load (%.2f at the start; quiet is under %.1f); "
                    + "under this load the installed copy %s. Rerun on a quiet machine.", startLoad, QUIET_LOAD,
                    holds ? "was no slower" : "was slower"));
            return new Verdict(s.toString(), false);
        }
        s.append(holds ? "verdict: the bar holds (installed median <= checkout median)"
                : "verdict: the bar does NOT hold (installed median > checkout median)");
        return new Verdict(s.toString(), !holds);
    }

    static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static long min(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
