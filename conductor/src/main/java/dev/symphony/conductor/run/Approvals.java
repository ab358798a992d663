package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Approval answers, owned by the conductor: {@code <run>/approvals/NODE.json} with who answered, when, what
 * was asked (the prompt and details shown) and the answer. Written atomically; an answer is never
 * overwritten (the first one stands), so a second {@code approve} cannot silently change history.
 */
public final class Approvals {
    private final Path dir;

    public Approvals(Path runDir) {
        this.dir = runDir.resolve("approvals");
    }

    public record Answer(String node, boolean approved, String by, Instant at, String prompt, JsonNode details,
                         String comment) {
        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("node", node).put("approved", approved).put("by", by).put("at", at.toString());
            o.put("prompt", prompt);
            o.set("details", details);
            if (comment != null) {
                o.put("comment", comment);
            }
            return o;
        }

        static Answer of(JsonNode o) {
            return new Answer(o.path("node").asText(), o.path("approved").asBoolean(), o.path("by").asText(),
                    Instant.parse(o.path("at").asText()), o.path("prompt").asText(), o.get("details"),
                    o.hasNonNull("comment") ? o.get("comment").asText() : null);
        }
    }

    public Optional<Answer> answer(String node) throws IOException {
        Path f = file(node);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Optional.of(Answer.of(RunJournal.JSON.readTree(f.toFile())));
    }

    /** Records {@code a}; returns false (and keeps the old one) if the node was already answered. */
    public synchronized boolean record(Answer a) throws IOException {
        if (Files.exists(file(a.node()))) {
            return false;
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(file(a.node()), a.toJson().toPrettyString());
        return true;
    }

    private Path file(String node) {
        if (!node.matches("[A-Za-z0-9_#./-]+") || node.contains("..")) {
            throw new IllegalArgumentException("not a node id: '" + node + "'");
        }
        return dir.resolve(node.replace('/', '~') + ".json");
    }
}
