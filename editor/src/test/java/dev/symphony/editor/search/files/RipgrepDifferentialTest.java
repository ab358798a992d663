package dev.symphony.editor.search.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.workspace.WalkOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search engine against the real {@code rg} on a seeded generated tree (ignore files at several
 * depths, hidden files, binary files, UTF-8 with and without a BOM, CRLF, a file larger than one
 * read chunk): the same match count in every file, for literals, case-folded literals, regexes and
 * globs. Skips with a message when {@code rg} is not installed.
 */
class RipgrepDifferentialTest {

    private static final String[] WORDS = {"alpha", "beta", "gamma", "synchronized", "synchronised", "Foo", "FOO",
        "foo", "fOo", "bar", "baz", "quux", "going", "doing", "size()", "x.size()", "café", "naïve", "日本語", "emoji😀",
        "(", ")", "{", "}", ";", "=", "tab\t", "  "};

    @TempDir
    Path root;

    @Test
    void sameMatchCountsPerFileAsRipgrep() throws Exception {
        Assumptions.assumeTrue(dev.symphony.editor.cli.SearchBench.rgWorks(), "rg (ripgrep) is not installed: skipping the differential test against it");
        Seeds.run("ripgrep differential", r -> {
            try {
                generate(r);
                compare(List.of("synchronized"), SearchQuery.literal("synchronized"));
                compare(List.of("size()"), SearchQuery.literal("size()"));
                compare(List.of("café"), SearchQuery.literal("café"));
                compare(List.of("-i", "foo"), SearchQuery.literal("foo").ignoringCase());
                compare(List.of("\\bsynchroni[sz]ed\\s*\\("), SearchQuery.regex("\\bsynchroni[sz]ed\\s*\\("));
                compare(List.of("[a-z]+ing"), SearchQuery.regex("[a-z]+ing"));
                compare(List.of("^alpha"), SearchQuery.regex("^alpha"));
                compare(List.of("beta$"), SearchQuery.regex("beta$"));
                compare(List.of("(alpha|gamma) +ba[rz]"), SearchQuery.regex("(alpha|gamma) +ba[rz]"));
                compare(List.of("-g", "*.java", "gamma"), SearchQuery.literal("gamma"), "*.java");
                compare(List.of("-g", "!sub*/**", "-g", "!*.txt", "beta"), SearchQuery.literal("beta"), "!sub*/**", "!*.txt");
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
    }

    private void compare(List<String> rgArgs, SearchQuery query, String... globs) throws IOException, InterruptedException {
        Map<String, Integer> expected = ripgrep(rgArgs);
        Map<String, Integer> actual = new ConcurrentHashMap<>();
        FileSearchOptions options = FileSearchOptions.of(query).withWalk(WalkOptions.defaults().withGlobs(List.of(globs)));
        long t0 = System.nanoTime();
        SearchSummary summary = FileSearch.start(root, options, new SearchListener() {
            @Override
            public void onFile(FileMatches m) {
                actual.put(m.relative(), m.matchCount());
            }
        }).summary().join();
        System.out.printf("rg %s: %d files, %.0f ms%n", rgArgs, actual.size(), (System.nanoTime() - t0) / 1e6);
        assertEquals(expected, new TreeMap<>(actual), "match counts per file for rg " + rgArgs);
        assertTrue(summary.binarySkipped() > 0 || globs.length > 0, "the tree's binary files were skipped");
    }

    private Map<String, Integer> ripgrep(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rg", "--no-config", "--count-matches", "--no-messages"));
        command.addAll(args.subList(0, args.size() - 1));
        command.addAll(List.of("--", args.get(args.size() - 1), "."));
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                int colon = line.lastIndexOf(':');
                counts.put(line.substring(2, colon), Integer.parseInt(line.substring(colon + 1)));
            }
        }
        return counts;
    }

    private void generate(Random r) throws IOException {
        Files.createDirectories(root.resolve(".git"));
        write(".gitignore", "*.log\nbuild/\n!keep.log\n/top-only.txt\n");
        write(".ignore", "ignored-by-dot-ignore/\n");
        write("sub1/.gitignore", "*.tmp\n!important.tmp\n");
        write("sub2/deeper/.ignore", "*.java\n");
        String[] dirs = {"", "sub1/", "sub2/", "sub2/deeper/", "build/", "ignored-by-dot-ignore/", ".hidden/", "src/main/"};
        String[] names = {"A.java", "b.txt", "c.md", "x.log", "keep.log", "d.tmp", "important.tmp", ".dotfile",
            "top-only.txt", "e.properties"};
        for (String dir : dirs) {
            for (String name : names) {
                for (int copy = 0; copy < 3; copy++) {
                    String file = dir + (copy == 0 ? name : copy + name);
                    write(file, text(r, r.nextInt(200), r.nextInt(4) == 0 ? "\r\n" : "\n"));
                }
            }
        }
        for (int i = 0; i < 5; i++) { // binary: a NUL early, text that matches after it
            byte[] head = text(r, 5, "\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = text(r, 50, "\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + 1 + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(tail, 0, all, head.length + 1, tail.length);
            Files.write(root.resolve("bin" + i + ".dat"), all);
        }
        write("bom.txt", "\uFEFF" + text(r, 50, "\n"));
        write("no-final-newline.txt", text(r, 20, "\n") + "alpha beta");
        write("empty.txt", "");
        write("long-line.txt", text(r, 3, "\n") + text(r, 30_000, " ") + "\n");
        write("big/large.java", text(r, 90_000, "\n")); // ~5 MB: several read chunks
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String text(Random r, int lines, String eol) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int words = r.nextInt(12);
            for (int w = 0; w < words; w++) {
                sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(5) == 0 ? "" : " ");
            }
            sb.append(eol);
        }
        return sb.toString();
    }
}
