package dev.symphony.kernel.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsServiceTest {
    @TempDir
    Path home;

    private Path userFile() {
        return home.resolve("config/settings.json");
    }

    @Test
    void defaultsThenUserThenWorkspace() throws Exception {
        Files.createDirectories(userFile().getParent());
        Files.writeString(userFile(), "{ \"editor.fontSize\": 16, \"editor.tabSize\": 2 }");
        Path workspace = home.resolve("ws");
        Files.createDirectories(workspace.resolve(".symphony"));
        Files.writeString(SettingsService.workspaceFileOf(workspace), "{ \"editor.tabSize\": 8 }");
        SettingsService settings = new SettingsService(SettingsSchema.core(), userFile(), SettingsService.workspaceFileOf(workspace));
        assertEquals(16, settings.getInt("editor.fontSize"));
        assertEquals(8, settings.getInt("editor.tabSize"));
        assertEquals("light", settings.getString("workbench.colorTheme"));
        assertEquals(SettingsScope.WORKSPACE, settings.scopeOf("editor.tabSize"));
        assertEquals(SettingsScope.USER, settings.scopeOf("editor.fontSize"));
        assertEquals(SettingsScope.DEFAULT, settings.scopeOf("workbench.colorTheme"));
        assertTrue(settings.problems().isEmpty(), settings.problems().toString());
    }

    @Test
    void anExtensionsContributedSettingsJoinTheSchemaAndTheirValuesAreChecked() throws Exception {
        Files.createDirectories(userFile().getParent());
        Files.writeString(userFile(), "{\n  \"dev.example.ext.step\": 0,\n  \"dev.example.ext.name\": \"mine\"\n}\n");
        SettingsService settings = new SettingsService(SettingsSchema.core(), userFile(), null);
        assertTrue(settings.problems().isEmpty(), "not declared yet: not checked");
        CountDownLatch told = new CountDownLatch(1);
        settings.addListener(told::countDown);
        var contribution = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"type":"object","properties":{
                  "step":{"type":"integer","minimum":1,"default":1,"title":"Step"},
                  "name":{"type":"string","default":"x"}}}""");
        settings.contribute("dev.example.ext", "Extension: Example", contribution);
        assertTrue(told.await(1, TimeUnit.SECONDS), "listeners hear of the new settings");
        assertEquals("Step", settings.schema().setting("dev.example.ext.step").orElseThrow().title());
        assertEquals("Extension: Example", settings.schema().setting("dev.example.ext.name").orElseThrow().category());
        assertEquals("mine", settings.getString("dev.example.ext.name"));
        assertEquals(1, settings.getInt("dev.example.ext.step"), "0 breaks minimum 1: the default stays in force");
        SettingsProblem problem = settings.problems().get(0);
        assertEquals(2, problem.line(), problem.toString());
        assertTrue(problem.describe().contains("dev.example.ext.step"), problem.describe());
        SettingsSchema before = settings.schema();
        settings.contribute("dev.example.ext", "Extension: Example", contribution);
        assertTrue(before == settings.schema(), "contributing the same settings again changes nothing");
    }

    @Test
    void malformedFileIsReportedPreciselyKeptInForceAndNeverWritten() throws Exception {
        Files.createDirectories(userFile().getParent());
        Files.writeString(userFile(), "{ \"editor.fontSize\": 20 }");
        SettingsService settings = new SettingsService(SettingsSchema.core(), userFile(), null);
        assertEquals(20, settings.getInt("editor.fontSize"));

        String broken = "{\n  \"editor.fontSize\": 22,\n  \"workbench.colorTheme\": \"dark\"\n  \"x\": 1\n}\n";
        Files.writeString(userFile(), broken);
        settings.reload();
        List<SettingsProblem> problems = settings.problems();
        assertEquals(1, problems.size());
        assertEquals(4, problems.get(0).line());
        assertTrue(problems.get(0).describe().contains("settings.json:4:"), problems.get(0).describe());
        assertEquals(20, settings.getInt("editor.fontSize"), "the last good value stays in force");

        SettingsWriteException refused = assertThrows(SettingsWriteException.class,
                () -> settings.set(SettingsScope.USER, "editor.tabSize", IntNode.valueOf(3)));
        assertTrue(refused.getMessage().contains("line 4"), refused.getMessage());
        assertEquals(broken, Files.readString(userFile()), "the user's file is untouched");
    }

    @Test
    void schemaViolationsNameTheJsonPathAndLineAndFallBack() throws Exception {
        Files.createDirectories(userFile().getParent());
        Files.writeString(userFile(), "{\n  \"editor.tabSize\": 3,\n  \"editor.fontSize\": 2,\n  \"workbench.colorTheme\": \"purple\"\n}");
        SettingsService settings = new SettingsService(SettingsSchema.core(), userFile(), null);
        assertEquals(3, settings.getInt("editor.tabSize"));
        assertEquals(14, settings.getInt("editor.fontSize"), "invalid value falls back to the default");
        assertEquals("light", settings.getString("workbench.colorTheme"));
        List<SettingsProblem> problems = settings.problems();
        assertEquals(2, problems.size(), problems.toString());
        SettingsProblem font = problems.stream().filter(p -> p.jsonPath().contains("fontSize")).findFirst().orElseThrow();
        assertEquals(3, font.line());
        assertEquals("$['editor.fontSize']", font.jsonPath());
    }

    @Test
    void setWritesOnlyThatPropertyAndRejectsInvalidValues() throws Exception {
        Files.createDirectories(userFile().getParent());
        String original = "{\n  // keep me\n  \"editor.tabSize\": 2\n}\n";
        Files.writeString(userFile(), original);
        SettingsService settings = new SettingsService(SettingsSchema.core(), userFile(), null);
        settings.set(SettingsScope.USER, "workbench.colorTheme", TextNode.valueOf("dark"));
        assertEquals("dark", settings.getString("workbench.colorTheme"));
        assertTrue(Files.readString(userFile()).contains("// keep me"));
        assertThrows(SettingsWriteException.class,
                () -> settings.set(SettingsScope.USER, "editor.fontSize", IntNode.valueOf(500)));
        settings.set(SettingsScope.USER, "workbench.colorTheme", null);
        assertEquals(original, Files.readString(userFile()));
    }

    @Test
    void watchingPicksUpExternalEdits() throws Exception {
        SettingsService settings = new SettingsService(SettingsSchema.core(), userFile(), null);
        CountDownLatch changed = new CountDownLatch(1);
        settings.addListener(() -> {
            if (settings.getInt("editor.fontSize") == 30) {
                changed.countDown();
            }
        });
        settings.startWatching();
        try {
            Files.writeString(userFile(), "{ \"editor.fontSize\": 30 }");
            assertTrue(changed.await(10, TimeUnit.SECONDS), "the change on disk was not noticed");
        } finally {
            settings.close();
        }
    }
}
