package dev.symphony.ui.problems;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that a JSON file's text is well-formed, with Jackson's streaming parser (no tree: a 50 MB file
 * costs a scan, not its size in objects). JSON with comments and trailing commas (VS Code's "jsonc") for
 * {@code *.jsonc} and the files known to be written that way (settings, key bindings, tsconfig…);
 * strict JSON for other {@code *.json} files.
 */
public final class JsonCheck {
    private static final Set<String> JSONC_NAMES = Set.of("settings.json", "keybindings.json", "tsconfig.json",
            "jsconfig.json", "devcontainer.json", ".eslintrc.json", "launch.json", "tasks.json", "extensions.json");
    private static final JsonFactory STRICT = JsonFactory.builder().build();
    private static final JsonFactory JSONC = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private JsonCheck() {
    }

    /** True for the files this check applies to. */
    public static boolean appliesTo(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonc");
    }

    /** The first syntax error of {@code text} (JSON stops making sense after it), or none. */
    public static List<Problem> check(Path file, CharSequence text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonFactory factory = name.endsWith(".jsonc") || JSONC_NAMES.contains(name) ? JSONC : STRICT;
        try (JsonParser parser = factory.createParser(new SequenceReader(text))) {
            int depth = 0;
            boolean sawValue = false;
            while (parser.nextToken() != null) {
                if (sawValue && depth == 0) {
                    JsonLocation at = parser.currentTokenLocation();
                    return List.of(new Problem(file, at.getLineNr(), at.getColumnNr(), "End of file expected"));
                }
                switch (parser.currentToken()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> { }
                }
                sawValue = depth == 0;
            }
            return List.of();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return List.of(new Problem(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader over a CharSequence (the rope's view), without copying it into one String. */
    private static final class SequenceReader extends Reader {
        private final CharSequence text;
        private int next;

        SequenceReader(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - next);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = text.charAt(next++);
            }
            return n;
        }

        @Override
        public void close() {
        }
    }
}
