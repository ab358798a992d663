package dev.symphony.contract.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** {@code contributes.documentSync}, {@code permissions.tools} and ranged, versioned diagnostics: read, and refused with their paths. */
class DocumentSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LSP = """
            {
              "id": "dev.example.lsp", "version": "1.0.0", "publisher": "Example", "kind": "operator",
              "entryClass": "dev.example.Lsp", "engine": "[0.1.0,1.0.0)",
              "capabilities": [{"name": "documents", "input": {"type": "object"}, "output": {"type": "object"}},
                               {"name": "view", "kind": "addon", "input": {"type": "object"}, "output": {"type": "object"}}],
              "permissions": {"read": ["${workspace}/**"], "processes": true, "tools": true},
              "activation": ["onFileType:py"],
              "contributes": {"documentSync": {"capability": "documents", "fileTypes": ["py", "PYI"]}, "workbench": ["diagnostics"]}
            }
            """;

    private static ExtensionManifest read(String json) throws ManifestException {
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    @Test
    void readsTheFileTypesCaseInsensitively() throws Exception {
        DocumentSync sync = DocumentSync.of(read(LSP)).orElseThrow();
        assertEquals("documents", sync.capability());
        assertEquals(Set.of("py", "pyi"), sync.fileTypes());
        assertTrue(sync.serves("main.PY") && sync.serves("types.pyi"));
        assertFalse(sync.serves("py") || sync.serves("main.rs"));
    }

    @Test
    void theCapabilityMustBeAnOperatorAndToolsNeedProcesses() throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(LSP);
        ((ObjectNode) m.at("/contributes/documentSync")).put("capability", "view");
        ((ObjectNode) m.at("/permissions")).put("processes", false);
        ManifestException e = assertThrows(ManifestException.class, () -> read(m.toString()));
        List<String> problems = e.problems().stream().map(ManifestException.Problem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.contributes.documentSync.capability") && p.contains("needs an operator")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.permissions.tools") && p.contains("\"processes\": true")), problems.toString());
        ((ObjectNode) m.at("/contributes/documentSync")).putArray("fileTypes");
        e = assertThrows(ManifestException.class, () -> read(m.toString()));
        assertTrue(e.problems().stream().anyMatch(p -> p.toString().contains("documentSync.fileTypes")), e.problems().toString());
    }

    @Test
    void diagnosticsCarryRangesAndTheirVersion() throws Exception {
        var d = (WorkbenchProtocol.Diagnostics) WorkbenchProtocol.decode(WorkbenchProtocol.DIAGNOSTICS, JSON.readTree("""
                {"file": "a.py", "version": 7, "items": [{"line": 2, "column": 3, "endLine": 2, "endColumn": 9, "message": "m"},
                                                         {"line": 4, "column": 1, "severity": "warning", "message": "n"}]}"""));
        assertEquals(7, d.version());
        assertEquals(new WorkbenchProtocol.Diagnostic(2, 3, 2, 9, "error", "m"), d.items().get(0));
        assertEquals(new WorkbenchProtocol.Diagnostic(4, 1, 4, 2, "warning", "n"), d.items().get(1), "no end: one character");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(WorkbenchProtocol.DIAGNOSTICS,
                JSON.readTree("{\"file\": \"a.py\", \"items\": [{\"line\": 3, \"column\": 5, \"endLine\": 2, \"message\": \"m\"}]}")));
        assertTrue(bad.getMessage().startsWith("$.items[0]: the range ends"), bad.getMessage());
        assertEquals(-1, ((WorkbenchProtocol.Diagnostics) WorkbenchProtocol.decode(WorkbenchProtocol.DIAGNOSTICS,
                JSON.readTree("{\"file\": \"a.py\", \"items\": []}"))).version());
    }

    @Test
    void languageRequestsNeedAnOperatorAndTheirResultsAreChecked() throws Exception {
        assertTrue(DocumentSync.of(read(LSP)).orElseThrow().requests().isEmpty());
        ObjectNode m = (ObjectNode) JSON.readTree(LSP);
        ((ObjectNode) m.at("/contributes/documentSync")).put("requests", "documents");
        assertEquals("documents", DocumentSync.of(read(m.toString())).orElseThrow().requests().orElseThrow());
        ((ObjectNode) m.at("/contributes/documentSync")).put("requests", "view");
        ManifestException e = assertThrows(ManifestException.class, () -> read(m.toString()));
        assertTrue(e.problems().stream().anyMatch(p -> p.toString().startsWith("$.contributes.documentSync.requests")
                && p.toString().contains("needs an operator")), e.problems().toString());
        var r = (WorkbenchProtocol.LanguageResult) WorkbenchProtocol.decode(WorkbenchProtocol.LANGUAGE_RESULT,
                JSON.readTree("{\"id\": 3, \"file\": \"a.py\", \"version\": 2, \"result\": {\"markdown\": \"x\"}}"));
        assertEquals(3, r.id());
        assertEquals(2, r.version());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(
                WorkbenchProtocol.LANGUAGE_RESULT, JSON.readTree("{\"id\": 3, \"file\": \"a.py\", \"result\": []}")));
        assertTrue(bad.getMessage().contains("result (an object)"), bad.getMessage());
    }

    @Test
    void aServersOwnEditNeedsAnIdAServerAndFiles() throws Exception {
        var e = (WorkbenchProtocol.ApplyEdit) WorkbenchProtocol.decode(WorkbenchProtocol.APPLY_EDIT,
                JSON.readTree("{\"id\": 4, \"server\": \"typescript\", \"label\": \"Extract\", \"edit\": {\"files\": []}}"));
        assertEquals(4, e.id());
        assertEquals("Extract", e.label());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(
                WorkbenchProtocol.APPLY_EDIT, JSON.readTree("{\"id\": 4, \"server\": \"ts\", \"edit\": {}}")));
        assertTrue(bad.getMessage().contains("edit.files (an array)"), bad.getMessage());
        bad = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(
                WorkbenchProtocol.APPLY_EDIT, JSON.readTree("{\"id\": 4, \"edit\": {\"files\": []}}")));
        assertTrue(bad.getMessage().startsWith("$.server"), bad.getMessage());
    }
}
