package dev.symphony.contract.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The workbench contribution points in the manifest, their checks (with JSON paths), and the run-time requests. */
class WorkbenchContributionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ADDON = """
            {
              "id": "dev.example.view", "version": "1.0.0", "publisher": "Example", "kind": "addon",
              "entryClass": "dev.example.View", "engine": "[0.1.0,1.0.0)",
              "capabilities": [
                {"name": "panel", "input": {"type": "object"}, "output": {"type": "object"}},
                {"name": "count", "kind": "operator", "input": {"type": "object"}, "output": {"type": "object"}}
              ],
              "permissions": {},
              "activation": ["onView:example.panel", "onCommand:example.count", "workspaceContains:**/pom.xml", "onFileType:md"],
              "contributes": {
                "commands": [{"id": "example.count", "title": "Count", "capability": "count", "keybinding": "Ctrl+Alt+K"}],
                "views": [{"id": "example.panel", "title": "Panel", "capability": "panel", "location": "panel"}],
                "statusBar": [{"id": "example.status", "text": "0", "command": "example.count", "alignment": "right"}],
                "workbench": ["notifications", "fileDecorations"]
              }
            }
            """;

    private static ExtensionManifest read(String json) throws ManifestException {
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    private static List<String> problems(ObjectNode manifest) {
        ManifestException e = assertThrows(ManifestException.class, () -> read(manifest.toString()));
        return e.problems().stream().map(ManifestException.Problem::toString).toList();
    }

    @Test
    void readsEveryContributionPoint() throws Exception {
        WorkbenchContributions c = WorkbenchContributions.of(read(ADDON));
        assertEquals(List.of(new WorkbenchContributions.CommandItem("example.count", "Count", "dev.example.view", "Ctrl+Alt+K", "count")),
                c.commands());
        assertEquals(WorkbenchContributions.Location.PANEL, c.views().get(0).location());
        assertTrue(c.statusBar().get(0).right());
        assertEquals(Set.of(WorkbenchContributions.Feature.NOTIFICATIONS, WorkbenchContributions.Feature.FILE_DECORATIONS), c.features());
        assertEquals(List.of("**/pom.xml"), c.activationArguments("workspaceContains:"));
    }

    @Test
    void aViewNeedsAnAddonCapabilityAndActivationNamesWhatExists() throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(ADDON);
        ((ObjectNode) m.at("/contributes/views/0")).put("capability", "count");
        ((ObjectNode) m.at("/contributes/statusBar/0")).put("command", "example.nothing");
        ((ArrayNode) m.get("activation")).set(0, JSON.getNodeFactory().textNode("onView:example.other"));
        List<String> problems = problems(m);
        assertTrue(problems.contains("$.contributes.views[0].capability: 'count' is an operator; a view needs an addon capability (it renders VirtualNode trees)"), problems.toString());
        assertTrue(problems.contains("$.contributes.statusBar[0].command: no contributed command 'example.nothing'"), problems.toString());
        assertTrue(problems.contains("$.activation[0]: no contributed view 'example.other'"), problems.toString());
    }

    @Test
    void theSchemaRefusesUnknownFieldsAndBadKeysWithTheirPaths() throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(ADDON);
        ((ObjectNode) m.at("/contributes/views/0")).put("colour", "red");
        ((ArrayNode) m.at("/contributes/workbench")).add("telepathy");
        List<String> problems = problems(m);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.contributes.views[0]") && p.contains("colour")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.contributes.workbench[2]")), problems.toString());
    }

    @Test
    void runTimeRequestsAreDecodedOrRefusedWithTheirPath() throws Exception {
        var n = WorkbenchProtocol.decode(WorkbenchProtocol.NOTIFY, JSON.readTree(
                "{\"message\":\"Done\",\"actions\":[{\"title\":\"Open\",\"command\":\"x.open\"}]}"));
        assertEquals(new WorkbenchProtocol.Notification("Done", "info", List.of(new WorkbenchProtocol.Action("Open", "x.open"))), n);
        var bad = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(WorkbenchProtocol.DIAGNOSTICS,
                JSON.readTree("{\"file\":\"a.txt\",\"items\":[{\"line\":1,\"column\":1,\"message\":\"x\"},{\"line\":0,\"column\":1,\"message\":\"y\"}]}")));
        assertEquals("$.items[1].line: a positive integer is required", bad.getMessage());
        var color = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(WorkbenchProtocol.FILE_DECORATIONS,
                JSON.readTree("{\"items\":[{\"path\":\"a\",\"color\":\"red\"}]}")));
        assertEquals("$.items[0].color: must be #rrggbb, not 'red'", color.getMessage());
    }

    @Test
    void lineAnnotationsNameTheirCapabilityAndAreOnUnlessSaidOtherwise() throws Exception {
        assertEquals(new WorkbenchProtocol.LineAnnotations("blame-lines", true), WorkbenchProtocol.decode(WorkbenchProtocol.LINE_ANNOTATIONS,
                JSON.readTree("{\"capability\":\"blame-lines\"}")));
        assertEquals(new WorkbenchProtocol.LineAnnotations("blame-lines", false), WorkbenchProtocol.decode(WorkbenchProtocol.LINE_ANNOTATIONS,
                JSON.readTree("{\"capability\":\"blame-lines\",\"enabled\":false}")));
        var none = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(WorkbenchProtocol.LINE_ANNOTATIONS, JSON.readTree("{}")));
        assertEquals("$.capability: a non-empty string is required", none.getMessage());
        var notBoolean = assertThrows(IllegalArgumentException.class, () -> WorkbenchProtocol.decode(WorkbenchProtocol.LINE_ANNOTATIONS,
                JSON.readTree("{\"capability\":\"c\",\"enabled\":\"no\"}")));
        assertEquals("$.enabled: true or false, not \"no\"", notBoolean.getMessage());
    }
}
