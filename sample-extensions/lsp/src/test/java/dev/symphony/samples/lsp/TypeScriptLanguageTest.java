package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code language} capability with the real typescript-language-server (installed by {@code .ci/run}; skipped with
 * a message without it), one server for the whole test: completion lists a module's exports with kinds, resolve adds
 * documentation, definition jumps into another file, hover gives the declaration as Markdown, rename edits every file
 * that uses the name, a code action offers the missing import as a quick fix with its edit, formatting
 * gives the edits that indent and space a file, and a request superseded while the server works is cancelled on the wire
 * ({@code $/cancelRequest}) and its answer never emitted. A refactoring runs as the server's command and its edit comes
 * back as {@code workbench.applyEdit}, answered by the workbench ({@link #aRefactoringsCommandComesBackAsTheServersEditForTheWorkbench}).
 */
class TypeScriptLanguageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(120);
    @TempDir
    Path workspace;
    private RealServer server;
    private ExtensionHarness harness;
    private long nextId = 1;

    @BeforeEach
    void setUp() throws Exception {
        server = RealServer.start("typescript", workspace, Duration.ofSeconds(30));
        harness = server.harness();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void completionResolveDefinitionHoverRenameAndCancellation() throws Exception {
        String lib = "/** Says hello to someone by name. */\nexport function greet(name: string): string {\n  return \"hello \" + name;\n}\n"
                + "export const greeting = 42;\n";
        String main = "import { greet } from \"./lib\";\nimport * as lib from \"./lib\";\n\nconsole.log(greet(\"x\"));\nlib.gr\n";
        String other = "import { greet } from \"./lib\";\nexport const twice = greet(\"a\") + greet(\"b\");\n";
        Path libFile = write("lib.ts", lib);
        Path mainFile = write("main.ts", main);
        Path otherFile = write("other.ts", other);
        Files.writeString(workspace.resolve("tsconfig.json"), "{\"compilerOptions\": {\"strict\": true, \"target\": \"es2020\", \"module\": \"commonjs\"}}");
        open(libFile, lib);
        open(mainFile, main);
        open(otherFile, other);
        String fix = "export const n: string = greet(\"z\");\n";
        Path fixFile = write("fix.ts", fix);
        open(fixFile, fix);

        // completion after "lib.gr": both exports, with kinds; the first answer may come while the project loads
        JsonNode completion = awaitResult(() -> call(request("completion", mainFile, 4, 6)), r -> r.path("items").size() > 0);
        Set<String> labels = new HashSet<>();
        completion.path("items").forEach(i -> labels.add(i.path("label").asText()));
        assertTrue(labels.contains("greet") && labels.contains("greeting"), "the module's exports: " + labels);
        JsonNode greet = StreamSupport.stream(completion.path("items").spliterator(), false)
                .filter(i -> i.path("label").asText().equals("greet")).findFirst().orElseThrow();
        assertEquals("Function", greet.path("kind").asText(), greet.toString());

        ObjectNode resolve = JSON.createObjectNode().put("request", "resolve").put("id", nextId++).put("file", mainFile.toString())
                .put("list", lastCompletionId).put("item", greet.path("index").asInt());
        JsonNode resolved = awaitResult(() -> call(resolve.put("id", nextId++)), r -> true);
        assertTrue(resolved.path("documentation").asText().contains("Says hello"), "resolve adds the JSDoc: " + resolved);

        JsonNode definition = awaitResult(() -> call(request("definition", mainFile, 3, 13)), r -> true);
        JsonNode target = definition.path("locations").path(0);
        assertEquals(libFile.toString(), target.path("file").asText(), definition.toString());
        assertEquals(1, target.path("startLine").asInt(), "greet is declared on lib.ts's second line: " + definition);

        JsonNode hover = awaitResult(() -> call(request("hover", mainFile, 3, 13)), r -> true);
        assertTrue(hover.path("markdown").asText().contains("greet(name: string): string") && hover.path("markdown").asText().contains("Says hello"), hover.toString());

        navigation(libFile, mainFile);

        ObjectNode rename = request("rename", libFile, 1, 17).put("newName", "salute");
        JsonNode edit = awaitResult(() -> call(rename.put("id", nextId++)), r -> true);
        Set<String> files = new HashSet<>();
        edit.path("files").forEach(f -> files.add(Path.of(f.path("file").asText()).getFileName().toString()));
        assertEquals(Set.of("lib.ts", "main.ts", "other.ts"), files, edit.toString());

        // a quick fix for the missing import in fix.ts (the server's published diagnostic is the request's context)
        ObjectNode quickFix = request("codeAction", fixFile, 0, 27).put("endLine", 0).put("endColumn", 27);
        JsonNode actions = awaitResult(() -> call(quickFix.put("id", nextId++)), r -> r.path("actions").size() > 0);
        JsonNode addImport = StreamSupport.stream(actions.path("actions").spliterator(), false)
                .filter(a -> a.path("title").asText().startsWith("Add import from \"./lib\"")).findFirst()
                .orElseThrow(() -> new AssertionError("an Add import quick fix: " + actions));
        assertEquals("quickfix", addImport.path("kind").asText(), addImport.toString());
        JsonNode fixEdit = addImport.path("edit").path("files").path(0);
        assertEquals(fixFile.toString(), fixEdit.path("file").asText(), addImport.toString());
        assertTrue(fixEdit.path("edits").path(0).path("text").asText().contains("import { greet } from \"./lib\""), addImport.toString());

        // formatting fmt.ts with two-space indents: the server's edits, applied last to first, give the formatted text
        String messy = "export function f( a:number ){\nreturn a+1\n}\n";
        Path fmtFile = write("fmt.ts", messy);
        open(fmtFile, messy);
        ObjectNode format = JSON.createObjectNode().put("request", "formatting").put("file", fmtFile.toString()).put("tabSize", 2)
                .put("insertSpaces", true);
        JsonNode formatted = awaitResult(() -> call(format.put("id", nextId++)), r -> r.path("edits").size() > 0);
        TextMirror mirror = new TextMirror(messy, 1);
        java.util.List<JsonNode> edits = new java.util.ArrayList<>();
        formatted.path("edits").forEach(edits::add);
        edits.sort(java.util.Comparator.comparingInt((JsonNode e) -> e.path("startLine").asInt()) // last first: they do not overlap
                .thenComparingInt(e -> e.path("startColumn").asInt()).reversed());
        edits.forEach(e -> mirror.replace(e.path("startLine").asInt(), e.path("startColumn").asInt(), e.path("endLine").asInt(),
                e.path("endColumn").asInt(), e.path("text").asText()));
        assertEquals("export function f(a: number) {\n  return a + 1\n}\n", mirror.text(), formatted.toString());

        // range formatting of the second line only: the first keeps its spaces
        ObjectNode formatRange = request("rangeFormatting", fmtFile, 1, 0).put("endLine", 1).put("endColumn", 10).put("tabSize", 2)
                .put("insertSpaces", true);
        JsonNode rangeFormatted = awaitResult(() -> call(formatRange.put("id", nextId++)), r -> r.path("edits").size() > 0);
        TextMirror rangeMirror = new TextMirror(messy, 1);
        java.util.List<JsonNode> rangeEdits = new java.util.ArrayList<>();
        rangeFormatted.path("edits").forEach(rangeEdits::add);
        rangeEdits.sort(java.util.Comparator.comparingInt((JsonNode e) -> e.path("startLine").asInt())
                .thenComparingInt(e -> e.path("startColumn").asInt()).reversed());
        rangeEdits.forEach(e -> rangeMirror.replace(e.path("startLine").asInt(), e.path("startColumn").asInt(), e.path("endLine").asInt(),
                e.path("endColumn").asInt(), e.path("text").asText()));
        assertTrue(rangeMirror.text().startsWith("export function f( a:number ){\n") && rangeMirror.text().contains("return a + 1\n"),
                rangeMirror.text() + " from " + rangeFormatted);

        // superseded while out: the first completion is cancelled on the wire and never answered
        boolean cancelledOnTheWire = false;
        for (int attempt = 0; attempt < 10 && !cancelledOnTheWire; attempt++) {
            long cancelsBefore = sent("$/cancelRequest");
            long completionsBefore = sent("textDocument/completion");
            ObjectNode first = request("completion", mainFile, 4, 6);
            long firstId = first.path("id").asLong();
            call(first);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (sent("textDocument/completion") == completionsBefore && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            ObjectNode second = request("completion", mainFile, 4, 5);
            long secondId = second.path("id").asLong();
            call(second);
            resultOf(secondId);
            if (sent("$/cancelRequest") > cancelsBefore) {
                cancelledOnTheWire = true;
                Thread.sleep(300); // an answer to the cancelled request, if one came, would have been emitted by now
                assertFalse(harness.events().stream().anyMatch(e -> e.name().equals("workbench.languageResult")
                        && e.payload().path("id").asLong() == firstId), "a cancelled request's answer is never emitted");
            }
        }
        assertTrue(cancelledOnTheWire, "a superseded completion was cancelled with $/cancelRequest in one of 10 attempts");
        assertTrue(sent("textDocument/didOpen") >= 3, harness.call("language", JSON.createObjectNode().put("request", "stats")).toString());
    }

    private long lastCompletionId = -1;
    private long lastCodeActionId = -1;

    /**
     * A refactoring is a code action that only carries a server command ({@code _typescript.applyRefactoring}): it is
     * listed with its command, {@code executeCommand} runs it, and the edit the server then sends
     * ({@code workspace/applyEdit}) comes out as {@code workbench.applyEdit}; the server waits for the workbench's answer
     * (no result before it), a rejection and an approval are each passed back.
     */
    @Test
    void aRefactoringsCommandComesBackAsTheServersEditForTheWorkbench() throws Exception {
        Files.writeString(workspace.resolve("tsconfig.json"), "{\"compilerOptions\": {\"strict\": true, \"target\": \"es2020\"}}");
        String calc = "export function area(w: number, h: number): number {\n  return w * h + 2 * 3;\n}\n";
        Path calcFile = write("calc.ts", calc);
        open(calcFile, calc);
        long lastEdit = 0;
        for (boolean approve : new boolean[] {false, true}) {
            ObjectNode ask = request("codeAction", calcFile, 1, 17).put("endLine", 1).put("endColumn", 22); // "2 * 3"
            JsonNode actions = awaitResult(() -> call(ask.put("id", nextId++)), r -> extractToConstant(r) != null);
            JsonNode extract = extractToConstant(actions);
            assertTrue(extract.path("edit").isMissingNode(), "a refactoring carries its command, not an edit: " + extract);
            ObjectNode run = JSON.createObjectNode().put("request", "executeCommand").put("id", nextId++).put("file", calcFile.toString())
                    .put("list", lastCodeActionId).put("item", extract.path("command").asInt());
            long runId = call(run);
            long seen = lastEdit;
            JsonNode edit = server.await(WorkbenchEdits.EVENT, p -> p.path("id").asLong() > seen, WAIT);
            lastEdit = edit.path("id").asLong();
            assertEquals("typescript", edit.path("server").asText(), edit.toString());
            JsonNode file = edit.path("edit").path("files").path(0);
            assertEquals(calcFile.toString(), file.path("file").asText(), edit.toString());
            assertTrue(file.path("edits").toString().contains("2 * 3"), "the constant's declaration: " + edit);
            assertFalse(harness.events().stream().anyMatch(e -> e.name().equals("workbench.languageResult")
                    && e.payload().path("id").asLong() == runId), "the server waits for the workbench's answer");
            ObjectNode answer = JSON.createObjectNode().put("request", "applyEditResult").put("id", edit.path("id").asLong())
                    .put("applied", approve);
            if (!approve) {
                answer.put("reason", "the user rejected the edit");
            }
            assertTrue(harness.call("language", answer).path("waiting").asBoolean(), "the edit was waiting for the answer");
            resultOf(runId); // the command finishes once answered (its result, or the server's error after it)
        }
        assertFalse(harness.call("language", JSON.createObjectNode().put("request", "applyEditResult").put("id", 999).put("applied", true))
                .path("waiting").asBoolean(), "an answer nothing waits for");
    }

    private static JsonNode extractToConstant(JsonNode actions) {
        return StreamSupport.stream(actions.path("actions").spliterator(), false)
                .filter(a -> a.path("title").asText().startsWith("Extract to constant") && a.path("command").canConvertToInt())
                .findFirst().orElse(null);
    }

    /**
     * Signature help inside a call, references across the three files, greet's highlights in main.ts, lib.ts's outline,
     * and a workspace symbol query.
     */
    private void navigation(Path libFile, Path mainFile) throws Exception {
        JsonNode signature = awaitResult(() -> call(request("signatureHelp", mainFile, 3, 18)), r -> r.path("signatures").size() > 0);
        JsonNode active = signature.path("signatures").path(signature.path("activeSignature").asInt());
        String label = active.path("label").asText();
        assertTrue(label.contains("greet(name: string): string"), signature.toString());
        JsonNode parameter = active.path("parameters").path(signature.path("activeParameter").asInt());
        assertEquals("name: string", label.substring(parameter.path("start").asInt(), parameter.path("end").asInt()), signature.toString());

        JsonNode references = awaitResult(() -> call(request("references", libFile, 1, 17)), r -> true);
        Set<String> referencing = new HashSet<>();
        references.path("locations").forEach(l -> referencing.add(Path.of(l.path("file").asText()).getFileName().toString()));
        assertEquals(Set.of("lib.ts", "main.ts", "other.ts"), referencing, references.toString());
        assertEquals(6, references.path("locations").size(), "the declaration, main.ts's import and call, other.ts's import and two calls: "
                + references);

        JsonNode highlights = awaitResult(() -> call(request("documentHighlight", mainFile, 3, 13)), r -> r.path("highlights").size() > 0);
        Set<String> marked = new HashSet<>();
        highlights.path("highlights").forEach(h -> marked.add(h.path("startLine").asInt() + ":" + h.path("startColumn").asInt()));
        assertEquals(Set.of("0:9", "3:12"), marked, "greet's import and call in main.ts: " + highlights);

        ObjectNode outline = JSON.createObjectNode().put("request", "documentSymbol").put("file", libFile.toString());
        JsonNode symbols = awaitResult(() -> call(outline.put("id", nextId++)), r -> r.path("symbols").size() > 0);
        JsonNode greetSymbol = StreamSupport.stream(symbols.path("symbols").spliterator(), false)
                .filter(x -> x.path("name").asText().equals("greet")).findFirst().orElseThrow(() -> new AssertionError(symbols.toString()));
        assertEquals("Function", greetSymbol.path("kind").asText(), symbols.toString());
        assertEquals(1, greetSymbol.path("startLine").asInt(), symbols.toString());
        assertTrue(symbols.toString().contains("\"greeting\""), symbols.toString());

        ObjectNode query = JSON.createObjectNode().put("request", "workspaceSymbol").put("file", mainFile.toString()).put("query", "greet");
        JsonNode found = awaitResult(() -> call(query.put("id", nextId++)), r -> r.path("symbols").size() > 0);
        assertTrue(StreamSupport.stream(found.path("symbols").spliterator(), false).anyMatch(x -> x.path("name").asText().equals("greet")
                && x.path("file").asText().equals(libFile.toString()) && x.path("startLine").asInt() == 1), found.toString());
    }
    private Path write(String name, String text) throws Exception {
        Path f = workspace.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private void open(Path file, String text) throws Exception {
        harness.call("documents", JSON.createObjectNode().put("event", "open").put("root", workspace.toString())
                .put("file", file.toString()).put("version", 1).put("text", text));
    }

    private ObjectNode request(String kind, Path file, int line, int column) {
        return JSON.createObjectNode().put("request", kind).put("id", nextId++).put("file", file.toString()).put("version", 1)
                .put("line", line).put("column", column);
    }

    /** Calls, returns the id. */
    private long call(ObjectNode input) throws Exception {
        assertTrue(harness.call("language", input).path("accepted").asBoolean(), input.toString());
        if (input.path("request").asText().equals("completion")) {
            lastCompletionId = input.path("id").asLong();
        } else if (input.path("request").asText().equals("codeAction")) {
            lastCodeActionId = input.path("id").asLong();
        }
        return input.path("id").asLong();
    }

    private long sent(String method) throws Exception {
        return harness.call("language", JSON.createObjectNode().put("request", "stats")).path("sent").path(method).asLong();
    }

    private interface Call {
        long run() throws Exception;
    }

    /** Sends a request until its result satisfies {@code wanted} (a server still loading its project answers empty). */
    private JsonNode awaitResult(Call send, java.util.function.Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = resultOf(send.run());
            if (!last.has("error") && wanted.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no wanted result within " + WAIT + "; the last: " + last + "; events: " + harness.events());
    }

    private JsonNode resultOf(long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (var e : harness.events()) {
                if (e.name().equals("workbench.languageResult") && e.payload().path("id").asLong() == id) {
                    return e.payload().path("result");
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no result for request " + id + " within " + WAIT + "; events: " + harness.events());
    }
}
