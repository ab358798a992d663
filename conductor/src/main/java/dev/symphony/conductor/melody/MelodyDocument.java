package dev.symphony.conductor.melody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An editable Melody file: the text as the person wrote it, its typed model and the edits a program (the
 * Harmony Board) makes to it. A document is a value: every edit returns a new document and leaves this one as
 * it was (undo is keeping the old one). Unchanged, {@link #text()} is the file byte for byte; an edit changes
 * only the characters of what it edits ({@link #change()} says which), so a hand-formatted file stays as its
 * author formatted it. New values are written on one line in the examples' style.
 *
 * <p>Edits address top-level nodes by id (ids are stable: people rename a node's {@code title}); anything else,
 * a loop body included, by JSON Pointer through {@link #set}/{@link #remove}. Edits check what they need to be
 * well defined (the node exists, an id is not taken twice) and nothing more: whether the result is a valid
 * Melody is {@link #problems(CapabilityCatalog)}'s answer, so a caller can refuse an edit with the reason.
 */
public final class MelodyDocument {
    private static final JsonFactory STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).getFactory();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A node's place on the board, in board units ({@code layout} in the file; the executor does not read it). */
    public record Position(double x, double y) {
    }

    /**
     * What an edit did to the text: the characters [{@code start}, {@code end}) of the previous text became
     * {@code replacement}. Everything before {@code start} and from {@code end} on is unchanged.
     */
    public record Change(int start, int end, String replacement) {
        /** The one replacement that turns {@code before} into {@code after}: what lies between their common prefix and suffix. */
        public static Change between(String before, String after) {
            int prefix = 0;
            int max = Math.min(before.length(), after.length());
            while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < max - prefix && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
                suffix++;
            }
            return new Change(prefix, before.length() - suffix, after.substring(prefix, after.length() - suffix));
        }
    }

    private final MelodyText text;
    private final Path source;
    private final Change change;
    private Melody melody;

    private MelodyDocument(MelodyText text, Path source, Change change) {
        this.text = text;
        this.source = source;
        this.change = change;
    }

    /**
     * The document of {@code text}; {@code source} (may be null) names it in messages and resolves sub-Melody
     * paths. Text that is not one JSON object without duplicate keys is refused with its line and column.
     */
    public static MelodyDocument parse(String text, Path source) throws InvalidMelodyException {
        String name = source == null ? "<melody>" : source.toString();
        MelodyText indexed;
        try {
            indexed = MelodyText.parse(text);
        } catch (JsonProcessingException e) {
            Problem p = JsonSyntax.firstProblem(name, text, STRICT);
            throw new InvalidMelodyException(name, List.of(p != null ? p : JsonSyntax.problem(name, e, null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
        if (!indexed.tree().isObject()) {
            throw new InvalidMelodyException(name, List.of(new Problem("$", "a Melody is a JSON object")));
        }
        return new MelodyDocument(indexed, source, null);
    }

    /** Reads {@code file} (UTF-8). */
    public static MelodyDocument read(Path file) throws IOException, InvalidMelodyException {
        return parse(Files.readString(file), file);
    }

    /** Writes the text to {@code file} (UTF-8) through a temporary file beside it, so a crash leaves the old file or the new one. */
    public void save(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, text().getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public String text() {
        return text.text();
    }

    /** The document as a JSON tree (do not change it: edits go through this class). */
    public JsonNode tree() {
        return text.tree();
    }

    public Path source() {
        return source;
    }

    /** The indexed text (tests read the places of values in it). */
    MelodyText indexed() {
        return text;
    }

    /** What the edit that made this document changed in the previous text; null for a document read from text. */
    public Change change() {
        return change;
    }

    /** The typed model (nodes as {@link NodeSpec} records, connections); refused when the document breaks the schema. */
    public Melody melody() throws InvalidMelodyException {
        if (melody == null) {
            List<Problem> schema = MelodySchema.validateMelody(tree());
            if (!schema.isEmpty()) {
                throw new InvalidMelodyException(name(), schema);
            }
            melody = MelodyReader.build(tree(), source, "$");
        }
        return melody;
    }

    /** Every problem (schema first; if none, the semantic rules against {@code catalog}); empty for a valid Melody. */
    public List<Problem> problems(CapabilityCatalog catalog) {
        try {
            new MelodyReader(catalog).parse(text(), source);
            return List.of();
        } catch (InvalidMelodyException e) {
            return e.problems();
        }
    }

    /** Every node's position in {@code layout}, by node id, in file order. */
    public Map<String, Position> layout() {
        Map<String, Position> out = new LinkedHashMap<>();
        tree().path("layout").properties().forEach(e -> out.put(e.getKey(),
                new Position(e.getValue().path("x").asDouble(), e.getValue().path("y").asDouble())));
        return out;
    }

    /** Appends {@code node} (an object with a new {@code id} and a {@code type}) to {@code nodes}. */
    public MelodyDocument addNode(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("id").isTextual() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("a node is an object with an 'id' and a 'type': " + node);
        }
        String id = node.get("id").asText();
        if (nodeIndex(id) >= 0) {
            throw new IllegalArgumentException("there is a node '" + id + "' already");
        }
        return append("/nodes", node);
    }

    /** Appends {@code node} and places it at {@code at}. */
    public MelodyDocument addNode(JsonNode node, Position at) {
        return addNode(node).moveNode(node.get("id").asText(), at);
    }

    /** Removes the node, every connection from or to it and its position. */
    public MelodyDocument removeNode(String id) {
        int index = requireNode(id);
        MelodyText t = text;
        JsonNode cs = tree().path("connections");
        for (int i = cs.size() - 1; i >= 0; i--) { // from the end, so the indices before stay valid
            if (cs.get(i).path("from").asText().equals(id) || cs.get(i).path("to").asText().equals(id)) {
                t = without(t, "/connections/" + i);
            }
        }
        t = without(t, "/layout/" + escape(id));
        t = without(t, "/nodes/" + index);
        return next(t);
    }

    /** Sets the node's position (adds a {@code layout} section if there is none). */
    public MelodyDocument moveNode(String id, Position at) {
        requireNode(id);
        ObjectNode pos = F.objectNode();
        pos.set("x", number(at.x()));
        pos.set("y", number(at.y()));
        return tree().has("layout") ? set("/layout/" + escape(id), pos) : set("/layout", F.objectNode().set(id, pos));
    }

    /**
     * Sets a field of node {@code id}: {@code field} is a name ({@code timeoutMs}) or a JSON Pointer into the node
     * ({@code /onError/retry/count}); missing objects on the way are added. {@code value} null removes the field.
     * The id is not a field: a node keeps its id (connections and templates name it).
     */
    public MelodyDocument setField(String id, String field, JsonNode value) {
        String inNode = field.startsWith("/") ? field : "/" + escape(field);
        if (inNode.equals("/id")) {
            throw new IllegalArgumentException("a node's id does not change (connections and templates name it); its 'title' does");
        }
        String pointer = "/nodes/" + requireNode(id) + inNode;
        return value == null ? (text.has(pointer) ? remove(pointer) : this) : set(pointer, value);
    }

    /** Adds a connection {@code from -> to} ({@code branch}, {@code when} and {@code kind} optional: null). */
    public MelodyDocument connect(String from, String to, String branch, String when, Connection.Kind kind) {
        requireNode(from);
        requireNode(to);
        if (connectionIndex(from, to) >= 0) {
            throw new IllegalArgumentException("there is a connection " + from + " -> " + to + " already");
        }
        ObjectNode c = F.objectNode().put("from", from).put("to", to);
        if (branch != null) {
            c.put("branch", branch);
        }
        if (when != null) {
            c.put("when", when);
        }
        if (kind != null && kind != Connection.Kind.HARD) {
            c.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return append("/connections", c);
    }

    public MelodyDocument connect(String from, String to) {
        return connect(from, to, null, null, null);
    }

    /** Removes the connection {@code from -> to}. */
    public MelodyDocument disconnect(String from, String to) {
        int i = connectionIndex(from, to);
        if (i < 0) {
            throw new IllegalArgumentException("there is no connection " + from + " -> " + to);
        }
        return remove("/connections/" + i);
    }

    /** Sets the value at {@code pointer} (any place: {@code /limits/budget}, {@code /nodes/3/body/nodes/0/input}); missing objects on the way are added. */
    public MelodyDocument set(String pointer, JsonNode value) {
        Objects.requireNonNull(value, "value");
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode wrapped = value;
        while (p.head() != null && !text.has(p.head().toString())) { // wrap the value in the objects that are missing
            wrapped = F.objectNode().set(p.last().getMatchingProperty(), wrapped);
            p = p.head();
        }
        String at = p.toString();
        JsonNode finalValue = wrapped;
        return next(edit(() -> text.with(at, finalValue), text));
    }

    /** Removes the member or element at {@code pointer}. */
    public MelodyDocument remove(String pointer) {
        return next(edit(() -> text.without(pointer), text));
    }

    private MelodyDocument append(String arrayPointer, JsonNode value) {
        JsonNode array = tree().at(arrayPointer);
        if (array.isMissingNode()) {
            return set(arrayPointer, F.arrayNode().add(value));
        }
        return set(arrayPointer + "/" + array.size(), value);
    }

    private int requireNode(String id) {
        int i = nodeIndex(id);
        if (i < 0) {
            throw new IllegalArgumentException("no node '" + id + "'");
        }
        return i;
    }

    private int nodeIndex(String id) {
        JsonNode ns = tree().path("nodes");
        for (int i = 0; i < ns.size(); i++) {
            if (ns.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private int connectionIndex(String from, String to) {
        JsonNode cs = tree().path("connections");
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).path("from").asText().equals(from) && cs.get(i).path("to").asText().equals(to)) {
                return i;
            }
        }
        return -1;
    }

    private MelodyDocument next(MelodyText edited) {
        return new MelodyDocument(edited, source, Change.between(text(), edited.text()));
    }

    private static MelodyText without(MelodyText t, String pointer) {
        return t.has(pointer) ? edit(() -> t.without(pointer), t) : t;
    }

    private interface TextEdit {
        MelodyText apply() throws IOException;
    }

    /** Runs an edit of {@code t}; the text it makes is JSON by construction, so a parse failure is a bug here. */
    private static MelodyText edit(TextEdit e, MelodyText t) {
        try {
            return e.apply();
        } catch (IOException ex) {
            throw new IllegalStateException("an edit made text that is not JSON: " + ex.getMessage(), ex);
        }
    }

    private String name() {
        return source == null ? "<melody>" : source.toString();
    }

    /** Whole numbers without a fraction ({@code 120}, not {@code 120.0}), as a person writes them. */
    private static JsonNode number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a position is a finite number, not " + v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? F.numberNode((long) v) : F.numberNode(v);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The ids of the top-level nodes, in file order. */
    public List<String> nodeIds() {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = tree().path("nodes").elements(); it.hasNext(); ) {
            out.add(it.next().path("id").asText());
        }
        return out;
    }
}
