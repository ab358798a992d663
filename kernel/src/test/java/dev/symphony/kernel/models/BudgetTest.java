package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import org.junit.jupiter.api.Test;

class BudgetTest {
    @Test
    void aRequestThatMayPassTheLimitIsRefusedBeforeItIsSentNamingTheBudget() {
        Budget day = new Budget("per-day", 1.0, 0.25);
        Budget.Reservation r = day.reserve(0.5);
        assertEquals(0.25, day.remaining(), 1e-12);
        CallFailedException e = assertThrows(CallFailedException.class, () -> day.reserve(0.3));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("per-day budget has 0.250000 left of 1.000000"), e.getMessage());
        assertEquals(0.1, day.settle(r, 0.1), 1e-12);
        assertEquals(0.35, day.spent(), 1e-12);
        assertEquals(0.65, day.remaining(), 1e-12);
    }

    @Test
    void aSettlementIsNeverMoreThanItsReservation() {
        Budget b = new Budget("per-request", 1.0, 0);
        Budget.Reservation r = b.reserve(0.2);
        assertEquals(0.2, b.settle(r, 5.0), 1e-12, "a model's claim past the reservation is not billed");
        assertThrows(IllegalStateException.class, () -> b.settle(r, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Budget("x", -1, 0));
    }
}
