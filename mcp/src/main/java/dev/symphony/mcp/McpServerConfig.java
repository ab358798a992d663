package dev.symphony.mcp;

import java.util.List;
import java.util.Map;

/**
 * One MCP server the user configured: started as a process speaking MCP on its standard streams ({@code stdio}:
 * command, args, env) or reached over MCP's streamable HTTP ({@code http}: url, headers).
 */
public record McpServerConfig(String name, Transport transport, String command, List<String> args, Map<String, String> env,
                              String url, Map<String, String> headers) {
    public enum Transport { STDIO, HTTP }

    public McpServerConfig {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static McpServerConfig stdio(String name, String command, List<String> args, Map<String, String> env) {
        return new McpServerConfig(name, Transport.STDIO, command, args, env, null, null);
    }

    public static McpServerConfig http(String name, String url, Map<String, String> headers) {
        return new McpServerConfig(name, Transport.HTTP, null, null, null, url, headers);
    }
}
