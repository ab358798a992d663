package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * One input of the {@code documents} capability, checked: {@code {"event": "open", "root", "file", "version", "text"}},
 * {@code {"event": "change", "file", "version", "changes": [{"startLine", "startColumn", "endLine", "endColumn", "text"}]}}
 * (0-based, UTF-16 columns, applied in order), {@code {"event": "close", "file"}}. Paths are absolute.
 */
record DocumentEvent(Kind kind, Path root, Path file, int version, String text, List<TextDocumentContentChangeEvent> changes) {
    enum Kind { OPEN, CHANGE, CLOSE }

    static DocumentEvent read(JsonNode in) {
        String event = in.path("event").asText("");
        Kind kind = switch (event) {
            case "open" -> Kind.OPEN;
            case "change" -> Kind.CHANGE;
            case "close" -> Kind.CLOSE;
            default -> throw new IllegalArgumentException("$.event: must be open, change or close, not '" + event + "'");
        };
        Path file = absolute(in, "file");
        Path root = kind == Kind.OPEN ? absolute(in, "root") : null;
        int version = kind == Kind.CLOSE ? 0 : in.path("version").asInt(-1);
        if (kind != Kind.CLOSE && version < 0) {
            throw new IllegalArgumentException("$.version: a document version (0 or more) is required");
        }
        List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
        if (kind == Kind.CHANGE) {
            JsonNode a = in.path("changes");
            if (!a.isArray()) {
                throw new IllegalArgumentException("$.changes: an array is required");
            }
            for (int i = 0; i < a.size(); i++) {
                JsonNode c = a.get(i);
                String at = "$.changes[" + i + "]";
                if (!c.path("text").isTextual()) {
                    throw new IllegalArgumentException(at + ".text: a string is required");
                }
                Range r = new Range(new Position(count(c, at, "startLine"), count(c, at, "startColumn")),
                        new Position(count(c, at, "endLine"), count(c, at, "endColumn")));
                changes.add(new TextDocumentContentChangeEvent(r, c.get("text").asText()));
            }
        }
        String text = null;
        if (kind == Kind.OPEN) {
            if (!in.path("text").isTextual()) {
                throw new IllegalArgumentException("$.text: the document's text is required when it opens");
            }
            text = in.get("text").asText();
        }
        return new DocumentEvent(kind, root, file, version, text, List.copyOf(changes));
    }

    String uri() {
        return file.toUri().toString();
    }

    String fileType() {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Path absolute(JsonNode in, String field) {
        String p = in.path(field).asText("");
        if (p.isEmpty() || !Path.of(p).isAbsolute()) {
            throw new IllegalArgumentException("$." + field + ": an absolute path is required, not '" + p + "'");
        }
        return Path.of(p).normalize();
    }

    private static int count(JsonNode c, String at, String field) {
        JsonNode v = c.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 0) {
            throw new IllegalArgumentException(at + "." + field + ": a number, 0 or more, is required");
        }
        return v.asInt();
    }
}
