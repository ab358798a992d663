package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging and unstaging single hunks against the git executable: over seeded random rounds (a committed file, random
 * edits staged, more random edits on disk), the extension's hunks are {@code git diff -U0}'s and {@code git diff
 * --cached -U0}'s, and staging (unstaging) a random subset of them leaves the index blob that {@code git apply --cached
 * --unidiff-zero} ({@code -R}) of the same hunks leaves. Lines are unique, so every diff algorithm finds the same
 * changes. {@code -Dsymphony.test.seed=N} repeats a run.
 */
class GitHunksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");
    private static final int ROUNDS = 6;
    @TempDir
    Path dir;
    private int made;

    @Test
    void stagingAndUnstagingChosenHunksLeavesTheIndexGitApplyLeaves() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
        long seed = ScratchRepo.seed("GitHunksTest");
        Random random = new Random(seed);
        ScratchRepo repo = new ScratchRepo(dir);
        List<String> lines = fresh(random, 10 + random.nextInt(30));
        repo.write("f.txt", text(lines));
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "base");
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), dir);
        for (int round = 0; round < ROUNDS; round++) {
            String at = "seed " + seed + ", round " + round;
            List<String> staged = edit(random, lines);
            repo.write("f.txt", text(staged));
            repo.git("add", "f.txt");
            List<String> onDisk = edit(random, staged);
            repo.write("f.txt", text(onDisk));

            JsonNode hunks = h.call("hunks", JSON.readTree("{\"file\":\"f.txt\"}"));
            String unstagedDiff = repo.git("diff", "-U0", "f.txt");
            String stagedDiff = repo.git("diff", "--cached", "-U0", "f.txt");
            assertEquals(headers(unstagedDiff), headersOf(hunks.get("unstaged")), at + ": unstaged hunks");
            assertEquals(headers(stagedDiff), headersOf(hunks.get("staged")), at + ": staged hunks");

            String index = repo.git("rev-parse", ":f.txt").trim();
            List<Integer> pick = subset(random, hunks.get("unstaged").size());
            repo.write("subset.patch", subsetPatch(unstagedDiff, pick, false));
            repo.git("apply", "--cached", "--unidiff-zero", "subset.patch");
            String expected = repo.git("rev-parse", ":f.txt").trim();
            repo.git("update-index", "--cacheinfo", "100644," + index + ",f.txt");
            Files.delete(dir.resolve("subset.patch"));
            ObjectNode input = JSON.createObjectNode().put("file", "f.txt");
            if (round % 2 == 0) {
                pick.forEach(input.putArray("hunks")::add);
            } else { // by lines on disk: each chosen hunk's first line
                var ranges = input.putArray("ranges");
                pick.forEach(i -> ranges.addObject().put("start", hunks.at("/unstaged/" + i + "/startLine").asInt())
                        .put("end", hunks.at("/unstaged/" + i + "/startLine").asInt()));
            }
            assertEquals(pick.size(), h.call("stage-ranges", input).path("staged").asInt(), at);
            assertEquals(expected, repo.git("rev-parse", ":f.txt").trim(), at + ": staging hunks " + pick + " of\n" + unstagedDiff);
            assertEquals(text(onDisk), Files.readString(dir.resolve("f.txt")), at + ": the file is never written");

            String stagedNow = repo.git("diff", "--cached", "-U0", "f.txt");
            int count = headers(stagedNow).size();
            assertEquals(headers(stagedNow), headersOf(h.call("hunks", JSON.readTree("{\"file\":\"f.txt\"}")).get("staged")), at + ": staged hunks after staging");
            if (count > 0) {
                index = repo.git("rev-parse", ":f.txt").trim();
                List<Integer> back = subset(random, count);
                repo.write("subset.patch", subsetPatch(stagedNow, back, true));
                repo.git("apply", "--cached", "-R", "--unidiff-zero", "subset.patch");
                expected = repo.git("rev-parse", ":f.txt").trim();
                repo.git("update-index", "--cacheinfo", "100644," + index + ",f.txt");
                Files.delete(dir.resolve("subset.patch"));
                ObjectNode undo = JSON.createObjectNode().put("file", "f.txt");
                back.forEach(undo.putArray("hunks")::add);
                h.call("unstage-ranges", undo);
                assertEquals(expected, repo.git("rev-parse", ":f.txt").trim(), at + ": unstaging hunks " + back + " of\n" + stagedNow);
            }
            repo.git("add", "f.txt");
            repo.git("commit", "-q", "--allow-empty", "-m", "round " + round); // the edits on disk may have undone the staged ones
            lines = onDisk;
        }
    }

    @Test
    void unstagingBySelectedLinesFindsTheStagedHunkOnDiskAndRefusalsSayWhy() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write("f.txt", "a\nb\nc\nd\ne\nf\ng\nh\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "base");
        repo.write("f.txt", "a\nB\nc\nd\ne\nf\nG\nh\n");
        repo.git("add", "f.txt");
        repo.write("f.txt", "new\na\nB\nc\nd\ne\nf\nG\nh\n"); // a line above both staged changes: on disk they are lines 3 and 8
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), dir);
        JsonNode hunks = h.call("hunks", JSON.readTree("{\"file\":\"f.txt\"}"));
        assertEquals(3, hunks.at("/staged/0/startLine").asInt(), hunks.toString());
        assertEquals(8, hunks.at("/staged/1/startLine").asInt(), hunks.toString());
        assertEquals(1, h.call("unstage-ranges", JSON.readTree("{\"command\":\"git.unstageSelectedRanges\",\"editor\":{\"file\":\"f.txt\","
                + "\"selections\":[{\"startLine\":8,\"endLine\":8}],\"dirty\":false}}")).path("unstaged").asInt());
        assertEquals(List.of("-b", "+B"), repo.git("diff", "--cached", "-U0", "f.txt").lines().filter(l -> l.matches("[-+][a-zA-Z]+")).toList(),
                "only line 2's change stays staged");
        assertEquals("@@ -2 +2 @@", headers(repo.git("diff", "--cached", "-U0", "f.txt")).get(0));
        assertEquals(1, headers(repo.git("diff", "--cached", "-U0", "f.txt")).size());

        ExtensionException dirty = assertThrows(ExtensionException.class, () -> h.call("stage-ranges", JSON.readTree(
                "{\"command\":\"git.stageSelectedRanges\",\"editor\":{\"file\":\"f.txt\",\"selections\":[{\"startLine\":1,\"endLine\":1}],\"dirty\":true}}")));
        assertTrue(dirty.getMessage().contains("save 'f.txt' first"), dirty.getMessage());
        ExtensionException none = assertThrows(ExtensionException.class, () -> h.call("stage-ranges", JSON.readTree(
                "{\"file\":\"f.txt\",\"ranges\":[{\"start\":5,\"end\":6}]}")));
        assertTrue(none.getMessage().contains("no unstaged change of 'f.txt' is in the selected lines"), none.getMessage());
        Files.writeString(dir.resolve("new.txt"), "x\n");
        ExtensionException untracked = assertThrows(ExtensionException.class, () -> h.call("stage-ranges", JSON.readTree(
                "{\"file\":\"new.txt\",\"ranges\":[{\"start\":1,\"end\":1}]}")));
        assertTrue(untracked.getMessage().contains("untracked: stage the whole file"), untracked.getMessage());
        ExtensionException noEditor = assertThrows(ExtensionException.class, () -> h.call("stage-ranges", JSON.readTree(
                "{\"command\":\"git.stageSelectedRanges\"}")));
        assertTrue(noEditor.getMessage().contains("open a file of the repository"), noEditor.getMessage());
        ExtensionException bad = assertThrows(ExtensionException.class, () -> h.call("stage-ranges", JSON.readTree(
                "{\"file\":\"f.txt\",\"hunks\":[7]}")));
        assertTrue(bad.getMessage().contains("there is no hunk 7"), bad.getMessage());
    }

    @Test
    void theSourceControlViewListsAFilesHunksAndStagesAndUnstagesOne() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write("f.txt", "a\nb\nc\nd\ne\nf\ng\nh\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "base");
        repo.write("f.txt", "a\nB\nc\nd\ne\nf\nG\nh\n");
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), dir);
        JsonNode view = GitExtensionTest.render(h, null);
        for (long end = System.currentTimeMillis() + 20_000; GitExtensionTest.find(view, "reading") != null && System.currentTimeMillis() < end; ) {
            Thread.sleep(50);
            view = GitExtensionTest.render(h, null);
        }
        view = GitExtensionTest.render(h, GitExtensionTest.event("expand|changes|f.txt", "click", "expand", null));
        assertEquals("@@ -7 +7 @@\n-g\n+G", GitExtensionTest.find(view, "patch|changes|1|f.txt").at("/props/code").asText());
        view = GitExtensionTest.render(h, GitExtensionTest.event("stageHunk|changes|1|f.txt", "click", "stageHunk", null));
        assertEquals("Staged hunk 2 of f.txt", GitExtensionTest.find(view, "notice").at("/props/text").asText());
        assertEquals(List.of("@@ -7 +7 @@"), headers(repo.git("diff", "--cached", "-U0", "f.txt")));
        assertEquals(List.of("@@ -2 +2 @@"), headers(repo.git("diff", "-U0", "f.txt")));
        assertEquals(List.of("MM f.txt"), repo.porcelain());
        assertTrue(GitExtensionTest.ids(view).contains("stageHunk|changes|0|f.txt"), "the file stays expanded: " + GitExtensionTest.ids(view));

        view = GitExtensionTest.render(h, GitExtensionTest.event("expand|staged|f.txt", "click", "expand", null));
        view = GitExtensionTest.render(h, GitExtensionTest.event("unstageHunk|staged|0|f.txt", "click", "unstageHunk", null));
        assertEquals(List.of(" M f.txt"), repo.porcelain());
        assertEquals(List.of("@@ -2 +2 @@", "@@ -7 +7 @@"), headers(repo.git("diff", "-U0", "f.txt")));
        assertTrue(GitExtensionTest.ids(view).stream().noneMatch(id -> id.startsWith("unstageHunk|")), "nothing staged, no staged hunks");
    }

    /** The patch of {@code diff} (git diff -U0 of one file) with only hunks {@code pick}, their positions as the subset leaves them. */
    private static String subsetPatch(String diff, List<Integer> pick, boolean reverse) {
        StringBuilder out = new StringBuilder();
        List<String> lines = diff.lines().toList();
        int hunk = -1;
        int delta = 0;
        boolean keep = true;
        for (String l : lines) {
            Matcher m = HEADER.matcher(l);
            if (m.find()) {
                hunk++;
                keep = pick.contains(hunk);
                if (!keep) {
                    continue;
                }
                int oldLines = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int newLines = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                int oldBegin = begin(Integer.parseInt(m.group(1)), oldLines);
                int newBegin = begin(Integer.parseInt(m.group(3)), newLines);
                // git apply takes the side it writes as its first guess of where a hunk goes (for a zero-context insertion,
                // the only one): make that side what applying only the chosen hunks gives
                String header = reverse
                        ? "@@ -" + GitHunks.range(newBegin - delta, oldLines) + " +" + GitHunks.range(newBegin, newLines) + " @@"
                        : "@@ -" + GitHunks.range(oldBegin, oldLines) + " +" + GitHunks.range(oldBegin + delta, newLines) + " @@";
                delta += newLines - oldLines;
                out.append(header).append('\n');
            } else if (hunk < 0 || keep) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    private static int begin(int start, int count) {
        return count == 0 ? start : start - 1;
    }

    private static List<String> headers(String diff) {
        List<String> out = new ArrayList<>();
        for (String l : diff.lines().toList()) {
            Matcher m = HEADER.matcher(l);
            if (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static List<String> headersOf(JsonNode hunks) {
        List<String> out = new ArrayList<>();
        hunks.forEach(x -> out.add(x.get("header").asText()));
        return out;
    }

    private static List<Integer> subset(Random random, int size) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (random.nextBoolean()) {
                out.add(i);
            }
        }
        if (out.isEmpty() && size > 0) {
            out.add(random.nextInt(size));
        }
        return out;
    }

    /** Random insertions, deletions and replacements of blocks; every new line unique. Never the same list. */
    private List<String> edit(Random random, List<String> in) {
        List<String> out = new ArrayList<>(in);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.size() + 1);
            int len = 1 + random.nextInt(3);
            switch (random.nextInt(3)) {
                case 0 -> out.addAll(at, fresh(random, len));
                case 1 -> {
                    for (int i = 0; i < len && at < out.size() && out.size() > 1; i++) {
                        out.remove(at);
                    }
                }
                default -> {
                    for (int i = at; i < at + len && i < out.size(); i++) {
                        out.set(i, "line " + made++);
                    }
                }
            }
        }
        if (out.equals(in)) {
            out.add(random.nextInt(out.size() + 1), "line " + made++);
        }
        return out;
    }

    private List<String> fresh(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("line " + made++);
        }
        return out;
    }

    private static String text(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
