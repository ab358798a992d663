package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, the user's overrides (and their errors with a path), and where a server's program is found. */
class ServerSpecsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void defaultsServeTheirFileTypesWithPinnedPackages() {
        ServerSpecs s = ServerSpecs.defaults();
        assertEquals("pyright", s.forFileType("py").orElseThrow().name());
        assertEquals("typescriptreact", s.forFileType("TSX").orElseThrow().languageOf("tsx"));
        assertEquals("shellscript", s.forFileType("sh").orElseThrow().languageOf("sh"));
        assertEquals("typescript-6.0.2-5.9.3", s.named("typescript").orElseThrow().installFolder());
        assertTrue(s.forFileType("rs").isEmpty());
        s.all().forEach(spec -> spec.npmPackages().forEach(p -> assertTrue(p.matches("[a-z@/.-]+@\\d+\\.\\d+\\.\\d+"), p)));
    }

    @Test
    void theSettingReplacesFieldsOrAddsAServer() throws Exception {
        ServerSpecs s = ServerSpecs.defaults().with(JSON.readTree("""
                {"pyright": {"command": "/opt/basedpyright-langserver"},
                 "ruff": {"command": "ruff", "args": ["server"], "fileTypes": {"py": "python"}}}"""));
        assertEquals("/opt/basedpyright-langserver", s.named("pyright").orElseThrow().command());
        assertEquals(List.of("--stdio"), s.named("pyright").orElseThrow().args(), "fields not given stay");
        assertEquals("ruff", s.forFileType("py").orElseThrow().name(), "the user's server wins");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSpecs.defaults().with(JSON.readTree("{\"x\": {\"args\": \"--stdio\"}}")));
        assertEquals("setting servers.x.args: an array of strings is required", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServerSpecs.defaults().with(JSON.readTree("{\"new\": {\"fileTypes\": {}}}")));
        assertTrue(e.getMessage().startsWith("setting servers.new: server 'new' needs a command"), e.getMessage());
    }

    @Test
    void aServersWorkspaceSettingsAreAnObjectKeptAsJson() throws Exception {
        ServerSpecs s = ServerSpecs.defaults().with(JSON.readTree("{\"typescript\": {\"settings\": {\"completions\": {\"completeFunctionCalls\": true}}}}"));
        assertEquals("{\"completions\":{\"completeFunctionCalls\":true}}", s.named("typescript").orElseThrow().settings());
        assertEquals(List.of("--stdio"), s.named("typescript").orElseThrow().args(), "fields not given stay");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerSpecs.defaults().with(JSON.readTree("{\"typescript\": {\"settings\": true}}")));
        assertEquals("setting servers.typescript.settings: an object (the server's workspace configuration) is required", e.getMessage());
    }

    @Test
    void theToolsFolderComesBeforeThePath(@TempDir Path dir) throws Exception {
        ServerSpec pyright = ServerSpecs.defaults().named("pyright").orElseThrow();
        Path onPath = Files.createDirectories(dir.resolve("bin")).resolve("pyright-langserver");
        Files.writeString(onPath, "#!/bin/sh\n");
        onPath.toFile().setExecutable(true);
        ToolsFolder tools = ToolsFolder.fromEnvironment(Map.of(ToolsFolder.ENV, dir.resolve("tools").toString(), "PATH", dir.resolve("bin").toString()));
        assertEquals(onPath, tools.find(pyright).orElseThrow());
        Path installed = Files.createDirectories(dir.resolve("tools/lsp/pyright-1.1.414/node_modules/.bin")).resolve("pyright-langserver");
        Files.writeString(installed, "#!/bin/sh\n");
        installed.toFile().setExecutable(true);
        assertEquals(installed, tools.find(pyright).orElseThrow());
        assertTrue(ToolsFolder.fromEnvironment(Map.of()).find(pyright).isEmpty(), "no tools folder, no PATH: not found");
    }
}
