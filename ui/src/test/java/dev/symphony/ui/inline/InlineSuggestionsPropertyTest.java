package dev.symphony.ui.inline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.symphony.editor.text.Rope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link InlineSuggestions} against a scripted model and clock, seeded ({@code -Dsymphony.test.seed=N} or
 * SYMPHONY_TEST_SEED replays a run): random typing (often the suggestion's own next characters), caret moves, Esc,
 * accepted words, time passing, and answers arriving late, out of order and after their cancel. After every step: a
 * shown suggestion is the answer to a request made for exactly the current text and caret (less what was typed of
 * it since), and at most one request is in flight.
 */
class InlineSuggestionsPropertyTest {
    private static final long DELAY = 100;

    private static long seed() {
        String fromEnv = System.getenv("SYMPHONY_TEST_SEED");
        String value = fromEnv != null ? fromEnv : System.getProperty("symphony.test.seed");
        return value != null ? Long.parseLong(value) : System.nanoTime();
    }

    /** One request the scripted model got: what for, its answer, whether it was cancelled or answered. */
    private static final class Asked {
        final InlineSuggestions.Context context;
        final String answer;
        final Consumer<String> deliver;
        boolean cancelled;
        boolean delivered;

        Asked(InlineSuggestions.Context context, String answer, Consumer<String> deliver) {
            this.context = context;
            this.answer = answer;
            this.deliver = deliver;
        }
    }

    private record Task(long due, Runnable run, boolean[] cancelled) {
    }

    private long now;
    private final List<Task> timers = new ArrayList<>();
    private final ArrayDeque<Runnable> ownerQueue = new ArrayDeque<>();
    private final List<Asked> asked = new ArrayList<>();
    private String text = "";
    private int caret;
    private int staleDelivered;
    private int shownTimes;

    @Test
    void staleSuggestionsAreNeverShown() {
        long seed = seed();
        System.out.println("InlineSuggestionsPropertyTest seed " + seed + " (-Dsymphony.test.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        for (int run = 0; run < 40; run++) {
            runOnce(new Random(random.nextLong()), seed, run);
        }
        assertTrue(staleDelivered > 0, "the runs delivered answers after newer keystrokes (seed " + seed + ")");
        assertTrue(shownTimes > 0, "the runs showed suggestions (seed " + seed + ")");
    }

    private void runOnce(Random random, long seed, int run) {
        now = 0;
        timers.clear();
        ownerQueue.clear();
        asked.clear();
        text = "";
        caret = 0;
        InlineSuggestions.Source source = (context, answer, failed) -> {
            Asked a = new Asked(context, "w" + context.state() + (random.nextBoolean() ? " next" : "\nline" + random.nextInt(9)), answer);
            asked.add(a);
            return () -> a.cancelled = true;
        };
        InlineSuggestions.Timer timer = (delay, task) -> {
            boolean[] cancelled = {false};
            timers.add(new Task(now + delay, task, cancelled));
            return () -> cancelled[0] = true;
        };
        List<InlineSuggestions.Shown> seen = new ArrayList<>();
        InlineSuggestions model = new InlineSuggestions(source, timer, ownerQueue::add, DELAY, seen::add);
        for (int step = 0; step < 400; step++) {
            int op = random.nextInt(100);
            InlineSuggestions.Shown shown = model.shown();
            if (op < 30) {
                String typed = shown != null && random.nextInt(3) > 0 ? shown.text().substring(0, 1)
                        : String.valueOf((char) ('a' + random.nextInt(26)));
                edit(model, typed);
            } else if (op < 35 && shown != null) {
                String word = model.acceptWord();
                edit(model, word);
            } else if (op < 40) {
                // half the moves go to the end, where suggestions are offered (elsewhere on a line with text after it they are not)
                caret = random.nextBoolean() ? text.length() : random.nextInt(text.length() + 1);
                model.moved(Rope.of(text), caret);
            } else if (op < 43) {
                model.dismiss();
            } else if (op < 47 && caret > 0) { // backspace: not an insertion
                text = text.substring(0, caret - 1) + text.substring(caret);
                caret--;
                model.changed(Rope.of(text), caret, null, rest());
            } else if (op < 70) {
                now += random.nextInt((int) DELAY * 2);
                fireTimers();
            } else if (op < 90) {
                deliverOne(random, model);
            } else {
                drainOwner(random.nextInt(3));
            }
            check(model, seed, run, step);
        }
    }

    private boolean rest() {
        int end = text.indexOf('\n', caret);
        return text.substring(caret, end < 0 ? text.length() : end).isBlank();
    }

    private void edit(InlineSuggestions model, String typed) {
        text = text.substring(0, caret) + typed + text.substring(caret);
        caret += typed.length();
        model.changed(Rope.of(text), caret, typed, rest());
    }

    private void fireTimers() {
        for (Task t : List.copyOf(timers)) {
            if (t.due() <= now) {
                timers.remove(t);
                if (!t.cancelled()[0]) {
                    t.run().run();
                }
            }
        }
    }

    /** An answer, chosen at random among those not yet given (cancelled ones too: a model may answer after a cancel). */
    private void deliverOne(Random random, InlineSuggestions model) {
        List<Asked> open = asked.stream().filter(a -> !a.delivered).toList();
        if (open.isEmpty()) {
            return;
        }
        Asked a = open.get(random.nextInt(open.size()));
        a.delivered = true;
        if (model.current() != a.context) {
            staleDelivered++;
        }
        a.deliver.accept(a.answer);
    }

    private void drainOwner(int n) {
        for (int i = 0; i < n && !ownerQueue.isEmpty(); i++) {
            ownerQueue.poll().run();
        }
    }

    private void check(InlineSuggestions model, long seed, int run, int step) {
        String where = " (seed " + seed + ", run " + run + ", step " + step + ")";
        long inFlight = asked.stream().filter(a -> !a.cancelled && !a.delivered).count();
        assertTrue(inFlight <= 1, "requests in flight: " + inFlight + where);
        InlineSuggestions.Shown shown = model.shown();
        if (shown == null) {
            return;
        }
        shownTimes++;
        assertEquals(caret, shown.caret(), "the suggestion is at the caret" + where);
        assertEquals(model.current().state(), shown.state(), "the suggestion belongs to the current state" + where);
        for (Asked a : asked) {
            String answer = a.answer;
            int typedLength = answer.length() - shown.text().length();
            if (typedLength >= 0 && answer.endsWith(shown.text())) {
                String before = a.context.text().toString();
                String expected = before.substring(0, a.context.caret()) + answer.substring(0, typedLength) + before.substring(a.context.caret());
                if (expected.equals(text) && a.context.caret() + typedLength == caret) {
                    return;
                }
            }
        }
        fail("shown '" + shown.text() + "' answers no request for the current text '" + text + "' at " + caret + where);
    }

    @Test
    void nextWordTakesBlanksThenAWordOrOneCharacter() {
        assertEquals("  foo", InlineSuggestions.nextWord("  foo(bar)"));
        assertEquals("(", InlineSuggestions.nextWord("(bar)"));
        assertEquals("\n", InlineSuggestions.nextWord("\n  x"));
        assertEquals(" \r\n", InlineSuggestions.nextWord(" \r\nx"));
        assertEquals("", InlineSuggestions.nextWord(""));
    }

    @Test
    void anEditCancelsTheRequestInFlightAndDisabledAsksNothing() {
        List<Asked> got = new ArrayList<>();
        InlineSuggestions.Source source = (context, answer, failed) -> {
            Asked a = new Asked(context, "x", answer);
            got.add(a);
            return () -> a.cancelled = true;
        };
        List<Runnable> due = new ArrayList<>();
        InlineSuggestions model = new InlineSuggestions(source, (d, task) -> {
            due.add(task);
            return () -> due.remove(task);
        }, Runnable::run, DELAY, s -> { });
        model.changed(Rope.of("a"), 1, "a", true);
        due.remove(0).run();
        assertEquals(1, got.size());
        assertTrue(model.requesting());
        model.changed(Rope.of("ab"), 2, "b", true);
        assertTrue(got.get(0).cancelled, "the newer keystroke cancelled the older request");
        assertTrue(!model.requesting() && due.size() == 1, "a new pause started, nothing in flight");
        got.get(0).deliver.accept("late");
        assertNull(model.shown(), "the cancelled request's late answer is not shown");
        model.setEnabled(false);
        assertTrue(due.isEmpty(), "disabling cancelled the pause");
        model.changed(Rope.of("abc"), 3, "c", true);
        assertTrue(due.isEmpty(), "disabled: no pause, no request");
        model.setEnabled(true);
        model.changed(Rope.of("abcd"), 4, "d", false);
        assertTrue(due.isEmpty(), "not offerable here (text after the caret): nothing asked");
    }
}
