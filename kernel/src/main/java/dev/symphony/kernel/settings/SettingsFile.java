package dev.symphony.kernel.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.kernel.json.JsoncDocument;
import dev.symphony.kernel.json.JsoncSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One settings.json layer (user or workspace). While the file is invalid JSON, the values it had
 * when it was last valid stay in force, the problem is reported with its line and column, and
 * the file is never written: the user's text is theirs to fix.
 */
final class SettingsFile {
    private final Path path;
    private final SettingsScope scope;
    private JsoncDocument document = null;
    private ObjectNode values = JsonNodeFactory.instance.objectNode();
    private List<SettingsProblem> problems = List.of();
    private boolean syntaxValid = true;

    SettingsFile(Path path, SettingsScope scope) {
        this.path = path;
        this.scope = scope;
    }

    Path path() {
        return path;
    }

    SettingsScope scope() {
        return scope;
    }

    ObjectNode values() {
        return values;
    }

    List<SettingsProblem> problems() {
        return problems;
    }

    /** Re-reads the file; returns true if its values or problems changed. */
    boolean load(SettingsSchema schema) {
        ObjectNode oldValues = values;
        List<SettingsProblem> oldProblems = problems;
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            problems = List.of(new SettingsProblem(path, 1, 1, null, "cannot be read: " + e.getMessage()));
            return !problems.equals(oldProblems);
        }
        try {
            document = JsoncDocument.parse(text);
            syntaxValid = true;
            accept(schema, document);
        } catch (JsoncSyntaxException e) {
            syntaxValid = false;
            problems = List.of(new SettingsProblem(path, e.line(), e.column(), null,
                    "invalid JSON: " + e.getMessage() + " (the previous values stay in force until this is fixed)"));
        }
        return !values.equals(oldValues) || !problems.equals(oldProblems);
    }

    private void accept(SettingsSchema schema, JsoncDocument doc) {
        List<SettingsProblem> found = new ArrayList<>();
        JsonNode root = doc.root();
        ObjectNode accepted = JsonNodeFactory.instance.objectNode();
        if (!root.isObject()) {
            found.add(new SettingsProblem(path, 1, 1, "$", "settings must be a JSON object"));
        } else {
            accepted.setAll((ObjectNode) root);
            for (SettingsSchema.Violation violation : schema.validate(root)) {
                Optional<JsoncDocument.Span> span = violation.key() == null ? Optional.empty() : doc.spanOf(violation.key());
                found.add(new SettingsProblem(path, span.map(JsoncDocument.Span::line).orElse(1),
                        span.map(JsoncDocument.Span::column).orElse(1),
                        violation.key() == null ? "$" : "$['" + violation.key() + "']", violation.message()));
                if (violation.key() != null) {
                    accepted.remove(violation.key()); // an invalid value falls back to the layer below
                }
            }
        }
        values = accepted;
        problems = List.copyOf(found);
    }

    /**
     * Sets (or with a null value removes) one setting, changing only that property's text. The
     * caller reloads afterwards (so it can tell what changed).
     *
     * @throws SettingsWriteException if the file is currently invalid JSON or cannot be written
     */
    void write(SettingsSchema schema, String key, JsonNode value) throws SettingsWriteException {
        load(schema);
        if (!syntaxValid) {
            SettingsProblem problem = problems.get(0);
            throw new SettingsWriteException(path + " was not changed because it has an error at line "
                    + problem.line() + ", column " + problem.column() + ". Fix the file first.");
        }
        if (!document.root().isObject()) {
            throw new SettingsWriteException(path + " was not changed because its top level is not a JSON object.");
        }
        try {
            AtomicFiles.writeString(path, document.withProperty(key, value));
        } catch (IOException e) {
            throw new SettingsWriteException("Could not write " + path + ": " + e.getMessage());
        }
    }
}
