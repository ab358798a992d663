package dev.symphony.ui.editor.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A superseded count stops inside the regex engine, and a running one reports how far it has read. */
class WatchedTextTest {
    private static final String TEXT = "abcdefg\n".repeat(200_000);

    @Test
    void aCancelledCountStopsInsideOneLongFind() {
        AtomicBoolean cancelled = new AtomicBoolean();
        WatchedText text = new WatchedText(TEXT, () -> {
            cancelled.set(true); // superseded as soon as it first looks
            return true;
        });
        assertThrows(CancellationException.class,
                () -> FindModel.count(Pattern.compile("zzz"), text, new int[] {0, TEXT.length()}));
        assertTrue(cancelled.get());
        assertTrue(text.reached() < TEXT.length() / 4, "stopped early: read up to " + text.reached());
    }

    @Test
    void aCountThatRunsReportsProgressAndFindsWhatThePlainTextHas() {
        WatchedText text = new WatchedText(TEXT, () -> false);
        int[] all = {0, TEXT.length()};
        assertEquals(1, FindModel.count(Pattern.compile("defg\\n\\z"), text, all).size());
        assertEquals(FindModel.count(Pattern.compile("defg\\n\\z"), TEXT, all).size(),
                FindModel.count(Pattern.compile("defg\\n\\z"), text, all).size());
        assertTrue(text.reached() > TEXT.length() / 2, "progress reached " + text.reached());
    }
}
