package dev.symphony.kernel.settings;

import java.nio.file.Path;

/**
 * Something wrong in a settings file: the file, the 1-based line and column, the JSON path
 * (e.g. {@code $['editor.fontSize']}) when the problem is about a value, and what is wrong.
 */
public record SettingsProblem(Path file, int line, int column, String jsonPath, String message) {
    /** One line a person can act on: {@code settings.json:3:17: $['editor.fontSize']: must be ≥ 6}. */
    public String describe() {
        String where = file + ":" + line + ":" + column;
        return jsonPath == null ? where + ": " + message : where + ": " + jsonPath + ": " + message;
    }
}
