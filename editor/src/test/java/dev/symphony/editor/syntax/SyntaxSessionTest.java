package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondsun.tm4e.core.grammar.StackElement;
import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The incremental session against a from-scratch tokenization of the same text, through random edits. */
class SyntaxSessionTest {

    private static final String[] SNIPPETS = {"/*", "*/", "\"", "\n", "// c\n", "class X {\n", "}\n", "return 1;",
        "int a = 2;\n", " ", "\"s\"", "/** doc */\n", "\r\n", "if (x) {", "String s = \"a\\\"b\";\n"};

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final Language java = LanguageRegistry.builtIn().byId("java").orElseThrow();
    private final Theme theme = Themes.defaultDark();

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void randomEditsLeaveTheSameStylesAsTokenizingFromScratch() {
        Seeds.run("session differential", r -> {
            Rope text = Rope.of(CoreSamples.SAMPLES.get("java").text().repeat(20));
            List<int[]> announced = new CopyOnWriteArrayList<>();
            try (SyntaxSession s = SyntaxSession.open(java, theme, text, worker, (a, b) -> announced.add(new int[] {a, b}))) {
                for (int step = 0; step < 40; step++) {
                    Rope before = text;
                    text = randomChange(r, text);
                    int kind = r.nextInt(3);
                    if (kind == 0) {
                        s.update(before, text, lastChange);
                    } else if (kind == 1) {
                        s.update(before, text, null); // undo-like: no change description
                    } else {
                        int first = before.lineOf(lastChange.edits().get(0).from());
                        int oldLast = before.lineOf(lastChange.edits().get(0).to());
                        int newLast = text.lineOf(lastChange.map(lastChange.edits().get(0).to(), true));
                        s.update(text, first, oldLast, newLast);
                    }
                    if (r.nextInt(4) == 0) {
                        int first = r.nextInt(text.lineCount());
                        s.setViewport(first, first + 30);
                    }
                    if (r.nextInt(3) == 0) {
                        awaitQuiet(s);
                        assertMatchesScratch(s, text);
                    }
                }
                awaitQuiet(s);
                assertMatchesScratch(s, text);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // the listener runs after the commit
                while (announced.isEmpty() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertTrue(!announced.isEmpty());
            }
        });
    }

    @Test
    void farViewportGetsProvisionalStylesAtOnceThenTheFrontierFollowsIt() throws Exception {
        Rope text = Rope.of("class A {\n  int x = 1; // c\n}\n".repeat(20_000));
        List<int[]> ready = new CopyOnWriteArrayList<>();
        try (SyntaxSession s = SyntaxSession.open(java, theme, text, worker, (a, b) -> ready.add(new int[] {a, b}))) {
            int first = 25_000;
            s.setViewport(first, first + 30);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // styles are stored before the listener hears of them: wait for both
            java.util.function.BooleanSupplier announced = () -> ready.stream().anyMatch(rg -> rg[0] <= first + 1 && first + 1 <= rg[1]);
            while ((s.styles(first + 1) == null || !announced.getAsBoolean()) && System.nanoTime() < until) {
                Thread.sleep(2);
            }
            assertNotNull(s.styles(first + 1), "viewport styled");
            assertTrue(announced.getAsBoolean(), "the listener was told about the viewport's lines");
            assertNull(s.styles(5_000), "lines outside the window are not kept");
            awaitIdle(s);
            assertEquals(first + 30 + SessionState.AHEAD, s.exactUpTo(),
                    "the exact pass follows the viewport and stops 20,000 lines past it (of " + text.lineCount() + ")");
            assertMatchesScratch(s, text);
        }
    }

    @Test
    void stylesOfAnOldRevisionAreNeverReturned() {
        // a queue instead of a thread: the test decides when the worker runs
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        Rope text = Rope.of("int a = 1;\n".repeat(50));
        try (SyntaxSession s = SyntaxSession.open(java, theme, text, queue::add, (a, b) -> { })) {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
            assertNotNull(s.styles(10));
            Rope next = text.insert(text.lineStart(5), "/*");
            s.update(text, next, ChangeSet.of(TextEdit.insert(text.lineStart(5), "/*")));
            assertNull(s.styles(5), "line 5 changed");
            assertNull(s.styles(40), "line 40's start state may have changed");
            assertNotNull(s.styles(4), "lines before the change keep their styles");
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
            assertMatchesScratch(s, next);
            assertTrue(s.fullyTokenized());
        }
    }

    @Test
    void aBatchComputedForAnOlderRevisionIsDropped() {
        Rope text = Rope.of("int a = 1;\n".repeat(50));
        SessionState st = new SessionState(text);
        SessionState.Job job = st.nextJob();
        LineTokenizer tk = new LineTokenizer(java, theme);
        LineStyles[] styles = new LineStyles[job.lastLine() - job.firstLine() + 1];
        StackElement[] ends = new StackElement[styles.length];
        StackElement state = job.startState();
        for (int i = 0; i < styles.length; i++) {
            int line = job.firstLine() + i;
            LineTokenizer.Result r = tk.tokenize(text.substring(text.lineStart(line), text.lineEnd(line)), state);
            styles[i] = r.styles();
            ends[i] = state = r.endState();
        }
        Rope next = text.insert(0, "/*");
        st.update(next, 0, 0, 0); // the edit lands while the batch was being computed
        assertNull(st.commit(new SessionState.Batch(job, styles.length, styles, ends, 1)));
        assertNull(st.styles(3));
        assertEquals(0, st.validUpTo());
    }

    @Test
    void anEditReTokenizesOnlyUntilTheStateConverges() {
        Rope text = Rope.of("class A {\n  int x = 1; // c\n}\n".repeat(3_000));
        try (SyntaxSession s = SyntaxSession.open(java, theme, text, worker, (a, b) -> { })) {
            awaitQuiet(s);
            long before = s.stats().linesTokenized();
            int at = text.lineStart(4_500) + 2;
            Rope next = text.insert(at, "y");
            s.update(text, next, ChangeSet.of(TextEdit.insert(at, "y")));
            awaitQuiet(s);
            long again = s.stats().linesTokenized() - before;
            assertTrue(again < 700, "re-tokenized " + again + " of " + next.lineCount() + " lines");
            assertMatchesScratch(s, next);
            // opening a comment changes every later state: the frontier runs to the end this time
            before = s.stats().linesTokenized();
            Rope commented = next.insert(next.lineStart(100), "/*");
            s.update(next, commented, ChangeSet.of(TextEdit.insert(next.lineStart(100), "/*")));
            awaitQuiet(s);
            assertTrue(s.stats().linesTokenized() - before >= commented.lineCount() - 100);
            assertMatchesScratch(s, commented);
        }
    }

    private ChangeSet lastChange;

    private Rope randomChange(Random r, Rope text) {
        int from = r.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + (r.nextInt(3) == 0 ? r.nextInt(40) : 0));
        String ins = r.nextInt(4) == 0 ? "" : SNIPPETS[r.nextInt(SNIPPETS.length)];
        if (from == to && ins.isEmpty()) {
            ins = "x";
        }
        // never split a CRLF pair (the rope would count the halves as two line breaks)
        if (from > 0 && from < text.length() && text.charAt(from - 1) == '\r' && text.charAt(from) == '\n') {
            from--;
        }
        if (to > 0 && to < text.length() && text.charAt(to - 1) == '\r' && text.charAt(to) == '\n') {
            to++;
        }
        to = Math.max(from, to);
        lastChange = ChangeSet.of(new TextEdit(from, to, ins));
        return lastChange.apply(text);
    }

    private static void awaitQuiet(SyntaxSession s) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            synchronized (s) {
                if (s.fullyTokenized() && !s.hasPendingViewport()) {
                    return;
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("session did not settle in 30 s", s.lastFailure());
    }

    private static void awaitIdle(SyntaxSession s) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!s.idle() && System.nanoTime() < until) {
            Thread.sleep(2);
        }
        assertTrue(s.idle(), "worker idle");
    }

    private void assertMatchesScratch(SyntaxSession s, Rope text) {
        LineTokenizer tk = new LineTokenizer(java, theme);
        StackElement state = null;
        List<LineStyles> expected = new ArrayList<>();
        for (int i = 0; i < text.lineCount(); i++) {
            LineTokenizer.Result res = tk.tokenize(text.substring(text.lineStart(i), text.lineEnd(i)), state);
            expected.add(res.styles());
            state = res.endState();
        }
        int checked = 0;
        for (int i = 0; i < text.lineCount(); i++) {
            LineStyles got = s.styles(i);
            if (got != null) {
                assertEquals(expected.get(i), got, "line " + i + ": " + text.substring(text.lineStart(i), text.lineEnd(i)));
                checked++;
            }
        }
        assertTrue(checked > 0, "some lines styled");
    }
}
