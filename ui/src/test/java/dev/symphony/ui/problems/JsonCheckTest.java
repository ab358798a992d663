package dev.symphony.ui.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCheckTest {

    @Test
    void aMissingCommaIsReportedWhereItIs() {
        List<Problem> p = JsonCheck.check(Path.of("/w/data.json"), "{\n  \"a\": 1\n  \"b\": 2\n}\n");
        assertEquals(1, p.size());
        assertEquals(3, p.get(0).line());
        assertEquals(3, p.get(0).column());
    }

    @Test
    void commentsAreErrorsInPlainJsonButNotInJsoncFiles() {
        String text = "{\n  // a comment\n  \"a\": 1,\n}\n";
        assertEquals(2, JsonCheck.check(Path.of("/w/data.json"), text).get(0).line());
        assertTrue(JsonCheck.check(Path.of("/w/.symphony/settings.json"), text).isEmpty());
        assertTrue(JsonCheck.check(Path.of("/w/x.jsonc"), text).isEmpty());
    }

    @Test
    void contentAfterTheValueAndAnUnclosedObjectAreProblems() {
        assertEquals("End of file expected", JsonCheck.check(Path.of("a.json"), "{} []").get(0).message());
        assertEquals(1, JsonCheck.check(Path.of("a.json"), "{\"a\": [1, 2").size());
        assertTrue(JsonCheck.check(Path.of("a.json"), "").isEmpty(), "an empty file is not reported");
        assertTrue(JsonCheck.check(Path.of("a.json"), "[1, {\"x\": null}]").isEmpty());
    }
}
