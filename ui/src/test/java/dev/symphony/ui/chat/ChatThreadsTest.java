package dev.symphony.ui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat's kept threads on disk: per workspace, atomic, a damaged file named and left alone, search. */
class ChatThreadsTest {
    private static final long SEED = Long.getLong("symphony.test.seed", System.nanoTime());
    @TempDir
    Path root;
    @TempDir
    Path workspace;

    private static ChatThreads.Saved thread(String id, String title, long updated, String question, String answer) {
        return new ChatThreads.Saved(id, title, updated, List.of(Message.user(question), new Message("assistant", answer)),
                List.of(new ChatThreads.Shown("user", question, null, List.of("hello.txt"), false),
                        new ChatThreads.Shown("assistant", answer, "model · 3 in / 4 out", null, false),
                        new ChatThreads.Shown("tool", "3 lines", "Read hello.txt", null, true)));
    }

    @Test
    void aThreadIsWrittenAtomicallyAndReadBackWhole() throws IOException {
        ChatThreads threads = ChatThreads.of(root, workspace);
        ChatThreads.Saved saved = thread("0000000000001-0000000a", "Why?", 1, "Why is the sky blue?", "```java\nint x;\n```");
        threads.save(saved);
        threads.save(saved); // written over: still one file, no temporary left beside it
        try (Stream<Path> files = Files.list(threads.folder())) {
            assertEquals(List.of(threads.file(saved.id())), files.toList());
        }
        assertEquals(saved, threads.load(saved.id()));
        assertTrue(Files.readString(threads.file(saved.id())).contains(workspace.toAbsolutePath().normalize().toString()),
                "the file names its workspace");
    }

    @Test
    void aStepKeepsItsCheckpointSoItsRestoreAndItsUndoComeBackLive() throws IOException {
        List<ChatEntry> shown = List.of(new ChatEntry.User("fix it", List.of()), new ChatEntry.Tool("Edited a.txt", "diff", true, 7),
                new ChatEntry.Tool("Read a.txt", "1 line", true), new ChatEntry.Restored("Restored to before step 7: Edit a.txt", "  restored a.txt", 9));
        ChatThreads threads = ChatThreads.of(root, workspace);
        threads.save(new ChatThreads.Saved("0000000000002-0000000b", "fix it", 2, List.of(Message.user("fix it")),
                ThreadEntries.toShown(shown)));
        List<ChatEntry> back = ThreadEntries.toEntries(threads.load("0000000000002-0000000b").shown());
        assertEquals(shown.subList(1, 4), back.subList(1, 4), "the step's checkpoint (Restore) and the restore's (Undo) are kept");
        // a thread kept before checkpoints were: its lines stay plain
        Path old = threads.file("0000000000003-0000000c");
        Files.writeString(old, Files.readString(threads.file("0000000000002-0000000b")).replaceAll(",\\s*\"checkpoint\" : \\d+", "")
                .replace("0000000000002-0000000b", "0000000000003-0000000c"));
        assertEquals(new ChatEntry.Tool("Edited a.txt", "diff", true, 0),
                ThreadEntries.toEntries(threads.load("0000000000003-0000000c").shown()).get(1));
    }

    @Test
    void aThreadKeepsItsTokensAndMoneyAndAnOlderFileHasNone() throws IOException {
        ChatThreads threads = ChatThreads.of(root, workspace);
        ChatThreads.Saved t = thread("0000000000004-0000000d", "spend", 4, "spend", "spent");
        ThreadUsage.Totals used = new ThreadUsage.Totals(1_234, 56, 0.0125, false, "EUR");
        threads.save(new ChatThreads.Saved(t.id(), t.title(), t.updated(), t.conversation(), t.shown(), used));
        assertEquals(used, threads.load(t.id()).usage());
        ThreadUsage tally = new ThreadUsage();
        assertEquals("1,234 in · 56 out tokens · 0.0125 EUR", tally.resume(threads.load(t.id()).usage()), "the footer of the reopened thread");
        assertEquals(used, tally.totals(), "counted on from there");
        // a thread kept before usage was: none, and an empty footer
        Files.writeString(threads.file(t.id()), Files.readString(threads.file(t.id())).replaceAll(",\\s*\"usage\" : \\{[^}]*\\}", ""));
        assertFalse(Files.readString(threads.file(t.id())).contains("usage"), "the older file has no usage");
        assertEquals(ThreadUsage.Totals.NONE, threads.load(t.id()).usage());
        assertEquals("", new ThreadUsage().resume(ThreadUsage.Totals.NONE));
    }

    @Test
    void eachWorkspaceHasItsOwnThreads() throws IOException {
        Path other = Files.createDirectories(workspace.resolve("other"));
        ChatThreads.of(root, workspace).save(thread("1", "here", 1, "here", "a"));
        ChatThreads.of(root, other).save(thread("2", "there", 2, "there", "b"));
        assertNotEquals(ChatThreads.of(root, workspace).folder(), ChatThreads.of(root, other).folder());
        assertEquals(List.of("1"), ChatThreads.of(root, workspace).search("").threads().stream().map(ChatThreads.Saved::id).toList());
        assertEquals(List.of("2"), ChatThreads.of(root, other).search("").threads().stream().map(ChatThreads.Saved::id).toList());
        assertEquals(List.of(), ChatThreads.of(root, null).search("").threads(), "no folder: its own, empty list");
    }

