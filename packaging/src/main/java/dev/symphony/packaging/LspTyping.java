package dev.symphony.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What {@code symphony bench lsp} types: the {@code sveltecomponent} editing trace (a real code-editing history from
 * {@code ../shared/bench-data/editing-traces/}: its first transaction is the starting text, each later patch one
 * keystroke, a paste or a deletion) appended to the project's {@code main.ts}, or, without the trace (or for another
 * language), a synthetic line typed over and over.
 */
record LspTyping(String name, String startText, List<Keystroke> keystrokes) {
    /** Replace {@code deleted} characters at {@code offset} (of the typed text) with {@code text}. */
    record Keystroke(int offset, int deleted, String text) {
    }

    static LspTyping synthetic(String line, int count) {
        List<Keystroke> keys = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            keys.add(new Keystroke(k, 0, String.valueOf(line.charAt(k % line.length()))));
        }
        return new LspTyping("synthetic", "", keys);
    }

    /** The first {@code count} patches of the trace after its first transaction, or empty when the file is absent. */
    static Optional<LspTyping> trace(Path gz, int count) throws IOException {
        if (!Files.isRegularFile(gz)) {
            return Optional.empty();
        }
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            root = new ObjectMapper().readTree(in);
        }
        StringBuilder start = new StringBuilder(root.path("startContent").asText(""));
        List<Keystroke> keys = new ArrayList<>();
        JsonNode txns = root.path("txns");
        for (int t = 0; t < txns.size() && keys.size() < count; t++) {
            for (JsonNode p : txns.get(t).path("patches")) {
                Keystroke k = new Keystroke(p.path(0).asInt(), p.path(1).asInt(), p.path(2).asText(""));
                if (t == 0) {
                    start.replace(k.offset(), k.offset() + k.deleted(), k.text());
                } else if (keys.size() < count) {
                    keys.add(k);
                }
            }
        }
        String name = gz.getFileName().toString().replace(".json.gz", "");
        return Optional.of(new LspTyping(name, start.toString(), keys));
    }

    /** 0-based line and UTF-16 column of {@code offset} in {@code text}. */
    static int[] lineColumn(CharSequence text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart};
    }
}
