package dev.symphony.samples.localgguf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user's own GGUF files: the setting {@code models} ({@code {"ID": "/absolute/path/model.gguf", …}} in the
 * user's settings.json under {@code dev.symphony.samples.local-gguf.models}), each one a catalogue entry. The kernel
 * answers this setting from the user's settings file only, never a workspace's, and binds exactly these files
 * read-only into this extension's sandbox (the manifest's {@code permissions.settingFiles}).
 */
final class ModelFiles {
    static final String SETTING = "models";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ModelFiles() {
    }

    /** The setting's entries in their order; a bad entry is INVALID_INPUT naming the setting, the id and what to write. */
    static Map<String, Path> of(JsonNode setting, String extensionId) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (setting == null || setting.isNull() || setting.isMissingNode()) {
            return out;
        }
        String name = extensionId + "." + SETTING;
        if (!setting.isObject()) {
            throw bad(name + " must be an object of model id -> GGUF file path, not " + setting.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = setting.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = name + "." + e.getKey();
            if (!ID.matcher(e.getKey()).matches()) {
                throw bad(at + ": a model id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            if (e.getKey().equals(LocalGguf.DEMO_ID)) {
                throw bad(at + ": " + LocalGguf.DEMO_ID + " is the demo model's id; choose another");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw bad(at + " must be the GGUF file's absolute path (a string)");
            }
            Path file;
            try {
                file = Path.of(e.getValue().asText());
            } catch (InvalidPathException x) {
                throw bad(at + ": '" + e.getValue().asText() + "' is not a path: " + x.getMessage());
            }
            if (!file.isAbsolute()) {
                throw bad(at + ": '" + file + "' is not an absolute path (write the whole path, e.g. /home/me/models/qwen.gguf)");
            }
            out.put(e.getKey(), file.normalize());
        }
        return out;
    }

    private static ExtensionException bad(String message) {
        return new ExtensionException(ErrorCode.INVALID_INPUT, "setting " + message);
    }
}
