package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CronTest {
    private static final LocalDateTime MONDAY_0930 = LocalDateTime.of(2026, 11, 23, 9, 30);

    @Test
    void validation() {
        assertNull(Cron.problem("*/15 9-17 * * 1-5"));
        assertNull(Cron.problem("@daily"));
        assertEquals("a cron expression has 5 fields (minute hour day-of-month month day-of-week), found 4", Cron.problem("* * * *"));
        assertEquals("hour field '24': 24 is outside 0-23", Cron.problem("0 24 * * *"));
        assertEquals("day of week field '5-1': range '5-1' runs backwards", Cron.problem("0 0 * * 5-1"));
        assertEquals("unknown cron macro '@sometimes'", Cron.problem("@sometimes"));
    }

    @Test
    void matching() {
        assertTrue(Cron.matches("30 9 * * 1-5", MONDAY_0930));
        assertFalse(Cron.matches("30 9 * * 1-5", MONDAY_0930.minusDays(1)));
        assertTrue(Cron.matches("*/15 * * * *", MONDAY_0930));
        assertFalse(Cron.matches("*/20 * * * *", MONDAY_0930));
        assertTrue(Cron.matches("30 9 * * 0", MONDAY_0930.minusDays(1)));
        assertTrue(Cron.matches("30 9 * * 7", MONDAY_0930.minusDays(1)));
        assertTrue(Cron.matches("0 0 */10 * *", LocalDateTime.of(2026, 1, 11, 0, 0)));
        assertFalse(Cron.matches("0 0 */10 * *", LocalDateTime.of(2026, 1, 10, 0, 0)));
        assertTrue(Cron.matches("@hourly", MONDAY_0930.withMinute(0)));
        // Both day fields restricted: either may match (classic cron).
        assertTrue(Cron.matches("30 9 1 * 1", MONDAY_0930));
    }
}
