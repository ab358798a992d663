package dev.symphony.ui.quickopen;

import dev.symphony.editor.workspace.WalkOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code symphony bench quick-open [--dir DIR | --files N] [--rounds N]}: Quick Open's index and
 * ranking, in this process, warm. Without {@code --dir} it makes a tree of N (default 100,000)
 * empty files with Java-like names under the temporary folder (seeded, kept for the next run).
 * Prints one JSON line: the index build (one walk with the workspace walker's filters; median and
 * slowest of the rounds) and each keystroke's work as Quick Open does it on the JavaFX thread
 * (snapshot of the index + {@link QuickOpenRanker#rank}) while queries are typed one character
 * at a time, median / 99th percentile / slowest, with the load average beside them. Bars (issue 17):
 * index ≤ 1,000 ms, each keystroke ≤ 16 ms; they mean something only on a quiet machine (load below 0.5).
 */
public final class QuickOpenBench {

    private static final String[] WORDS = {"core", "util", "editor", "search", "view", "model", "index", "file", "text",
        "buffer", "rope", "tree", "node", "kernel", "bus", "queue", "plugin", "conductor", "player", "score", "quick",
        "open", "panel", "state", "event", "command", "palette", "theme", "syntax", "token", "walker", "glob"};
    private static final String[] QUERIES = {"quickopenviewmodel", "edsearchview", "ker/bus/queue", "ropetree.java",
        "themepanel", "cmdpal", "syntaxtoken", "fileindex:42"};

    private QuickOpenBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path dir = null;
        int count = 100_000;
        int rounds = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--files" -> count = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Math.max(1, Integer.parseInt(args[++i]));
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (RuntimeException e) {
            err.println("bench quick-open: " + e.getMessage()
                    + "\nusage: symphony bench quick-open [--dir DIR | --files N] [--rounds N]");
            return 2;
        }
        if (dir == null) {
            dir = Path.of(System.getProperty("java.io.tmpdir"), "symphony-quick-open-" + count);
            if (!Files.exists(dir.resolve(".complete"))) {
                err.println("bench quick-open: making " + count + " files under " + dir + " (once)…");
                makeTree(dir, count);
            }
        }
        FileIndex index = new FileIndex();
        double[] build = new double[rounds + 1];
        for (int i = 0; i <= rounds; i++) { // the first walk also warms the file system's caches
            index.rebuild(dir, WalkOptions.defaults());
            build[i] = index.buildMillis();
        }
        List<Double> keys = new ArrayList<>();
        List<String> recent = List.of();
        for (int round = 0; round <= rounds; round++) {
            QuickOpenRanker ranker = new QuickOpenRanker(QuickOpenViewModel.MAX_RESULTS);
            for (String q : QUERIES) {
                for (int len = 1; len <= q.length(); len++) {
                    long t0 = System.nanoTime();
                    ranker.rank(QuickOpenViewModel.fileQuery(q.substring(0, len)), index.snapshot(), recent);
                    if (round > 0) { // round 0 warms up
                        keys.add((System.nanoTime() - t0) / 1e6);
                    }
                }
            }
        }
        double[] k = keys.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] b = Arrays.copyOfRange(build, 1, build.length);
        Arrays.sort(b);
        out.println(String.format(Locale.ROOT,
                "{\"files\":%d,\"indexMs\":%.1f,\"indexMaxMs\":%.1f,\"firstIndexMs\":%.1f,\"keystrokes\":%d,\"keyMedianMs\":%.2f,"
                        + "\"keyP99Ms\":%.2f,\"keyMaxMs\":%.2f,\"rounds\":%d,\"loadAverage\":%.2f,\"cores\":%d,\"dir\":\"%s\"}",
                index.size(), b[b.length / 2], b[b.length - 1], build[0], k.length, k[k.length / 2],
                k[Math.min(k.length - 1, (int) Math.ceil(k.length * 0.99) - 1)], k[k.length - 1], rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(),
                dir.toString().replace("\\", "\\\\")));
        return 0;
    }

    /** N empty files, a few hundred per folder, three to five folders deep, names from {@link #WORDS} (seed 17). */
    static void makeTree(Path dir, int count) throws IOException {
        SplittableRandom r = new SplittableRandom(17);
        Files.createDirectories(dir);
        Path folder = dir;
        for (int i = 0; i < count; i++) {
            if (i % 200 == 0) {
                folder = dir;
                int depth = 3 + r.nextInt(3);
                for (int d = 0; d < depth; d++) {
                    folder = folder.resolve(WORDS[r.nextInt(WORDS.length)] + (d == 0 ? "" : String.valueOf(r.nextInt(4))));
                }
                Files.createDirectories(folder);
            }
            String name = cap(WORDS[r.nextInt(WORDS.length)]) + cap(WORDS[r.nextInt(WORDS.length)]) + i
                    + (r.nextInt(5) == 0 ? ".md" : ".java");
            Files.write(folder.resolve(name), new byte[0]);
        }
        Files.write(dir.resolve(".complete"), new byte[0]);
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
