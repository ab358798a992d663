package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code permissions.settingFiles}: settings of an extension whose values name files the user chose (local-gguf's
 * {@code models}: GGUF files on disk). The kernel answers those settings from the <em>user's</em> settings.json only
 * — a workspace's settings (a cloned repository's) cannot point an extension at a file — and binds the existing regular
 * files they name read-only into the host's sandbox when it starts: exactly those files, not their folders. Their sizes
 * are added to the host's memory limit, since such a file is mapped into memory (a model's weights). The install
 * approval names the settings.
 */
final class SettingFiles {
    /** What a host gets: the files to bind, their total size, and why any named file was left out (for the host's log). */
    record Grant(List<Path> files, long bytes, List<String> skipped) {
        static final Grant NONE = new Grant(List.of(), 0, List.of());
    }

    private SettingFiles() {
    }

    /** The setting keys (without the extension id) the manifest declares. */
    static List<String> keys(ExtensionManifest manifest) {
        List<String> keys = new ArrayList<>();
        manifest.raw().path("permissions").path("settingFiles").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    static boolean declares(ExtensionManifest manifest, String key) {
        return keys(manifest).contains(key);
    }

    /** The user's own value of {@code extensionId.key}, null when their settings.json does not set it (or cannot be read). */
    static JsonNode userValue(Path userSettingsFile, String extensionId, String key) {
        try (SettingsService user = new SettingsService(SettingsSchema.core(), userSettingsFile, null)) {
            return user.get(extensionId + "." + key);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The files {@code manifest}'s setting files name in the user's settings. */
    static Grant grant(ExtensionManifest manifest, Path userSettingsFile) {
        List<String> keys = keys(manifest);
        if (keys.isEmpty()) {
            return Grant.NONE;
        }
        Set<Path> files = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        long bytes = 0;
        for (String key : keys) {
            String setting = manifest.id() + "." + key;
            for (String named : paths(userValue(userSettingsFile, manifest.id(), key))) {
                String why = null;
                Path p = null;
                try {
                    p = Path.of(named);
                    if (!p.isAbsolute()) {
                        why = "not an absolute path";
                    } else if (!Files.isRegularFile(p)) {
                        why = Files.exists(p) ? "not a regular file" : "no such file";
                    }
                } catch (InvalidPathException e) {
                    why = "not a path";
                }
                if (why != null) {
                    skipped.add(setting + ": " + named + ": " + why);
                    continue;
                }
                Path file = p.normalize();
                if (files.add(file)) {
                    try {
                        bytes += Files.size(file);
                    } catch (IOException e) {
                        // counted as 0: the bind still shows the file, the host reports what it cannot read
                    }
                }
            }
        }
        return new Grant(List.copyOf(files), bytes, List.copyOf(skipped));
    }

    /** The strings of a setting's value: a string, an array's strings, an object's string values. */
    static List<String> paths(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isTextual()) {
            out.add(value.asText());
        } else if (value.isArray() || value.isObject()) {
            value.forEach(v -> {
                if (v.isTextual()) {
                    out.add(v.asText());
                }
            });
        }
        return out;
    }
}
