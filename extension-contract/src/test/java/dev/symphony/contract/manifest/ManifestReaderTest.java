package dev.symphony.contract.manifest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ManifestReaderTest {
    static final String VALID = """
            {
              "id": "dev.example.hello",
              "version": "1.2.3",
              "publisher": "Example",
              "kind": "operator",
              "entryClass": "dev.example.Hello",
              "engine": "[0.1.0,1.0.0)",
              "capabilities": [
                {"name": "greet", "input": {"type": "object", "required": ["name"]}, "output": {"type": "string"},
                 "cost": {"perCall": 0}}
              ],
              "permissions": {"read": ["${workspace}/**"], "maxHeapMb": 64},
              "activation": ["onCommand:hello.greet"],
              "contributes": {"commands": [{"id": "hello.greet", "title": "Greet", "capability": "greet"}]},
              "dependencies": [{"id": "dev.example.base", "version": "[1.0.0,2.0.0)"}],
              "restartPolicy": {"mode": "immediate"}
            }
            """;

    static ExtensionManifest read(String json) throws ManifestException {
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    @Test
    void readsAValidManifestWithDefaults() throws Exception {
        ExtensionManifest m = read(VALID);
        assertEquals("dev.example.hello", m.id());
        assertEquals(ExtensionManifest.Kind.OPERATOR, m.capability("greet").orElseThrow().kind());
        assertEquals(64, m.permissions().maxHeapMb());
        assertFalse(m.permissions().processes());
        assertEquals(ExtensionManifest.RestartMode.IMMEDIATE, m.restartPolicy().mode());
        assertEquals(30_000, m.capability("greet").orElseThrow().timeoutMs());
        assertTrue(VersionRange.parse(m.engine()).contains(Version.parse("0.1.0")));
        assertFalse(VersionRange.parse(m.engine()).contains(Version.parse("1.0.0")));
        assertTrue(VersionRange.parse(m.engine()).contains(Version.parse("0.9.0-SNAPSHOT")));
    }

    @Test
    void reportsEachProblemWithItsJsonPath() {
        String bad = VALID.replace("\"kind\": \"operator\"", "\"kind\": \"daemon\"")
                .replace("\"maxHeapMb\": 64", "\"maxHeapMb\": 1")
                .replace("\"${workspace}/**\"", "\"/etc/**\"")
                .replace("\"publisher\": \"Example\",", "");
        ManifestException e = assertThrows(ManifestException.class, () -> read(bad));
        List<String> paths = e.problems().stream().map(ManifestException.Problem::path).toList();
        assertTrue(paths.contains("$.kind"), paths.toString());
        assertTrue(paths.contains("$.permissions.maxHeapMb"), paths.toString());
        assertTrue(paths.contains("$.permissions.read[0]"), paths.toString());
        assertTrue(paths.contains("$"), "missing publisher is reported at the root: " + paths);
        assertTrue(e.getMessage().contains("publisher"), e.getMessage());
    }

    @Test
    void semanticProblemsHavePathsToo() {
        String bad = VALID.replace("\"capability\": \"greet\"", "\"capability\": \"wave\"")
                .replace("{\"type\": \"string\"}", "{\"type\": \"strng\"}");
        ManifestException e = assertThrows(ManifestException.class, () -> read(bad));
        List<String> paths = e.problems().stream().map(ManifestException.Problem::path).toList();
        assertTrue(paths.contains("$.contributes.commands[0].capability"), paths.toString());
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("$.capabilities[0].output")), paths.toString());
    }

    @Test
    void notJsonNamesLineAndColumn() {
        ManifestException e = assertThrows(ManifestException.class, () -> read("{\n  \"id\": ,\n}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
