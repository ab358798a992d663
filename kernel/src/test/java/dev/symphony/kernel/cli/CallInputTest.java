package dev.symphony.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bad JSON argument to {@code symphony call} is reported with its line and column, before any kernel starts. */
class CallInputTest {

    private static String errorOf(String json) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CallCommand.run(new String[] {"some.extension", "echo", json},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code, "a usage error");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout");
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadValueIsReportedWithLineColumnAndACaret() {
        String error = errorOf("{\"a\": 1,\n \"b\": x}");
        assertTrue(error.contains("line 2, column 7"), error);
        assertTrue(error.contains("\n   \"b\": x}\n        ^"), "the line and a caret under column 7:\n" + error);
    }

    @Test
    void trailingContentAndEmptyInputAreErrorsToo() {
        assertTrue(errorOf("{\"a\":1} x").contains("line 1, column 9"), "text after the value is not ignored");
        assertTrue(errorOf("  ").contains("the input is empty"));
    }
}
