package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.run.PinnedOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pinned data of one Melody file (a node's output fixed for later runs, n8n's "pin data"): kept in Symphony's
 * data folder ({@code board-pins/NAME-HASH.json}, one file per Melody file, keyed by its absolute path), never in the
 * Melody file itself, so pinning does not change what the user wrote. Each pin keeps its own copy of the value and
 * the run it was taken from. A pin file that cannot be read is reported,
 * never overwritten: {@link #load} throws and the board says why.
 */
final class BoardPins {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One pin: the value and the run it came from. */
    record Pin(JsonNode value, String fromRun) {
    }

    private final Path file;
    private final Path melody;
    private final Map<String, Pin> pins = new LinkedHashMap<>();

    private BoardPins(Path file, Path melody) {
        this.file = file;
        this.melody = melody;
    }

    /** Pins kept in memory only (a Melody that is not a file yet). */
    static BoardPins inMemory() {
        return new BoardPins(null, null);
    }

    /** The pins of {@code melody} kept under {@code folder} (none yet when its file does not exist). */
    static BoardPins load(Path folder, Path melody) throws IOException {
        Path abs = melody.toAbsolutePath().normalize();
        BoardPins p = new BoardPins(folder.resolve(MelodyHistory.key(abs) + ".json"), abs);
        if (Files.exists(p.file)) {
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(p.file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException(p.file + ": the pinned data cannot be read: " + e.getMessage(), e);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("pins").fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode pin = e.getValue();
                if (!pin.has("value")) {
                    throw new IOException(p.file + ": pin '" + e.getKey() + "' has no \"value\"");
                }
                p.pins.put(e.getKey(), new Pin(pin.get("value"), pin.path("fromRun").asText(null)));
            }
        }
        return p;
    }

    Map<String, Pin> all() {
        return java.util.Collections.unmodifiableMap(pins);
    }

    /** The pins as the conductor takes them. */
    List<PinnedOutput> outputs() {
        List<PinnedOutput> out = new ArrayList<>();
        pins.forEach((node, p) -> out.add(new PinnedOutput(node, p.value())));
        return out;
    }

    void pin(String node, Pin pin) {
        pins.put(node, pin);
        save();
    }

    boolean unpin(String node) {
        boolean had = pins.remove(node) != null;
        if (had) {
            save();
        }
        return had;
    }

    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("melody", melody.toString());
        ObjectNode all = root.putObject("pins");
        pins.forEach((node, p) -> {
            ObjectNode o = all.putObject(node);
            o.set("value", p.value());
            o.put("fromRun", p.fromRun());
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": the pinned data was not saved: " + e.getMessage(), e);
        }
    }
}
