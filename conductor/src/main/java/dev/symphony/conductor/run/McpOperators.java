package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.Reply;
import dev.symphony.mcp.McpCallException;
import dev.symphony.mcp.McpTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The user's MCP tools as Operators for Melodies, beside the kernel's capabilities: a tool {@code TOOL} of the server
 * {@code SERVER} (mcp.json) is the capability {@code TOOL} of the extension {@value #PREFIX}{@code SERVER}, kind
 * operator, input = the tool's arguments (checked against its schema), output
 * {@code {"text": …, "structured": …}}. Every call is judged by the approval policy ({@link McpTools}): a tool the
 * policy asks about runs only when {@code approver} approves it (headless runs: put an allow rule in policy.json, or
 * the call fails saying so); a tool that reports an error fails its node.
 */
public final class McpOperators implements Capabilities, AutoCloseable {
    public static final String PREFIX = "mcp.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 60_000;
    private final Capabilities delegate;
    private final McpTools tools;
    private final McpTools.Approver approver;

    public McpOperators(Capabilities delegate, McpTools tools, McpTools.Approver approver) {
        this.delegate = delegate;
        this.tools = tools;
        this.approver = approver;
    }

    /**
     * {@code delegate} with the MCP servers of {@code configDir/mcp.json} beside it (servers start on first use), judged by
     * the policy of {@code configDir} and {@code workspace}; asks are refused (a headless run has no one to ask).
     * {@code delegate} alone when the file names no server. Throws {@link IllegalArgumentException} for a bad file.
     */
    public static Capabilities around(Capabilities delegate, java.nio.file.Path configDir, java.nio.file.Path workspace) {
        List<dev.symphony.mcp.McpServerConfig> servers;
        dev.symphony.approvals.policy.ApprovalPolicy policy;
        try {
            servers = dev.symphony.mcp.McpConfigReader.read(configDir.resolve(dev.symphony.mcp.McpConfigReader.FILE));
            if (servers.isEmpty()) {
                return delegate;
            }
            policy = dev.symphony.approvals.policy.ApprovalPolicy.load(configDir, workspace);
        } catch (dev.symphony.mcp.McpConfigException | dev.symphony.approvals.policy.PolicyException e) {
            if (delegate instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new McpOperators(delegate, new dev.symphony.mcp.McpHub(servers, policy, Duration.ofMillis(TIMEOUT_MS)), null);
    }

    private Optional<McpTools.Tool> tool(String extension, String capability) {
        if (!extension.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String server = extension.substring(PREFIX.length());
        return tools.tools().stream().filter(t -> t.server().equals(server) && t.name().equals(capability)).findFirst();
    }

    private static CapabilitySpec spec(McpTools.Tool t) {
        ObjectNode output = JSON.createObjectNode().put("type", "object");
        output.putArray("required").add("text");
        return new CapabilitySpec(PREFIX + t.server(), t.name(), "operator", t.inputSchema(), output, 0, 0, TIMEOUT_MS);
    }

    @Override
    public boolean hasExtension(String extension) {
        if (extension.startsWith(PREFIX)) {
            String server = extension.substring(PREFIX.length());
            return tools.tools().stream().anyMatch(t -> t.server().equals(server));
        }
        return delegate.hasExtension(extension);
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        return extension.startsWith(PREFIX) ? tool(extension, capability).map(McpOperators::spec) : delegate.find(extension, capability);
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        List<CapabilitySpec> out = new ArrayList<>(delegate.offering(capability, kind));
        if (kind == null || kind.equals("operator")) {
            tools.tools().stream().filter(t -> t.name().equals(capability)).map(McpOperators::spec).forEach(out::add);
        }
        return out;
    }

    @Override
    public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        if (!spec.extension().startsWith(PREFIX)) {
            return delegate.call(spec, input, timeout);
        }
        McpTools.Result result;
        try {
            result = tools.call(McpTools.qualifiedName(spec.extension().substring(PREFIX.length()), spec.capability()), input, approver);
        } catch (McpCallException e) {
            throw new IllegalStateException(e.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage()
                    + (e.reason() == McpCallException.Reason.NOT_APPROVED ? " (allow the tool in policy.json, or approve it when asked)" : ""), e);
        }
        if (result.isError()) {
            throw new IllegalStateException(spec.key() + " reported an error: " + result.text());
        }
        ObjectNode out = JSON.createObjectNode().put("text", result.text());
        if (result.structured() != null) {
            out.set("structured", result.structured());
        }
        return out;
    }

    @Override
    public Reply invoke(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        return spec.extension().startsWith(PREFIX) ? new Reply(call(spec, input, timeout), 0, 0) : delegate.invoke(spec, input, timeout);
    }

    @Override
    public Reply stream(CapabilitySpec spec, JsonNode input, Duration timeout, java.util.function.Consumer<JsonNode> chunks)
            throws Exception {
        return spec.extension().startsWith(PREFIX) ? Capabilities.super.stream(spec, input, timeout, chunks)
                : delegate.stream(spec, input, timeout, chunks);
    }

    @Override
    public CompletableFuture<?> warmUp(CapabilitySpec spec) {
        return spec.extension().startsWith(PREFIX) ? CompletableFuture.completedFuture(null) : delegate.warmUp(spec);
    }

    @Override
    public void close() throws Exception {
        tools.close();
        if (delegate instanceof AutoCloseable c) {
            c.close();
        }
    }
}
