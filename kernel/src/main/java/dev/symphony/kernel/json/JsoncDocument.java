package dev.symphony.kernel.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON-with-comments object document (the format of settings.json and keybindings.json) that
 * remembers where each top-level property sits in the text, so that problems can be reported by
 * line and column and a single property can be changed without disturbing the user's comments,
 * order or formatting.
 */
public final class JsoncDocument {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /**
     * A top-level property: where its key starts, where its value starts and ends (char offsets),
     * and the value's line and column (1-based).
     */
    public record Span(int keyStart, int start, int end, int line, int column) {}

    private final String text;
    private final JsonNode root;
    private final Map<String, Span> valueSpans;
    private final int closingBrace;
    private final java.util.List<Span> elementSpans;

    private JsoncDocument(String text, JsonNode root, Map<String, Span> valueSpans, int closingBrace) {
        this(text, root, valueSpans, closingBrace, java.util.List.of());
    }

    private JsoncDocument(String text, JsonNode root, Map<String, Span> valueSpans, int closingBrace,
                          java.util.List<Span> elementSpans) {
        this.elementSpans = elementSpans;
        this.text = text;
        this.root = root;
        this.valueSpans = valueSpans;
        this.closingBrace = closingBrace;
    }

    /**
     * Parses {@code text}; an empty or blank text is an empty document.
     *
     * @throws JsoncSyntaxException with the line and column of the first problem
     */
    public static JsoncDocument parse(String text) throws JsoncSyntaxException {
        if (text.isBlank()) {
            return new JsoncDocument(text, MAPPER.createObjectNode(), Map.of(), -1);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonNode root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new JsoncSyntaxException("unexpected content after the end of the document",
                        at.getLineNr(), at.getColumnNr());
            }
            Map<String, Span> spans = new LinkedHashMap<>();
            int closing = -1;
            java.util.List<Span> elements = new java.util.ArrayList<>();
            if (root != null && root.isObject()) {
                closing = indexTopLevel(text, spans);
            } else if (root != null && root.isArray()) {
                indexElements(text, elements);
            }
            return new JsoncDocument(text, root == null ? MAPPER.createObjectNode() : root, spans, closing, elements);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new JsoncSyntaxException(e.getOriginalMessage(), at.getLineNr(), at.getColumnNr());
        } catch (IOException e) {
            throw new JsoncSyntaxException(e.getMessage(), 1, 1);
        }
    }

    private static int indexTopLevel(String text, Map<String, Span> spans) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken(); // START_OBJECT
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                int keyStart = (int) parser.currentTokenLocation().getCharOffset();
                parser.nextToken();
                JsonLocation start = parser.currentTokenLocation();
                parser.skipChildren();
                parser.finishToken(); // strings are read lazily: the end is known only once read
                int end = (int) parser.currentLocation().getCharOffset();
                spans.put(name, new Span(keyStart, (int) start.getCharOffset(), end, start.getLineNr(), start.getColumnNr()));
            }
            return token == JsonToken.END_OBJECT ? (int) parser.currentTokenLocation().getCharOffset() : -1;
        }
    }

    private static void indexElements(String text, java.util.List<Span> elements) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken(); // START_ARRAY
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation start = parser.currentTokenLocation();
                parser.skipChildren();
                parser.finishToken();
                int offset = (int) start.getCharOffset();
                elements.add(new Span(offset, offset, (int) parser.currentLocation().getCharOffset(),
                        start.getLineNr(), start.getColumnNr()));
            }
        }
    }

    /** Where the i-th element of a top-level array starts, if the document is an array. */
    public Optional<Span> elementSpan(int index) {
        return index < elementSpans.size() ? Optional.of(elementSpans.get(index)) : Optional.empty();
    }

    public String text() {
        return text;
    }

    public JsonNode root() {
        return root;
    }

    /** The location of a top-level property's value, if present. */
    public Optional<Span> spanOf(String property) {
        return Optional.ofNullable(valueSpans.get(property));
    }

    /**
     * The text with one top-level property set to {@code value} (or removed when {@code value} is
     * null), everything else — comments, order, whitespace — left exactly as it was.
     */
    public String withProperty(String property, JsonNode value) {
        if (!root.isObject()) {
            throw new IllegalStateException("the document's top level is not an object");
        }
        Span span = valueSpans.get(property);
        if (value == null) {
            return span == null ? text : removeProperty(span);
        }
        String json = value.toString();
        if (span != null) {
            return text.substring(0, span.start()) + json + text.substring(span.end());
        }
        String entry = MAPPER.getNodeFactory().textNode(property).toString() + ": " + json;
        if (closingBrace < 0) {
            return "{\n    " + entry + "\n}\n";
        }
        if (valueSpans.isEmpty()) {
            return text.substring(0, closingBrace).stripTrailing() + "\n    " + entry + "\n" + text.substring(closingBrace);
        }
        int insertAt = lastValueEnd();
        return text.substring(0, insertAt) + ",\n    " + entry + text.substring(insertAt);
    }

    private int lastValueEnd() {
        int end = -1;
        for (Span span : valueSpans.values()) {
            end = Math.max(end, span.end());
        }
        return end;
    }

    private String removeProperty(Span span) {
        int from = span.keyStart();
        int to = skipBlanks(span.end());
        if (to < text.length() && text.charAt(to) == ',') {
            to++;
        } else {
            // the last member: drop the comma before it instead
            int before = from - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (before >= 0 && text.charAt(before) == ',') {
                from = before;
            }
        }
        // take the now-empty line with it
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        int afterTo = skipBlanks(to);
        if (text.substring(lineStart, from).isBlank() && afterTo < text.length() && text.charAt(afterTo) == '\n') {
            from = lineStart;
            to = afterTo + 1;
        }
        return text.substring(0, from) + text.substring(to);
    }

    private int skipBlanks(int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
            at++;
        }
        return at;
    }
}