    @Test
    void aDamagedFileIsNamedAndLeftAsItIs() throws IOException {
        ChatThreads threads = ChatThreads.of(root, workspace);
        threads.save(thread("good", "fine", 1, "fine", "ok"));
        Path bad = threads.file("bad");
        Files.writeString(bad, "{\"version\": 1, \"id\": \"bad\", \"conversation\": [");
        Path foreign = threads.file("foreign");
        Files.writeString(foreign, "{\"something\": \"else\"}");
        ChatThreads.Listing listing = threads.search("");
        assertEquals(List.of("good"), listing.threads().stream().map(ChatThreads.Saved::id).toList(), "the good thread is still listed");
        assertEquals(2, listing.problems().size(), listing.problems().toString());
        assertTrue(listing.problems().stream().anyMatch(p -> p.contains(bad.toString()) && p.contains("left as it is")), listing.problems().toString());
        assertTrue(listing.problems().stream().anyMatch(p -> p.contains(foreign.toString()) && p.contains("not a version 1 thread")),
                listing.problems().toString());
        IOException e = assertThrows(IOException.class, () -> threads.load("bad"));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertEquals("{\"version\": 1, \"id\": \"bad\", \"conversation\": [", Files.readString(bad), "the damaged file is not touched");
        assertNotEquals(ChatThreads.newId(5), ChatThreads.newId(5), "new threads never reuse a name");
    }

    @Test
    void entriesBecomeDataAndComeBack() {
        ChatEntry.Assistant a = new ChatEntry.Assistant();
        a.textProperty().set("**yes**");
        a.metaProperty().set("m · 1 in / 2 out");
        ChatEntry.Approval asked = new ChatEntry.Approval("Run rm x", "why");
        asked.reject();
        List<ChatEntry> entries = List.of(new ChatEntry.User("Delete x?", List.of("x.txt")), a, asked,
                new ChatEntry.Tool("Read x", "1 line", true, 4), new ChatEntry.Notice("Stopped.", false));
        List<ChatThreads.Shown> shown = ThreadEntries.toShown(entries);
        assertEquals("Delete x?", ThreadEntries.title(shown));
        List<ChatEntry> back = ThreadEntries.toEntries(shown);
        assertEquals(new ChatEntry.User("Delete x?", List.of("x.txt")), back.get(0));
        assertTrue(back.get(1) instanceof ChatEntry.Assistant b && b.textProperty().get().equals("**yes**")
                && !b.streamingProperty().get() && b.metaProperty().get().equals("m · 1 in / 2 out"));
        assertEquals(new ChatEntry.Notice("Run rm x: Rejected: nothing was changed", false), back.get(2), "an approval is kept as its outcome");
        assertEquals(new ChatEntry.Tool("Read x", "1 line", true, 4), back.get(3), "a kept step keeps its checkpoint: Restore is live again");
        assertEquals(new ChatEntry.Notice("Stopped.", false), back.get(4));
    }

    /**
     * Seeded ({@code -Dsymphony.test.seed=N}): random threads over a small vocabulary, searched with random queries of
     * one to three words in random case, against a plain reference (every word in the title or some message text).
     */
    @Test
    void searchFindsExactlyTheThreadsWithEveryWord() throws IOException {
        System.out.println("ChatThreadsTest seed " + SEED + " (replay with -Dsymphony.test.seed=" + SEED + ")");
        Random random = new Random(SEED);
        String[] words = {"gradle", "maven", "build", "test", "python", "venv", "rust", "cargo", "Docker", "compose", "ÉTÉ", "x"};
        ChatThreads threads = ChatThreads.of(root, workspace);
        List<ChatThreads.Saved> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ChatThreads.Saved s = thread(String.format(Locale.ROOT, "t%02d", i), sentence(random, words, 2), random.nextInt(1000),
                    sentence(random, words, 4), sentence(random, words, 6));
            threads.save(s);
            all.add(s);
        }
        for (int q = 0; q < 200; q++) {
            String query = sentence(random, words, 1 + random.nextInt(3));
            query = random.nextBoolean() ? query.toUpperCase(Locale.ROOT) : query;
            List<String> expected = new ArrayList<>();
            for (ChatThreads.Saved s : all) {
                String text = (s.title() + " " + String.join(" ", s.shown().stream().map(ChatThreads.Shown::text).toList())).toLowerCase(Locale.ROOT);
                boolean every = true;
                for (String w : query.toLowerCase(Locale.ROOT).split(" ")) {
                    every &= text.contains(w);
                }
                if (every) {
                    expected.add(s.id());
                }
            }
            List<ChatThreads.Saved> found = threads.search(query).threads();
            assertEquals(expected.stream().sorted().toList(), found.stream().map(ChatThreads.Saved::id).sorted().toList(),
                    "query '" + query + "' (seed " + SEED + ")");
            for (int i = 1; i < found.size(); i++) {
                assertFalse(found.get(i - 1).updated() < found.get(i).updated(), "newest first (seed " + SEED + ")");
            }
        }
    }

    private static String sentence(Random random, String[] words, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(words[random.nextInt(words.length)]);
        }
        return String.join(" ", out);
    }
}
