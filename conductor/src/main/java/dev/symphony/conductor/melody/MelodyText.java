package dev.symphony.conductor.melody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A Melody file's text with the place of every value in it, so a program (the Harmony Board, {@code symphony}
 * commands) can change one value and leave every other character as the person wrote it: unchanged, the text
 * is byte-identical; an edit replaces only the edited value's characters (or inserts/removes one member).
 * Values are addressed by JSON Pointer ({@code /nodes/2/input/text}, {@code /layout/extract}). Inserted and
 * replacing values are written on one line in the examples' style ({@code {"x": 1, "y": 2}}).
 */
public final class MelodyText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** A value's characters [{@code start}, {@code end}); {@code keyStart} is where its member's key starts (-1 in arrays and at the root). */
    record Span(int keyStart, int start, int end) {
    }

    private final String text;
    private final JsonNode tree;
    private final Map<String, Span> spans;

    private MelodyText(String text, JsonNode tree, Map<String, Span> spans) {
        this.text = text;
        this.tree = tree;
        this.spans = spans;
    }

    /** Indexes {@code text}, which must be one JSON value (a Melody is an object). */
    public static MelodyText parse(String text) throws IOException {
        Map<String, Span> spans = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key given twice has no one place
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "no JSON value: the text is empty");
            }
            index(p, "", -1, spans);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the end of the document");
            }
        }
        return new MelodyText(text, JSON.readTree(text), spans);
    }

    private static void index(JsonParser p, String pointer, int keyStart, Map<String, Span> spans) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int key = (int) p.currentTokenLocation().getCharOffset();
                String name = p.currentName();
                p.nextToken();
                index(p, pointer + "/" + escape(name), key, spans);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                index(p, pointer + "/" + i++, -1, spans);
            }
        } else {
            p.finishToken(); // strings are read lazily: their end is known once read
        }
        int end = t.isStructStart() ? (int) p.currentTokenLocation().getCharOffset() + 1 : (int) p.currentLocation().getCharOffset();
        spans.put(pointer, new Span(keyStart, start, end));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    public String text() {
        return text;
    }

    /** The document as a tree (read-only by convention: edits go through {@link #with}). */
    public JsonNode tree() {
        return tree;
    }

    /** Where the value at {@code pointer} is in the text (null if there is none). */
    Span span(String pointer) {
        return spans.get(pointer);
    }

    public boolean has(String pointer) {
        return spans.containsKey(pointer);
    }

    /**
     * The text with the value at {@code pointer} set to {@code value}: an existing value's characters are
     * replaced; a new member of an existing object is added after its last member (or inside its braces); an
     * array element one past the end is appended. The parent must exist.
     */
    public MelodyText with(String pointer, JsonNode value) throws IOException {
        Span span = spans.get(pointer);
        if (span != null) {
            return reparse(text.substring(0, span.start()) + inline(value) + text.substring(span.end()));
        }
        JsonPointer ptr = JsonPointer.compile(pointer);
        String parent = ptr.head() == null ? "" : ptr.head().toString();
        Span container = spans.get(parent);
        JsonNode parentNode = tree.at(parent);
        if (container == null || !(parentNode.isObject() || parentNode.isArray())) {
            throw new IllegalArgumentException("no object or array at '" + parent + "' to add '" + pointer + "' to");
        }
        String name = ptr.last().getMatchingProperty();
        String entry;
        if (parentNode.isObject()) {
            entry = JSON.getNodeFactory().textNode(name) + ": " + inline(value);
        } else {
            if (!String.valueOf(parentNode.size()).equals(name)) {
                throw new IllegalArgumentException("'" + pointer + "': arrays grow at their end (index " + parentNode.size() + ")");
            }
            entry = inline(value);
        }
        int close = container.end() - 1;
        if (parentNode.isEmpty()) {
            return reparse(text.substring(0, close) + entry + text.substring(close));
        }
        Span last = lastChild(parent, parentNode);
        int lastStart = last.keyStart() >= 0 ? last.keyStart() : last.start();
        int prevEnd = previousSeparator(lastStart, container.start());
        String gap = text.substring(prevEnd, lastStart); // what separates the last member from the one before: reuse it
        return reparse(text.substring(0, last.end()) + "," + (gap.isEmpty() ? " " : gap) + entry + text.substring(last.end()));
    }

    /** The text without the member or element at {@code pointer} (and its separating comma). */
    public MelodyText without(String pointer) throws IOException {
        Span span = spans.get(pointer);
        if (span == null || pointer.isEmpty()) {
            throw new IllegalArgumentException("nothing at '" + pointer + "' to remove");
        }
        int from = span.keyStart() >= 0 ? span.keyStart() : span.start();
        int to = span.end();
        int after = skipSpace(to);
        if (after < text.length() && text.charAt(after) == ',') {
            to = skipSpace(after + 1); // "a, b" → "b": the next member moves to where this one started
        } else {
            int before = from - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (text.charAt(before) == ',') {
                from = before; // the last member: drop the comma before it
            } else {
                from = before + 1; // the only member: the container becomes empty, "[]" or "{}"
                to = after;
            }
        }
        return reparse(text.substring(0, from) + text.substring(to));
    }

    private Span lastChild(String parent, JsonNode parentNode) {
        if (parentNode.isArray()) {
            return spans.get(parent + "/" + (parentNode.size() - 1));
        }
        String lastName = null;
        for (Iterator<String> names = parentNode.fieldNames(); names.hasNext(); ) {
            lastName = names.next();
        }
        return spans.get(parent + "/" + escape(lastName));
    }

    /** The offset just after the comma (or opening bracket) that precedes {@code at}. */
    private int previousSeparator(int at, int containerStart) {
        int i = at - 1;
        while (i > containerStart && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i + 1;
    }

    private int skipSpace(int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static MelodyText reparse(String text) throws IOException {
        return parse(text);
    }

    /** One line, a space after every colon and comma, as the shipped examples are written. */
    static String inline(JsonNode v) {
        if (v.isObject()) {
            StringBuilder b = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(JSON.getNodeFactory().textNode(e.getKey())).append(": ").append(inline(e.getValue()));
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            return b.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                b.append(i > 0 ? ", " : "").append(inline(v.get(i)));
            }
            return b.append(']').toString();
        }
        return v.toString();
    }
}
