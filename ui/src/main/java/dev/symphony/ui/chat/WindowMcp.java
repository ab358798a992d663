package dev.symphony.ui.chat;

import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.mcp.McpConfigException;
import dev.symphony.mcp.McpConfigReader;
import dev.symphony.mcp.McpHub;
import dev.symphony.mcp.McpTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The user's MCP servers for the window's agent: one hub (its servers started on first use, kept between requests)
 * while {@code mcp.json}, the policy files and the folder stay the same; any change makes a new hub with the policy as
 * it is then (the old one's servers are ended).
 */
final class WindowMcp implements AutoCloseable {
    static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private McpHub hub;
    private String key;

    /** The tools for {@code folder} under {@code policy}; null when the user configured no MCP server. */
    synchronized McpTools tools(Path configDir, Path folder, ApprovalPolicy policy) {
        Path file = configDir.resolve(McpConfigReader.FILE);
        if (!Files.isRegularFile(file)) {
            close();
            return null;
        }
        String now = folder + "|" + stamp(file) + "|" + stamp(configDir.resolve("policy.json")) + "|"
                + stamp(folder.resolve(".symphony/policy.json")) + "|" + stamp(folder.resolve(".symphony/agentignore"));
        if (hub == null || !now.equals(key)) {
            McpHub old = hub;
            if (old != null) { // its servers end off the JavaFX thread
                Thread t = new Thread(old::close, "mcp-close");
                t.setDaemon(true);
                t.start();
            }
            try {
                hub = new McpHub(McpConfigReader.read(file), policy, CALL_LIMIT);
            } catch (McpConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            key = now;
        }
        return hub;
    }

    private static String stamp(Path p) {
        try {
            return Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p) : "-";
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    @Override
    public synchronized void close() {
        if (hub != null) {
            hub.close();
            hub = null;
            key = null;
        }
    }

}
