package dev.symphony.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpConfigReaderTest {
    @Test
    void readsStdioAndHttpServers() throws Exception {
        List<McpServerConfig> servers = McpConfigReader.parse("mcp.json", """
                { // comments allowed
                  "servers": {
                    "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/w"], "env": {"A": "1"}},
                    "remote": {"type": "http", "url": "http://127.0.0.1:3001/mcp", "headers": {"X-Team": "a"}},
                  }
                }""");
        assertEquals(List.of(McpServerConfig.stdio("files", "npx", List.of("-y", "@modelcontextprotocol/server-filesystem", "/w"), Map.of("A", "1")),
                McpServerConfig.http("remote", "http://127.0.0.1:3001/mcp", Map.of("X-Team", "a"))), servers);
    }

    @Test
    void aMissingFileIsNoServers(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), McpConfigReader.read(dir.resolve("mcp.json")));
    }

    @Test
    void badInputIsNamedByItsPath() {
        assertProblem("{\"servers\": {\"a\": {\"args\": []}}}", "mcp.json: $.servers.a.command: the program to start");
        assertProblem("{\"servers\": {\"a\": {\"command\": \"x\", \"args\": [1]}}}", "mcp.json: $.servers.a.args[0]: a string");
        assertProblem("{\"servers\": {\"a\": {\"url\": \"ftp://x/y\"}}}", "mcp.json: $.servers.a.url: not an http(s) URL");
        assertProblem("{\"servers\": {\"a\": {\"command\": \"x\", \"cwd\": \"/\"}}}", "mcp.json: $.servers.a.cwd: unknown key");
        assertProblem("{\"servers\": {\"a b\": {\"command\": \"x\"}}}", "mcp.json: $.servers.a b: a server name is");
        assertProblem("{\"servers\": {\"a\": {\"type\": \"sse\", \"url\": \"http://x/\"}}}", "mcp.json: $.servers.a.type: \"stdio\" or \"http\"");
        assertProblem("{\"servers\": {\"a\": {\"command\": \"x\", \"url\": \"http://x/\", \"type\": \"stdio\"}}}", "this one is stdio");
        assertProblem("{\"servers\": {\n\"a\": {\"command\": x}}}", "mcp.json:2:");
    }

    private static void assertProblem(String json, String expected) {
        McpConfigException e = assertThrows(McpConfigException.class, () -> McpConfigReader.parse("mcp.json", json));
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected), e.getMessage());
    }
}
