package dev.symphony.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.approvals.Decision;
import dev.symphony.approvals.policy.ApprovalPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link McpHub} against the MCP reference servers from npm ({@code @modelcontextprotocol/server-everything} over
 * stdio and over streamable HTTP, {@code @modelcontextprotocol/server-filesystem} over stdio), as real processes,
 * judged by a real approval policy. The servers are installed by {@code .ci/run} into
 * {@code $SYMPHONY_TOOLS_DIR/mcp/reference-VERSION} (default {@code ~/.cache/symphony-ci}); without them the tests
 * skip, saying so.
 */
class McpServersIT {
    static final String VERSION = "2026.8.31";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path bin;

    @BeforeAll
    static void servers() {
        String tools = System.getenv("SYMPHONY_TOOLS_DIR");
        Path root = Path.of(tools != null ? tools : System.getProperty("user.home") + "/.cache/symphony-ci");
        bin = root.resolve("mcp/reference-" + VERSION + "/node_modules/.bin");
        Assumptions.assumeTrue(Files.isExecutable(bin.resolve("mcp-server-everything")) && Files.isExecutable(bin.resolve("mcp-server-filesystem")),
                "the MCP reference servers are not installed in " + bin + " (.ci/run installs them with npm)");
    }

    private static ApprovalPolicy policy(Path config, Path workspace, String rules) throws Exception {
        Files.createDirectories(config);
        Path file = config.resolve(ApprovalPolicy.USER_FILE);
        Files.writeString(file, "{\"rules\": [" + rules + "]}");
        return ApprovalPolicy.loadWithUserFile(file, workspace);
    }

    private static final String ALLOW_ECHO = """
            {"id": "echo", "decision": "allow", "tool": ["mcp__everything__echo", "mcp__remote__echo"],
             "examples": {"match": ["mcp__everything__echo"], "noMatch": ["mcp__everything__get-sum"]}}""";

    @Test
    void stdioEverything_listsItsToolsAndCallsThemUnderThePolicy(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        List<McpServerConfig> servers = List.of(McpServerConfig.stdio("everything", bin.resolve("mcp-server-everything").toString(), List.of("stdio"), Map.of()),
                McpServerConfig.stdio("broken", dir.resolve("no-such-server").toString(), List.of(), Map.of()));
        try (McpHub hub = new McpHub(servers, policy(dir.resolve("config"), workspace, ALLOW_ECHO), Duration.ofSeconds(60))) {
            List<String> names = hub.tools().stream().map(McpTools.Tool::qualifiedName).toList();
            assertTrue(names.contains("mcp__everything__echo") && names.contains("mcp__everything__get-sum"),
                    names + "; problems: " + hub.problems());
            assertEquals(1, hub.problems().size(), "the broken server is reported, the others still serve: " + hub.problems());
            assertTrue(hub.problems().get(0).startsWith("broken: "), hub.problems().toString());

            // allowed by the policy: runs without asking
            McpTools.Result echo = hub.call("mcp__everything__echo", JSON.readTree("{\"message\": \"hello mcp\"}"), (t, a, v) -> {
                throw new AssertionError("an allowed tool asked");
            });
            assertTrue(echo.text().contains("hello mcp"), echo.text());
            assertFalse(echo.isError());

            // no rule: asks; refused, it does not run; approved, it does
            List<Decision> asked = new ArrayList<>();
            McpCallException refused = assertThrows(McpCallException.class, () -> hub.call("mcp__everything__get-sum",
                    JSON.readTree("{\"a\": 2, \"b\": 3}"), (t, a, v) -> asked.add(v.decision()) && false));
            assertEquals(McpCallException.Reason.NOT_APPROVED, refused.reason());
            assertEquals(List.of(Decision.ASK), asked);
            McpTools.Result sum = hub.call("mcp__everything__get-sum", JSON.readTree("{\"a\": 2, \"b\": 3}"), (t, a, v) -> true);
            assertTrue(sum.text().contains("5"), sum.text());

            // arguments that do not fit the tool's schema never reach the server
            McpCallException invalid = assertThrows(McpCallException.class, () -> hub.call("mcp__everything__echo",
                    JSON.readTree("{\"message\": 5}"), (t, a, v) -> true));
            assertEquals(McpCallException.Reason.INVALID_ARGUMENTS, invalid.reason());
            assertEquals(McpCallException.Reason.UNKNOWN_TOOL, assertThrows(McpCallException.class,
                    () -> hub.call("mcp__everything__nope", null, (t, a, v) -> true)).reason());
        }
    }

