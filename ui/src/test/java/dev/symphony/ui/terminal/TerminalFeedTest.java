package dev.symphony.ui.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an emulator reads from a feed: line ends as a pty gives them, a reader that waits, an end when closed. */
class TerminalFeedTest {
    private static String read(TerminalFeed feed) throws Exception {
        char[] buf = new char[TerminalFeed.LIMIT + 10];
        int n = feed.read(buf, 0, buf.length);
        return n < 0 ? null : new String(buf, 0, n);
    }

    @Test
    void linesEndAsAPtysDoAndAWaitingReaderGetsWhatArrives() throws Exception {
        TerminalFeed feed = new TerminalFeed("Agent: t");
        feed.append("one\ntwo\r\n");
        assertTrue(feed.ready());
        assertEquals("one\r\ntwo\r\n", read(feed));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return read(feed);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "nothing to read yet: the reader waits");
        feed.append("three");
        assertEquals("three", waiting.get(5, TimeUnit.SECONDS));
        feed.write("typed"); // read-only: goes nowhere
        assertFalse(feed.ready());
    }

    @Test
    void closedTheReaderEndsAndWhatArrivesLaterIsDropped() throws Exception {
        TerminalFeed feed = new TerminalFeed("Agent: t");
        java.util.concurrent.atomic.AtomicInteger stops = new java.util.concurrent.atomic.AtomicInteger();
        feed.running("sleep 5", stops::incrementAndGet);
        assertEquals("sleep 5", feed.runningNow());
        feed.closeAndStop();
        feed.append("late");
        assertFalse(feed.isOpen());
        assertEquals(null, read(feed));
        assertEquals(1, stops.get(), "closed while it ran, what runs is stopped");
    }

    @Test
    void closedWhenNothingRunsNothingIsStopped() {
        TerminalFeed feed = new TerminalFeed("Agent: t");
        java.util.concurrent.atomic.AtomicInteger stops = new java.util.concurrent.atomic.AtomicInteger();
        feed.running("true", stops::incrementAndGet);
        feed.running(null, null);
        feed.closeAndStop();
        assertEquals(0, stops.get(), "the command had ended: closing stops nothing");
    }

    @Test
    void withNoEmulatorReadingTheOldestTextIsDroppedBeyondTheLimit() throws Exception {
        TerminalFeed feed = new TerminalFeed("Agent: t");
        String chunk = "x".repeat(1000);
        for (int i = 0; i < TerminalFeed.LIMIT / 1000 + 10; i++) {
            feed.append(chunk);
        }
        feed.append("END");
        String all = read(feed);
        assertTrue(all.length() <= TerminalFeed.LIMIT && all.endsWith("END"), all.length() + " characters");
    }
}
