package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code onError} read into its record: defaults, retry back-off, fallback, the final strategy. */
class ErrorStrategyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noOnErrorFailsAtOnce() {
        ErrorStrategy e = ErrorStrategy.of(MissingNode.getInstance());
        assertEquals(ErrorStrategy.DEFAULT, e);
        assertEquals(0, e.retry().count());
        assertEquals(ErrorStrategy.Then.FAIL, e.then());
        assertNull(e.fallback());
    }

    @Test
    void everyFieldHasItsMeaningHere() throws Exception {
        ErrorStrategy e = ErrorStrategy.of(JSON.readTree("{\"retry\":{\"count\":3,\"backoffMs\":100,\"factor\":2,"
                + "\"input\":{\"text\":\"b\"}},\"fallback\":{\"capability\":\"upper\",\"input\":{\"text\":\"f\"}},"
                + "\"then\":\"compensate\"}"));
        assertEquals(List.of(100L, 200L, 400L), List.of(e.retry().backoffMs(0), e.retry().backoffMs(1), e.retry().backoffMs(2)));
        assertEquals("{\"text\":\"b\"}", e.retry().input().toString());
        assertEquals(new ErrorStrategy.Fallback(null, "upper", JSON.readTree("{\"text\":\"f\"}")), e.fallback());
        assertEquals(ErrorStrategy.Then.COMPENSATE, e.then());
        assertEquals("compensate", e.then().jsonName());
        assertEquals(List.of(0L, 0L), List.of(ErrorStrategy.of(JSON.readTree("{\"retry\":{\"count\":2}}")).retry().backoffMs(0),
                ErrorStrategy.of(JSON.readTree("{\"retry\":{\"count\":2}}")).retry().backoffMs(1)));
        assertEquals(ErrorStrategy.Then.HALT, ErrorStrategy.of(JSON.readTree("{\"then\":\"halt\"}")).then());
    }
}