    @Test
    void stdioFilesystem_readsWhatThePolicyAllowsAndNeverWritesWhatItDenies(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws")).toRealPath();
        Files.writeString(workspace.resolve("notes.txt"), "the notes\n");
        Files.writeString(workspace.resolve(".env"), "SECRET=1\n");
        String rules = """
                {"id": "read", "decision": "allow", "tool": "mcp__files__read_text_file",
                 "examples": {"match": ["mcp__files__read_text_file notes.txt"], "noMatch": ["mcp__files__write_file notes.txt"]}},
                {"id": "no-writes", "decision": "deny", "tool": "mcp__files__write_file",
                 "examples": {"match": ["mcp__files__write_file a.txt"], "noMatch": ["mcp__files__read_text_file a.txt"]}}""";
        List<McpServerConfig> servers = List.of(McpServerConfig.stdio("files", bin.resolve("mcp-server-filesystem").toString(),
                List.of(workspace.toString()), Map.of()));
        try (McpHub hub = new McpHub(servers, policy(dir.resolve("config"), workspace, rules), Duration.ofSeconds(60))) {
            McpTools.Result read = hub.call("mcp__files__read_text_file",
                    JSON.createObjectNode().put("path", workspace.resolve("notes.txt").toString()), (t, a, v) -> {
                        throw new AssertionError("an allowed read asked");
                    });
            assertTrue(read.text().contains("the notes"), read.text());

            Path written = workspace.resolve("new.txt");
            McpCallException denied = assertThrows(McpCallException.class, () -> hub.call("mcp__files__write_file",
                    JSON.createObjectNode().put("path", written.toString()).put("content", "x"), (t, a, v) -> true));
            assertEquals(McpCallException.Reason.DENIED, denied.reason());
            assertFalse(Files.exists(written), "a denied write never reached the server");

            // the agentignore (.env by default) keeps files from every tool, even one the policy allows
            McpCallException ignored = assertThrows(McpCallException.class, () -> hub.call("mcp__files__read_text_file",
                    JSON.createObjectNode().put("path", workspace.resolve(".env").toString()), (t, a, v) -> true));
            assertEquals(McpCallException.Reason.DENIED, ignored.reason());
        }
    }

    @Test
    void streamableHttpEverything(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("mcp-server-everything").toString(), "streamableHttp").redirectErrorStream(true);
        pb.environment().put("PORT", Integer.toString(port));
        Process server = pb.start();
        try {
            CompletableFuture<String> listening = new CompletableFuture<>();
            StringBuilder log = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        log.append(line).append('\n');
                        if (line.contains("listening on port")) {
                            listening.complete(line);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the server ended
                }
                listening.complete(null);
            }, "everything-http-log");
            reader.setDaemon(true);
            reader.start();
            assertTrue(listening.get(60, TimeUnit.SECONDS) != null, "the server did not start:\n" + log);
            Path workspace = Files.createDirectories(dir.resolve("ws"));
            List<McpServerConfig> servers = List.of(McpServerConfig.http("remote", "http://127.0.0.1:" + port + "/mcp", Map.of()));
            try (McpHub hub = new McpHub(servers, policy(dir.resolve("config"), workspace, ALLOW_ECHO), Duration.ofSeconds(60))) {
                assertTrue(hub.tools().stream().anyMatch(t -> t.qualifiedName().equals("mcp__remote__echo")), hub.tools() + " " + hub.problems());
                JsonNode args = JSON.readTree("{\"message\": \"over http\"}");
                assertTrue(hub.call("mcp__remote__echo", args, null).text().contains("over http"));
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
