package dev.symphony.ui.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handoff request: what a client sends round-trips; everything else is refused naming what and where. */
class OpenRequestTest {
    @TempDir
    Path dir;

    private String refusal(String line) {
        return assertThrows(IllegalArgumentException.class, () -> OpenRequest.decode(line)).getMessage();
    }

    @Test
    void filesRoundTrip() throws Exception {
        Path a = Files.writeString(dir.resolve("a b.txt"), "a");
        Path b = Files.writeString(dir.resolve("ü.java"), "b");
        assertEquals(List.of(a, b), OpenRequest.decode(new OpenRequest(List.of(a, b)).encode()).files());
    }

    @Test
    void hostileRequestsAreRefusedWithWhatAndWhere() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "f");
        String notJson = refusal("{\"open\": [\"/x\"");
        assertTrue(notJson.startsWith("the request is not JSON (line 1, column"), notJson);
        assertTrue(refusal("[1]").contains("JSON object"));
        assertTrue(refusal("{\"open\": [\"" + file + "\"], \"run\": \"rm -rf\"}").startsWith("$.run: unknown field"));
        assertTrue(refusal("{\"open\": []}").startsWith("$.open: must be a non-empty array"));
        assertTrue(refusal("{\"open\": \"" + file + "\"}").startsWith("$.open: must be a non-empty array"));
        assertTrue(refusal("{\"open\": [\"" + file + "\", 7]}").startsWith("$.open[1]: must be a string"));
        assertTrue(refusal("{\"open\": [\"f.txt\"]}").startsWith("$.open[0]: f.txt must be an absolute, normalized path"));
        assertTrue(refusal("{\"open\": [\"" + dir + "/../" + dir.getFileName() + "/f.txt\"]}")
                .contains("must be an absolute, normalized path"));
        assertTrue(refusal("{\"open\": [\"" + dir.resolve("missing.txt") + "\"]}").endsWith("missing.txt is not a file"));
        assertTrue(refusal("{\"open\": [\"" + dir + "\"]}").endsWith("is not a file"), "a folder is not a file");
        assertTrue(refusal("{\"open\": [\"/tmp/a\\u0000b\"]}").startsWith("$.open[0]: not a path"));
        StringBuilder many = new StringBuilder("{\"open\": [");
        for (int i = 0; i <= OpenRequest.MAX_FILES; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(file).append('"');
        }
        assertTrue(refusal(many + "]}").contains("at most " + OpenRequest.MAX_FILES));
    }
}
