package dev.symphony.agent.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The steps of one workspace's checkpoints kept in the checkpoint store ({@link StoreBlobs}): one artifact per
 * workspace, {@value #PREFIX}{@code <SHA-256 of its path>}, a new version after every step (JSON: per step its id,
 * title, time, whether it was a restore, each changed file's state before and after, and the name of the conversation's
 * copy), <em>derived from</em> every copy its steps name; the version it supersedes is purged. The stale manager never
 * deletes an artifact a live one was derived from, so the copies of kept steps stay, and the copies only dropped steps
 * named age out ({@link CheckpointRetention}); the lists themselves are kept as an unfinished run's ({@value #RUN}):
 * only the retention's own rule (age, count) shortens them.
 */
final class StoredSteps implements Checkpoints.Journal {
    static final String PREFIX = "checkpoint/steps/";
    /** The run the lists' provenance names: the retention keeps them as an unfinished run's (never moved). */
    static final String RUN = "checkpoint-steps";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StoreBlobs blobs;
    private final Path workspace;
    private final String name;
    /** The name of each step's conversation copy, by step id: a conversation is encoded and put once. */
    private final Map<Integer, String> conversations = new java.util.HashMap<>();

    StoredSteps(StoreBlobs blobs, Path workspace) {
        this.blobs = blobs;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.name = PREFIX + BlobStore.hash(this.workspace.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long nowMs() {
        return blobs.clock().time();
    }

    @Override
    public List<Checkpoints.Step> load() throws IOException {
        ObjectNode index = read(blobs, name);
        if (index == null) {
            return List.of();
        }
        List<Checkpoints.Step> out = new ArrayList<>();
        for (JsonNode s : index.withArray("steps")) {
            conversations.put(s.path("id").asInt(), s.path("conversation").asText());
            List<Message> conversation = messages(JSON.readTree(blobs.read(s.path("conversation").asText())));
            out.add(new Checkpoints.Step(s.path("id").asInt(), s.path("title").asText(), states(s.path("before")),
                    states(s.path("after")), conversation, s.path("restore").asBoolean(), s.path("atMs").asLong()));
        }
        return out;
    }

    @Override
    public void save(List<Checkpoints.Step> steps) throws IOException {
        ObjectNode index = JSON.createObjectNode().put("format", 1).put("workspace", workspace.toString());
        ArrayNode list = index.putArray("steps");
        for (Checkpoints.Step step : steps) {
            ObjectNode s = list.addObject().put("id", step.id()).put("title", step.title()).put("atMs", step.atMs())
                    .put("restore", step.restore());
            String conversation = conversations.get(step.id());
            if (conversation == null) {
                conversation = blobs.put(JSON.writeValueAsBytes(messages(step.conversation())));
                conversations.put(step.id(), conversation);
            }
            s.put("conversation", conversation);
            s.set("before", states(step.before()));
            s.set("after", states(step.after()));
        }
        put(blobs, name, index);
        blobs.sync();
    }

    /**
     * Drops from every workspace's list the steps recorded before {@code oldestMs}, and the oldest beyond
     * {@code maxSteps} (always from the start: a restore goes back through every later step); returns how many went.
     */
    static int prune(StoreBlobs blobs, long oldestMs, int maxSteps) throws IOException {
        List<String> names = new ArrayList<>();
        synchronized (blobs.artifacts()) {
            var store = blobs.artifacts().store();
            store.forEachArtifact(id -> store.info(id).filter(i -> i.live() && i.name().startsWith(PREFIX)).ifPresent(i -> names.add(i.name())));
        }
        int dropped = 0;
        for (String n : names) {
            ObjectNode index = read(blobs, n);
            if (index == null) {
                continue;
            }
            ArrayNode steps = index.withArray("steps");
            int drop = 0;
            while (drop < steps.size() && (steps.get(drop).path("atMs").asLong() < oldestMs || steps.size() - drop > maxSteps)) {
                drop++;
            }
            if (drop > 0) {
                for (int i = 0; i < drop; i++) {
                    steps.remove(0);
                }
                put(blobs, n, index);
                dropped += drop;
            }
        }
        return dropped;
    }

    private static ObjectNode read(StoreBlobs blobs, String name) throws IOException {
        synchronized (blobs.artifacts()) {
            long id = blobs.artifacts().store().latest(name);
            if (id == 0 || !blobs.artifacts().store().info(id).map(i -> i.live()).orElse(false)) {
                return null; // none yet, or pruned with all its steps
            }
            return (ObjectNode) JSON.readTree(blobs.read(name, "the list of checkpoints " + name));
        }
    }

    /** A new version of the list, derived from every copy it names. */
    private static void put(StoreBlobs blobs, String name, ObjectNode index) throws IOException {
        TreeSet<String> named = new TreeSet<>();
        for (JsonNode s : index.withArray("steps")) {
            named.add(s.path("conversation").asText());
            for (String side : List.of("before", "after")) {
                s.path(side).forEach(f -> {
                    if (f.hasNonNull("hash")) {
                        named.add(f.get("hash").asText());
                    }
                });
            }
        }
        long[] ids = new long[named.size()];
        int n = 0;
        for (String hash : named) {
            long id = blobs.id(hash);
            if (id == 0) {
                throw new IOException("the checkpoint's copy " + hash + " is not in the checkpoint store: the list " + name + " cannot name it");
            }
            ids[n++] = id;
        }
        blobs.putVersion(name, RUN, JSON.writeValueAsBytes(index), ids);
    }

    private static ObjectNode states(Map<String, FileState> states) {
        ObjectNode out = JSON.createObjectNode();
        states.forEach((path, st) -> {
            ObjectNode f = out.putObject(path);
            f.put("hash", st.hash()).put("size", st.size()).put("modifiedNanos", st.modifiedNanos());
        });
        return out;
    }

    private static Map<String, FileState> states(JsonNode node) {
        Map<String, FileState> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode f = e.getValue();
            out.put(e.getKey(), f.hasNonNull("hash")
                    ? new FileState(f.get("hash").asText(), f.path("size").asLong(), f.path("modifiedNanos").asLong(), null)
                    : FileState.ABSENT);
        }
        return Collections.unmodifiableMap(out);
    }

    private static ArrayNode messages(List<Message> conversation) {
        ArrayNode out = JSON.createArrayNode();
        for (Message m : conversation) {
            ObjectNode o = out.addObject().put("role", m.role()).put("content", m.content()).put("toolCallId", m.toolCallId());
            if (m.toolCalls() != null) {
                ArrayNode calls = o.putArray("toolCalls");
                for (ToolCall c : m.toolCalls()) {
                    calls.addObject().put("id", c.id()).put("name", c.name()).set("arguments", c.arguments());
                }
            }
        }
        return out;
    }

    private static List<Message> messages(JsonNode array) {
        List<Message> out = new ArrayList<>();
        for (JsonNode o : array) {
            List<ToolCall> calls = null;
            if (o.has("toolCalls")) {
                calls = new ArrayList<>();
                for (JsonNode c : o.get("toolCalls")) {
                    calls.add(new ToolCall(text(c, "id"), text(c, "name"), c.hasNonNull("arguments") ? c.get("arguments") : null));
                }
            }
            out.add(new Message(text(o, "role"), text(o, "content"), calls, text(o, "toolCallId")));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.get(field).asText() : null;
    }
}
