package dev.symphony.mcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the user's {@code mcp.json} (in Symphony's config folder; VS Code's {@code servers} format, JSON with
 * comments):
 *
 * <pre>{@code
 * {"servers": {
 *   "files": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/work"], "env": {}},
 *   "remote": {"type": "http", "url": "http://127.0.0.1:3001/mcp", "headers": {"X-Team": "a"}}
 * }}
 * }</pre>
 *
 * {@code type} defaults to stdio when there is a {@code command}, http when there is a {@code url}. Every problem is
 * an {@link McpConfigException} naming the file, line and JSON path; unknown keys are errors, not silently ignored.
 * Only the user's file is read: a workspace (anyone's repository) cannot start processes through it.
 */
public final class McpConfigReader {
    public static final String FILE = "mcp.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.ALLOW_COMMENTS)
            .enable(JsonParser.Feature.ALLOW_TRAILING_COMMA).build();

    private McpConfigReader() {
    }

    /** The servers of {@code file}; none when the file does not exist. */
    public static List<McpServerConfig> read(Path file) throws McpConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new McpConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    public static List<McpServerConfig> parse(String source, String text) throws McpConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new McpConfigException(source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (!root.isObject()) {
            throw new McpConfigException(source + ": $: an object with \"servers\"");
        }
        unknownKeys(source, "$", root, List.of("servers"));
        JsonNode servers = root.path("servers");
        if (servers.isMissingNode()) {
            return List.of();
        }
        if (!servers.isObject()) {
            throw new McpConfigException(source + ": $.servers: an object of server name -> server");
        }
        List<McpServerConfig> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = servers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(server(source, e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    private static McpServerConfig server(String source, String name, JsonNode node) throws McpConfigException {
        String at = source + ": $.servers." + name;
        if (!NAME.matcher(name).matches()) {
            throw new McpConfigException(at + ": a server name is 1-40 letters, digits and '-' (it becomes part of its tools' names)");
        }
        if (!node.isObject()) {
            throw new McpConfigException(at + ": an object with \"command\" (stdio) or \"url\" (http)");
        }
        unknownKeys(source, "$.servers." + name, node, List.of("type", "command", "args", "env", "url", "headers"));
        String type = text(at, node, "type");
        if (type == null) {
            type = node.has("url") ? "http" : "stdio";
        }
        switch (type) {
            case "stdio" -> {
                String command = text(at, node, "command");
                if (command == null || command.isBlank()) {
                    throw new McpConfigException(at + ".command: the program to start (a stdio server needs one)");
                }
                if (node.has("url") || node.has("headers")) {
                    throw new McpConfigException(at + ": \"url\" and \"headers\" are for http servers; this one is stdio");
                }
                List<String> args = new ArrayList<>();
                JsonNode a = node.path("args");
                if (!a.isMissingNode()) {
                    if (!a.isArray()) {
                        throw new McpConfigException(at + ".args: an array of strings");
                    }
                    for (int i = 0; i < a.size(); i++) {
                        if (!a.get(i).isTextual()) {
                            throw new McpConfigException(at + ".args[" + i + "]: a string");
                        }
                        args.add(a.get(i).asText());
                    }
                }
                return McpServerConfig.stdio(name, command, args, strings(at + ".env", node.path("env")));
            }
            case "http" -> {
                String url = text(at, node, "url");
                if (url == null) {
                    throw new McpConfigException(at + ".url: the server's MCP endpoint (http:// or https://)");
                }
                try {
                    URI uri = new URI(url);
                    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                        throw new McpConfigException(at + ".url: not an http(s) URL with a host: " + url);
                    }
                } catch (java.net.URISyntaxException e) {
                    throw new McpConfigException(at + ".url: " + e.getMessage());
                }
                if (node.has("command") || node.has("args") || node.has("env")) {
                    throw new McpConfigException(at + ": \"command\", \"args\" and \"env\" are for stdio servers; this one is http");
                }
                return McpServerConfig.http(name, url, strings(at + ".headers", node.path("headers")));
            }
            default -> throw new McpConfigException(at + ".type: \"stdio\" or \"http\", not \"" + type + "\"");
        }
    }

    private static String text(String at, JsonNode node, String key) throws McpConfigException {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new McpConfigException(at + "." + key + ": a string");
        }
        return v.asText();
    }

    private static Map<String, String> strings(String at, JsonNode node) throws McpConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new McpConfigException(at + ": an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new McpConfigException(at + "." + e.getKey() + ": a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static void unknownKeys(String source, String at, JsonNode node, List<String> known) throws McpConfigException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new McpConfigException(source + ": " + at + "." + key + ": unknown key; known: " + String.join(", ", known));
            }
        }
    }
}
