package dev.symphony.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.Verdict;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link McpTools} over the official MCP Java SDK's synchronous client: one client per configured server, started on
 * first use (a stdio server's process, or an HTTP session), its tools listed once (all pages) and kept until
 * {@link #close()}, which ends the sessions and the processes. Thread-safe; calls to one server go one at a time.
 */
public final class McpHub implements McpTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH_KEYS = "path|paths|source|destination|directory|dir|file|filename|root|cwd";
    private final List<McpServerConfig> servers;
    private final ApprovalPolicy policy;
    private final Duration timeout;
    private final McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    private final Map<String, McpSyncClient> clients = new LinkedHashMap<>();
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private boolean listed;

    public McpHub(List<McpServerConfig> servers, ApprovalPolicy policy, Duration timeout) {
        this.servers = List.copyOf(servers);
        this.policy = policy;
        this.timeout = timeout;
    }

    @Override
    public synchronized List<Tool> tools() {
        if (!listed) {
            listed = true;
            for (McpServerConfig server : servers) {
                try {
                    McpSyncClient client = client(server);
                    String cursor = null;
                    do {
                        McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
                        for (McpSchema.Tool t : page.tools()) {
                            String name = McpTools.qualifiedName(server.name(), t.name());
                            boolean readOnly = t.annotations() != null && Boolean.TRUE.equals(t.annotations().readOnlyHint());
                            tools.put(name, new Tool(name, server.name(), t.name(), t.description() == null ? "" : t.description(),
                                    JSON.valueToTree(t.inputSchema()), readOnly));
                        }
                        cursor = page.nextCursor();
                    } while (cursor != null && !cursor.isEmpty());
                } catch (RuntimeException e) {
                    problems.add(server.name() + ": " + message(e));
                }
            }
        }
        return List.copyOf(tools.values());
    }

    @Override
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public Result call(String qualifiedName, JsonNode arguments, Approver approver) throws McpCallException {
        Tool tool;
        synchronized (this) {
            tools();
            tool = tools.get(qualifiedName);
        }
        if (tool == null) {
            throw new McpCallException(McpCallException.Reason.UNKNOWN_TOOL, "no MCP tool " + qualifiedName + "; tools: "
                    + String.join(", ", tools.keySet()) + (problems.isEmpty() ? "" : "; servers not answering: " + String.join("; ", problems)), null);
        }
        JsonNode args = arguments == null || arguments.isNull() ? JSON.createObjectNode() : arguments;
        if (!args.isObject()) {
            throw new McpCallException(McpCallException.Reason.INVALID_ARGUMENTS, qualifiedName + ": the arguments are a JSON object", null);
        }
        String bad = SchemaCheck.problems(tool.inputSchema(), args);
        if (!bad.isEmpty()) {
            throw new McpCallException(McpCallException.Reason.INVALID_ARGUMENTS, qualifiedName + ": arguments do not fit the tool's input schema: " + bad, null);
        }
        Verdict verdict = judge(tool, args);
        switch (verdict.decision()) {
            case DENY -> throw new McpCallException(McpCallException.Reason.DENIED, qualifiedName + " denied by the approval policy ("
                    + verdict.parts().get(0).rule() + ")", null);
            case ASK -> {
                if (approver == null || !approver.approve(tool, args, verdict)) {
                    throw new McpCallException(McpCallException.Reason.NOT_APPROVED, qualifiedName + " was not approved", null);
                }
            }
            case ALLOW -> { }
        }
        McpSyncClient client;
        synchronized (this) {
            client = clients.get(tool.server());
        }
        try {
            McpSchema.CallToolResult result;
            synchronized (client) {
                result = client.callTool(new McpSchema.CallToolRequest(tool.name(), JSON.convertValue(args, new TypeReference<Map<String, Object>>() { })));
            }
            StringBuilder text = new StringBuilder();
            if (result.content() != null) {
                for (McpSchema.Content c : result.content()) {
                    if (c instanceof McpSchema.TextContent t) {
                        text.append(text.length() == 0 ? "" : "\n").append(t.text());
                    } else {
                        text.append(text.length() == 0 ? "" : "\n").append("[").append(c.type()).append(" content]");
                    }
                }
            }
            return new Result(text.toString(), result.structuredContent() == null ? null : JSON.valueToTree(result.structuredContent()),
                    Boolean.TRUE.equals(result.isError()));
        } catch (RuntimeException e) {
            throw new McpCallException(McpCallException.Reason.SERVER_FAILED, qualifiedName + ": " + message(e), e);
        }
    }

    /**
     * The policy's decision for a call: the tool on each path-like argument ({@value #PATH_KEYS}, strings or arrays of
     * them), the strictest of them; the tool alone when it has none.
     */
    Verdict judge(Tool tool, JsonNode args) {
        List<String> paths = new ArrayList<>();
        args.fields().forEachRemaining(e -> {
            if (e.getKey().toLowerCase(java.util.Locale.ROOT).matches(PATH_KEYS)) {
                if (e.getValue().isTextual()) {
                    paths.add(e.getValue().asText());
                } else if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> {
                        if (v.isTextual()) {
                            paths.add(v.asText());
                        }
                    });
                }
            }
        });
        if (paths.isEmpty()) {
            return policy.checkTool(tool.qualifiedName(), null);
        }
        Verdict strictest = null;
        for (String p : paths) {
            Verdict v = policy.checkTool(tool.qualifiedName(), p);
            if (strictest == null || v.decision().ordinal() > strictest.decision().ordinal()) {
                strictest = v;
            }
        }
        return strictest;
    }

    private synchronized McpSyncClient client(McpServerConfig server) {
        McpSyncClient client = clients.get(server.name());
        if (client != null) {
            return client;
        }
        if (server.transport() == McpServerConfig.Transport.STDIO) {
            requireRunnable(server.command()); // a missing program fails now, not after the handshake's timeout
        }
        McpClientTransport transport = switch (server.transport()) {
            case STDIO -> new SerialStdioTransport(ServerParameters.builder(server.command()).args(server.args()).env(server.env()).build(), mapper);
            case HTTP -> {
                URI uri = URI.create(server.url());
                String base = uri.getScheme() + "://" + uri.getRawAuthority();
                HttpRequest.Builder request = HttpRequest.newBuilder();
                server.headers().forEach(request::header);
                yield HttpClientStreamableHttpTransport.builder(base).endpoint(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        .jsonMapper(mapper).requestBuilder(request).connectTimeout(timeout).build();
            }
        };
        client = McpClient.sync(transport).requestTimeout(timeout).initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("symphony", "0.1.0")).jsonSchemaValidator(new SchemaCheck()).build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        clients.put(server.name(), client);
        return client;
    }

    /** Throws when {@code command} names no executable file (as a path, or on the PATH). */
    static void requireRunnable(String command) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("no command is configured");
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (command.contains("/") || command.contains(java.io.File.separator)) {
            if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(command))) {
                throw new IllegalArgumentException("the command " + command + " is not an executable file");
            }
            return;
        }
        if (windows) {
            return; // PATHEXT and the App Paths registry decide there: the process start reports it
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) {
                return;
            }
        }
        throw new IllegalArgumentException("the command " + command + " is not on the PATH");
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 400 ? m.substring(0, 400) + "…" : m;
    }

    @Override
    public synchronized void close() {
        for (McpSyncClient client : clients.values()) {
            try {
                if (!client.closeGracefully()) {
                    client.close();
                }
            } catch (RuntimeException e) {
                client.close();
            }
        }
        clients.clear();
    }
}
