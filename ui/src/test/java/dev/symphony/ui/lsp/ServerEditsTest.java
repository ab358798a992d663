package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.text.Rope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's own edit: open buffers only apply at once, one undo step per file; an edit that touches a file not open
 * waits for the user, and a rejection changes nothing and answers {@code applied: false} with the reason; an approval
 * writes the closed file (atomic save) and edits the open buffer; a buffer typed in while the prompt waited, a closed
 * file changed on disk meanwhile, or a refused edit change nothing and say why; edits are handled one at a time.
 */
class ServerEditsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path ws;
    private final Map<Path, Buffer> open = new HashMap<>();
    private final List<String> answers = new ArrayList<>();
    private final List<Runnable[]> asked = new ArrayList<>(); // {apply, reject}
    private final List<List<String>> askedLines = new ArrayList<>();
    private ServerEdits edits;
    private Path a;
    private Path b;

    @BeforeEach
    void setUp() throws Exception {
        a = Files.writeString(ws.resolve("a.ts"), "const a = 1;\n");
        b = Files.writeString(ws.resolve("b.ts"), "export const b = 2;\n");
        edits = new ServerEdits(open::get, p -> false, () -> ws, (title, lines, apply, reject) -> {
            asked.add(new Runnable[] {apply, reject});
            askedLines.add(lines);
        }, (ext, id, applied, reason) -> answers.add(id + ":" + applied + (reason == null ? "" : ":" + reason)), new ServerEdits.Offload() {
            @Override
            public <T> void compute(Supplier<T> work, Consumer<T> onResult) {
                onResult.accept(work.get()); // the test is its own JavaFX thread
            }
        }, s -> { });
    }

    private WorkbenchProtocol.ApplyEdit edit(long id, Object... fileAndText) {
        ObjectNode e = JSON.createObjectNode();
        ArrayNode files = e.putArray("files");
        for (int i = 0; i < fileAndText.length; i += 2) {
            files.addObject().put("file", fileAndText[i].toString()).putArray("edits").addObject().put("startLine", 0).put("startColumn", 0)
                    .put("endLine", 0).put("endColumn", 0).put("text", (String) fileAndText[i + 1]);
        }
        return new WorkbenchProtocol.ApplyEdit(id, "typescript", "Extract", e);
    }

    private Buffer openA() {
        Buffer buffer = new Buffer(Rope.of("const a = 1;\n"), System::currentTimeMillis);
        open.put(a, buffer);
        return buffer;
    }

    @Test
    void openBuffersOnlyApplyAtOnceOneUndoStepEach() {
        Buffer buffer = openA();
        edits.handle("lsp", edit(1, a, "// x\n"));
        assertEquals(List.of("1:true"), answers);
        assertTrue(asked.isEmpty(), "no approval for open buffers");
        assertEquals("// x\nconst a = 1;\n", buffer.text().toString());
        buffer.undo();
        assertEquals("const a = 1;\n", buffer.text().toString());
    }

    @Test
    void aFileNotOpenWaitsForTheUserARejectionChangesNothingAnApprovalWritesIt() throws Exception {
        Buffer buffer = openA();
        edits.handle("lsp", edit(2, a, "// x\n", b, "// y\n"));
        assertTrue(answers.isEmpty(), "no answer before the user decides");
        assertTrue(askedLines.get(0).contains("(not open) b.ts — 1 edit(s)"), askedLines.toString());
        asked.get(0)[1].run();
        assertEquals(List.of("2:false:the user rejected the edit; nothing changed"), answers);
        assertEquals("export const b = 2;\n", Files.readString(b));
        assertEquals("const a = 1;\n", buffer.text().toString());

        edits.handle("lsp", edit(3, a, "// x\n", b, "// y\n"));
        asked.get(1)[0].run();
        assertEquals("3:true", answers.get(1));
        assertEquals("// y\nexport const b = 2;\n", Files.readString(b), "written to disk");
        assertEquals("// x\nconst a = 1;\n", buffer.text().toString());
    }

    @Test
    void aBufferTypedInWhileThePromptWaitedChangesNothing() throws Exception {
        Buffer buffer = openA();
        edits.handle("lsp", edit(4, a, "// x\n", b, "// y\n"));
        buffer.edit(dev.symphony.editor.text.ChangeSet.of(new dev.symphony.editor.text.TextEdit(0, 0, "let z;\n")),
                dev.symphony.editor.buffer.EditKind.TYPING);
        asked.get(0)[0].run();
        assertEquals(List.of("4:false:a.ts changed while the edit waited; nothing changed"), answers);
        assertEquals("export const b = 2;\n", Files.readString(b), "the closed file is not written either");
    }

    @Test
    void aClosedFileThatNoLongerFitsTheEditIsNotWritten() throws Exception {
        ObjectNode far = JSON.createObjectNode();
        far.putArray("files").addObject().put("file", b.toString()).putArray("edits").addObject().put("startLine", 1).put("startColumn", 0)
                .put("endLine", 1).put("endColumn", 0).put("text", "// end\n"); // the line after the file's newline
        edits.handle("lsp", new WorkbenchProtocol.ApplyEdit(5, "typescript", null, far));
        Files.writeString(b, ""); // emptied on disk while the prompt waited: line 1 is gone
        asked.get(0)[0].run();
        assertEquals(1, answers.size());
        assertTrue(answers.get(0).startsWith("5:false:b.ts: edit 1 is at line 2, past the file's 1 lines; nothing changed"), answers.toString());
        assertEquals("", Files.readString(b));
    }

    @Test
    void aRefusedEditIsAnsweredWithoutAsking() {
        Path outside = ws.getParent().resolve("elsewhere.ts");
        edits.handle("lsp", edit(6, outside, "x"));
        assertTrue(asked.isEmpty());
        assertEquals(1, answers.size());
        assertTrue(answers.get(0).startsWith("6:false:refused by the workbench, nothing changed: "), answers.toString());
    }

    @Test
    void editsAreHandledOneAtATime() throws Exception {
        Buffer buffer = openA();
        edits.handle("lsp", edit(7, b, "// y\n"));
        edits.handle("lsp", edit(8, a, "// x\n"));
        assertTrue(answers.isEmpty(), "the second waits for the first's answer");
        assertEquals("const a = 1;\n", buffer.text().toString());
        asked.get(0)[0].run();
        assertEquals(List.of("7:true", "8:true"), answers);
        assertEquals("// x\nconst a = 1;\n", buffer.text().toString());
        assertNull(open.get(b), "b.ts was written, not opened");
        assertFalse(Files.readString(b).isEmpty());
    }
}
