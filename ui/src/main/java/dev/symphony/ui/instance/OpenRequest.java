package dev.symphony.ui.instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one request of the handoff protocol: a line of JSON {@code {"open": ["/abs/file", …]}}. The reply is
 * one line, {@code ok} or {@code error: WHAT}. Decoding refuses (with the reason and the JSON path) anything
 * but an object with exactly that array of 1 to {@value #MAX_FILES} absolute paths of existing regular files.
 */
public record OpenRequest(List<Path> files) {
    /** The longest request line read; a longer one is refused without reading the rest. */
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_FILES = 256;
    public static final String OK = "ok";
    public static final String ERROR = "error: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public OpenRequest {
        files = List.copyOf(files);
    }

    /** The request line (without its newline). */
    public String encode() {
        ObjectNode request = JSON.createObjectNode();
        files.forEach(f -> request.withArray("open").add(f.toAbsolutePath().normalize().toString()));
        return request.toString();
    }

    /** Reads a request line; {@link IllegalArgumentException} says what is wrong and where. */
    public static OpenRequest decode(String line) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("the request must be a JSON object {\"open\": [...]}");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("open")) {
                throw new IllegalArgumentException("$." + name + ": unknown field (only \"open\")");
            }
        }
        JsonNode open = request.get("open");
        if (open == null || !open.isArray() || open.isEmpty()) {
            throw new IllegalArgumentException("$.open: must be a non-empty array of file paths");
        }
        if (open.size() > MAX_FILES) {
            throw new IllegalArgumentException("$.open: " + open.size() + " files; at most " + MAX_FILES);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            files.add(file(open.get(i), "$.open[" + i + "]"));
        }
        return new OpenRequest(files);
    }

    private static Path file(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(where + ": must be a string");
        }
        Path path;
        try {
            path = Path.of(node.asText());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(where + ": not a path: " + e.getReason());
        }
        if (!path.isAbsolute() || !path.normalize().equals(path)) {
            throw new IllegalArgumentException(where + ": " + node.asText() + " must be an absolute, normalized path");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(where + ": " + path + " is not a file");
        }
        return path;
    }
}
