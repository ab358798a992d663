package dev.symphony.conductor.melody;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code *.melody.json}: JSON syntax (line and column on error), the shipped JSON Schema, then the
 * semantic rules of {@link MelodyValidator} against a {@link CapabilityCatalog}. Either every problem is
 * reported at once ({@link InvalidMelodyException}) or the Melody is returned ready to run.
 */
public final class MelodyReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final MelodyValidator validator;

    public MelodyReader(CapabilityCatalog catalog) {
        this(catalog, new MelodyValidator(catalog));
    }

    MelodyReader(CapabilityCatalog catalog, MelodyValidator validator) {
        this.validator = validator;
    }

    public Melody read(Path file) throws InvalidMelodyException, IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + ": no such Melody file");
        }
        return parse(text, file);
    }

    /** Parses and validates {@code text}; {@code source} names it in messages and resolves sub-Melody paths. */
    public Melody parse(String text, Path source) throws InvalidMelodyException {
        String name = source == null ? "<melody>" : source.toString();
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            Problem p = JsonSyntax.firstProblem(name, text, JSON.getFactory());
            throw new InvalidMelodyException(name, List.of(p != null ? p : JsonSyntax.problem(name, e, null)));
        }
        if (json == null || !json.isObject()) {
            throw new InvalidMelodyException(name, List.of(new Problem("$", "a Melody is a JSON object")));
        }
        if (json.has("formatVersion") && json.get("formatVersion").canConvertToInt()
                && json.get("formatVersion").asInt() > Melody.FORMAT_VERSION) {
            throw new InvalidMelodyException(name, List.of(new Problem("$.formatVersion", "format version "
                    + json.get("formatVersion").asInt() + " is newer than this Symphony reads (" + Melody.FORMAT_VERSION
                    + "); update Symphony")));
        }
        List<Problem> problems = new ArrayList<>(MelodySchema.validateMelody(json));
        if (!problems.isEmpty()) {
            throw new InvalidMelodyException(name, problems);
        }
        Melody melody = build(json, source, "$");
        problems.addAll(validator.validate(melody));
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new InvalidMelodyException(name, problems);
        }
        return melody;
    }

    /** Builds the model of a schema-valid document (or loop body) found at {@code path}. */
    static Melody build(JsonNode json, Path source, String path) {
        List<MelodyNode> nodes = new ArrayList<>();
        JsonNode ns = json.path("nodes");
        for (int i = 0; i < ns.size(); i++) {
            JsonNode n = ns.get(i);
            String at = path + ".nodes[" + i + "]";
            NodeType type = NodeType.of(n.get("type").asText());
            Melody body = type == NodeType.LOOP ? build(n.get("body"), source, at + ".body") : null;
            nodes.add(new MelodyNode(n.get("id").asText(), type, n, at, body));
        }
        List<Connection> connections = new ArrayList<>();
        JsonNode cs = json.path("connections");
        for (int i = 0; i < cs.size(); i++) {
            connections.add(Connection.of(cs.get(i), path + ".connections[" + i + "]"));
        }
        JsonNode l = json.path("limits");
        Melody.Limits limits = new Melody.Limits(l.path("maxConcurrency").asInt(Melody.Limits.DEFAULT.maxConcurrency()),
                l.path("timeoutMs").asLong(0),
                l.has("budget") ? l.get("budget").asDouble() : Double.POSITIVE_INFINITY);
        String name = json.path("name").asText(path);
        return new Melody(name, json, List.copyOf(nodes), List.copyOf(connections), limits, source, path);
    }
}
