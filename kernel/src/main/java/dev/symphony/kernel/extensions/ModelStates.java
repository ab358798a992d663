package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.contract.protocol.ModelProtocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The kernel's record of every Instrument capability's model state: updated from the hosts' model events
 * (on the bus pump, so a query right after a warm-up's answer already sees WARM) and set to IDLE when a host
 * ends. Listeners and the on-disk copy ({@code <data>/models/<id>.json}, which {@code symphony ext list
 * --json} in another process reads) are served in order on one notifier thread, never on the bus pump.
 */
final class ModelStates implements AutoCloseable {
    /** Transitions kept per capability in the on-disk record (the latest ones). */
    static final int HISTORY = 8;
    private final Path dir;
    private final Map<String, ModelStatus> current = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> records = new ConcurrentHashMap<>();
    private final Listeners<ModelStatus> listeners = new Listeners<>("model-states",
            (status, e) -> System.err.println("symphony: a model-state listener failed: " + e));

    ModelStates(Path dir) {
        this.dir = dir;
    }

    ModelStatus get(String id, String capability) {
        return current.getOrDefault(id + "/" + capability, ModelStatus.idle(id, capability));
    }

    AutoCloseable listen(Consumer<ModelStatus> listener) {
        return listeners.add(listener);
    }

    /** A model event from {@code p}'s host. */
    void report(Player p, ModelProtocol.State s) {
        ModelState state = switch (s.state()) {
            case ModelProtocol.LOADING -> ModelState.LOADING;
            case ModelProtocol.WARM -> ModelState.WARM;
            default -> ModelState.FAILED;
        };
        change(p, new ModelStatus(p.id(), s.capability(), state, s.loadMs(), s.message(), System.currentTimeMillis()));
    }

    /** {@code p}'s host ended: whatever it had loaded is gone. */
    void hostGone(Player p, String why) {
        for (ModelStatus s : current.values()) {
            if (s.extensionId().equals(p.id()) && s.state() != ModelState.IDLE) {
                long lastLoad = s.state() == ModelState.WARM ? s.loadMs() : -1;
                change(p, new ModelStatus(p.id(), s.capability(), ModelState.IDLE, lastLoad, why, System.currentTimeMillis()));
            }
        }
    }

    private void change(Player p, ModelStatus status) {
        String snapshot;
        synchronized (this) {
            current.put(status.extensionId() + "/" + status.capability(), status);
            ObjectNode record = records.computeIfAbsent(p.id(), k -> PayloadCodec.json().createObjectNode());
            record.put("kernelPid", ProcessHandle.current().pid()).put("hostPid", p.hostPid());
            ObjectNode cap = record.withObjectProperty("capabilities").withObjectProperty(status.capability());
            ArrayNode transitions = cap.has("transitions") ? (ArrayNode) cap.get("transitions") : cap.putArray("transitions");
            cap.removeAll();
            cap.setAll(toJson(status));
            transitions.add(PayloadCodec.json().createObjectNode().put("state", status.state().name())
                    .put("at", status.atEpochMs()).put("loadMs", status.loadMs()));
            while (transitions.size() > HISTORY) {
                transitions.remove(0);
            }
            cap.set("transitions", transitions);
            snapshot = record.toString();
        }
        listeners.publish(() -> write(p.id(), snapshot), status);
    }

    static ObjectNode toJson(ModelStatus s) {
        ObjectNode n = PayloadCodec.json().createObjectNode().put("state", s.state().name()).put("loadMs", s.loadMs())
                .put("at", s.atEpochMs());
        if (s.message() != null) {
            n.put("message", s.message());
        }
        return n;
    }

    private void write(String id, String json) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(id + ".json.tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(id + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("symphony: cannot record the model state of " + id + ": " + e.getMessage());
        }
    }

    /**
     * The model state of {@code id}'s {@code capability} as the kernel that last ran its host recorded it (this
     * process or another: the IDE, a {@code symphony call}); a recorded non-IDLE state whose host process is
     * gone reads as IDLE. Empty when no kernel ever recorded one.
     */
    static Optional<ObjectNode> recorded(Path dir, String id, String capability) {
        JsonNode record;
        try {
            Path file = dir.resolve(id + ".json");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            record = PayloadCodec.json().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // being replaced right now, or damaged: nothing to show
        }
        JsonNode cap = record.path("capabilities").path(capability);
        if (!cap.isObject()) {
            return Optional.empty();
        }
        ObjectNode out = ((ObjectNode) cap).deepCopy();
        long hostPid = record.path("hostPid").asLong(-1);
        boolean alive = hostPid > 0 && ProcessHandle.of(hostPid).map(ProcessHandle::isAlive).orElse(false);
        out.put("hostPid", hostPid);
        if (!alive && !"IDLE".equals(out.path("state").asText())) {
            out.put("state", ModelState.IDLE.name()).put("message", "its host (pid " + hostPid + ") has ended");
        }
        return Optional.of(out);
    }

    @Override
    public void close() {
        listeners.close();
    }
}
