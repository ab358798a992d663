package dev.symphony.editor.cli;

import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.files.FileSearch;
import dev.symphony.editor.search.files.FileSearchOptions;
import dev.symphony.editor.search.files.SearchListener;
import dev.symphony.editor.search.files.SearchSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code symphony bench search --dir DIR [--literal L] [--regex R] [--rounds N]}: the search engine
 * in this process, warm (warm-up rounds first), against {@code rg --count-matches} as a whole
 * process, run alternately. Prints one JSON line per pattern: medians of the engine's time to
 * the end and to the first file with matches, rg's whole-process time, both match counts and the
 * load average beside them. A ratio means something only on a quiet machine (load below 0.5).
 */
public final class SearchBench {

    static final String USAGE = "usage: symphony bench search --dir DIR [--literal TEXT] [--regex PATTERN] [--rounds N] [--warmup N]\n"
            + "  DIR: e.g. the JDK sources unpacked (mkdir jdk-src && cd jdk-src && unzip -q $JAVA_HOME/lib/src.zip)";

    private SearchBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path dir = null;
        String literal = "synchronized";
        String regex = "\\bsynchroni[sz]ed\\s*\\(";
        int rounds = 7;
        int warmup = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--literal" -> literal = args[++i];
                    case "--regex" -> regex = args[++i];
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (RuntimeException e) {
            err.println("bench search: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("bench search: --dir must name a folder\n" + USAGE);
            return 2;
        }
        boolean haveRg = rgWorks();
        if (!haveRg) {
            err.println("bench search: rg (ripgrep) not found: measuring the engine alone");
        }
        for (SearchQuery query : List.of(SearchQuery.literal(literal), SearchQuery.regex(regex))) {
            FileSearchOptions options = FileSearchOptions.of(query);
            for (int i = 0; i < warmup; i++) {
                search(dir, options);
            }
            double[] engine = new double[rounds];
            double[] first = new double[rounds];
            double[] rg = new double[rounds];
            long matches = 0;
            long files = 0;
            long rgMatches = -1;
            for (int i = 0; i < rounds; i++) { // alternating: the same load for both
                SearchSummary s = search(dir, options);
                engine[i] = s.elapsedMillis();
                first[i] = s.firstResultNanos() / 1e6;
                matches = s.matches();
                files = s.filesSearched();
                if (haveRg) {
                    long t0 = System.nanoTime();
                    rgMatches = rg(dir, query);
                    rg[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            double e = median(engine);
            double r = haveRg ? median(rg) : Double.NaN;
            out.println(String.format(Locale.ROOT,
                    "{\"pattern\":\"%s\",\"kind\":\"%s\",\"files\":%d,\"matches\":%d,\"rgMatches\":%d,\"engineMs\":%.1f,"
                            + "\"firstResultMs\":%.1f,\"rgProcessMs\":%.1f,\"ratio\":%.2f,\"rounds\":%d,\"loadAverage\":%.2f,\"cores\":%d}",
                    query.text().replace("\\", "\\\\"), query.regex() ? "regex" : "literal", files, matches, rgMatches, e,
                    median(first), r, e / r, rounds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors()));
        }
        return 0;
    }

    private static SearchSummary search(Path dir, FileSearchOptions options) {
        return FileSearch.start(dir, options, new SearchListener() { }).summary().join();
    }

    private static long rg(Path dir, SearchQuery query) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rg", "--no-config", "--count-matches", "--no-filename", "--no-messages"));
        if (!query.regex()) {
            command.add("--fixed-strings");
        }
        command.addAll(List.of("--", query.text(), dir.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long total = 0;
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            if (!line.isBlank()) {
                total += Long.parseLong(line.trim());
            }
        }
        p.waitFor(5, TimeUnit.MINUTES);
        return total;
    }

    /** Whether {@code rg} (ripgrep) runs here (the differential test and this bench skip it otherwise). */
    public static boolean rgWorks() {
        try {
            Process p = new ProcessBuilder("rg", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
