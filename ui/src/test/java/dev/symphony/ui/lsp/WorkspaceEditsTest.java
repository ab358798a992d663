package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.text.Rope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's workspace edit is hostile: files outside the open folder (by path, by {@code ..}, by a symbolic link),
 * missing or read-only files, ranges past the text, backwards or overlapping, each refuse the whole edit with an error
 * naming the file and the edit. A good edit passes with its files in order.
 */
class WorkspaceEditsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private Path workspace() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("a.ts"), "const a = 1;\nconst b = 2;\n");
        Files.writeString(ws.resolve("b.ts"), "export {};\n");
        return ws;
    }

    private static ObjectNode edit(Path file, int startLine, int startColumn, int endLine, int endColumn, String text) {
        ObjectNode e = JSON.createObjectNode();
        e.putArray("files").addObject().put("file", file.toString()).putArray("edits").addObject().put("startLine", startLine)
                .put("startColumn", startColumn).put("endLine", endLine).put("endColumn", endColumn).put("text", text);
        return e;
    }

    private static List<Path> check(JsonNode edit, Path ws) throws WorkspaceEdits.Refused {
        return WorkspaceEdits.check(edit, ws, f -> {
            try {
                return Rope.of(Files.readString(f));
            } catch (Exception e) {
                return null;
            }
        }, f -> f.getFileName().toString().startsWith("ro"));
    }

    private static String refused(JsonNode edit, Path ws) {
        return assertThrows(WorkspaceEdits.Refused.class, () -> check(edit, ws)).getMessage();
    }

    @Test
    void aGoodEditPassesWithItsFilesInOrder() throws Exception {
        Path ws = workspace();
        ObjectNode e = edit(ws.resolve("b.ts"), 0, 0, 0, 0, "// x\n");
        e.withArray("files").add(edit(ws.resolve("a.ts"), 1, 6, 1, 99, "c = 3;").path("files").path(0)); // a column past the end means the end
        assertEquals(List.of(ws.resolve("b.ts"), ws.resolve("a.ts")), check(e, ws));
        assertEquals(List.of(), check(JSON.createObjectNode(), ws), "no files: nothing to do");
    }

    @Test
    void filesOutsideTheFolderMissingOrReadOnlyAreRefused() throws Exception {
        Path ws = workspace();
        Path outside = Files.writeString(dir.resolve("outside.ts"), "secret\n");
        assertTrue(refused(edit(outside, 0, 0, 0, 0, "x"), ws).contains("outside the open folder"));
        assertTrue(refused(edit(Path.of(ws + "/../outside.ts"), 0, 0, 0, 0, "x"), ws).contains("not an absolute, normalized path"));
        Path link = Files.createSymbolicLink(ws.resolve("link.ts"), outside);
        assertTrue(refused(edit(link, 0, 0, 0, 0, "x"), ws).contains("outside the open folder"), "a link out of the folder");
        assertTrue(refused(edit(Path.of("a.ts"), 0, 0, 0, 0, "x"), ws).contains("not an absolute"));
        assertTrue(refused(edit(ws.resolve("gone.ts"), 0, 0, 0, 0, "x"), ws).contains("does not exist"));
        assertTrue(refused(edit(ws, 0, 0, 0, 0, "x"), ws).contains("not a file"), "a folder");
        Files.writeString(ws.resolve("ro.ts"), "x\n");
        assertTrue(refused(edit(ws.resolve("ro.ts"), 0, 0, 0, 0, "x"), ws).contains("ro.ts is read-only"));
        assertTrue(assertThrows(WorkspaceEdits.Refused.class, () -> WorkspaceEdits.check(edit(ws.resolve("a.ts"), 0, 0, 0, 0, "x"), null,
                f -> null, f -> false)).getMessage().contains("no folder is open"));
        ObjectNode twice = edit(ws.resolve("a.ts"), 0, 0, 0, 0, "x");
        twice.withArray("files").add(twice.path("files").path(0).deepCopy());
        assertTrue(refused(twice, ws).contains("named twice"));
    }

    @Test
    void rangesPastTheTextBackwardsOrOverlappingAreRefused() throws Exception {
        Path ws = workspace();
        Path a = ws.resolve("a.ts");
        assertEquals("a.ts: edit 1 is at line 9, past the file's 3 lines", refused(edit(a, 8, 0, 8, 0, "x"), ws));
        assertTrue(refused(edit(a, 1, 4, 0, 2, "x"), ws).contains("ends before it starts"));
        assertTrue(refused(edit(a, -1, 0, 0, 0, "x"), ws).contains("lacks a range"));
        ObjectNode noText = edit(a, 0, 0, 0, 0, "x");
        ((ObjectNode) noText.path("files").path(0).path("edits").path(0)).remove("text");
        assertTrue(refused(noText, ws).contains("lacks a range or its text"));
        ObjectNode overlap = edit(a, 0, 0, 0, 8, "x");
        ((com.fasterxml.jackson.databind.node.ArrayNode) overlap.path("files").path(0).path("edits")).addObject()
                .put("startLine", 0).put("startColumn", 4).put("endLine", 1).put("endColumn", 0).put("text", "y");
        assertEquals("a.ts: the edits overlap", refused(overlap, ws));
    }
}
