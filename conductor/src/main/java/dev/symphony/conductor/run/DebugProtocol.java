package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The step debugger from outside the process: one JSON object per command, one JSON object per reply
 * ({@code "ok": true} plus what was asked, or {@code "ok": false} and an {@code "error"}). {@code symphony run
 * --break NODE…} reads commands from stdin; the Harmony Board will send the same objects. Commands:
 * <pre>
 * {"cmd":"wait","node":N[,"timeoutMs":T]}  wait until N is held              → {"held":true|false}
 * {"cmd":"held"}                            the held nodes and their inputs   → {"held":{N:input,…}}
 * {"cmd":"output","node":N}                 a finished node's output          → {"output":…}
 * {"cmd":"editInput","node":N,"input":V}    what held call node N will get
 * {"cmd":"editOutput","node":N,"output":V}  what later nodes read of finished N
 * {"cmd":"step","node":N}                   let held N start once (later breakpoints still hold)
 * {"cmd":"break","nodes":[N…]}              more breakpoints; {"cmd":"breakAll"} pauses before every node
 * {"cmd":"continue"}                        clear every breakpoint and run on
 * </pre>
 * End of input continues the run, so it never waits for a driver that is gone.
 */
public final class DebugProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StepDebugger debugger;

    public DebugProtocol(StepDebugger debugger) {
        this.debugger = debugger;
    }

    /** Answers one command. */
    public ObjectNode handle(JsonNode c) throws InterruptedException {
        try {
            return answer(c);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private ObjectNode answer(JsonNode c) throws InterruptedException {
        ObjectNode r = JSON.createObjectNode();
        String node = c.path("node").asText(null);
        String cmd = c.path("cmd").asText("");
        switch (cmd) {
            case "wait" -> r.put("held", debugger.awaitHeld(need(node, cmd), c.path("timeoutMs").asLong(30_000)));
            case "held" -> r.set("held", JSON.valueToTree(debugger.held()));
            case "output" -> {
                JsonNode out = debugger.output(need(node, cmd));
                if (out == null) {
                    return error("node '" + node + "' has not finished");
                }
                r.set("output", out);
            }
            case "editInput" -> {
                if (!debugger.editInput(need(node, cmd), c.path("input"))) {
                    return error("node '" + node + "' is not held: only a paused node's input can be changed");
                }
            }
            case "editOutput" -> {
                if (!debugger.editOutput(need(node, cmd), c.path("output"))) {
                    return error("node '" + node + "' has not finished: only a finished node's output can be changed");
                }
            }
            case "step" -> debugger.step(need(node, cmd));
            case "break" -> c.path("nodes").forEach(n -> debugger.breakBefore(n.asText()));
            case "breakAll" -> debugger.breakAll();
            case "continue" -> debugger.continueAll();
            default -> {
                return error("unknown command '" + cmd + "': wait, held, output, editInput, editOutput, step, break, breakAll, continue");
            }
        }
        return r.put("ok", true);
    }

    /** Reads commands (one JSON object a line) until the end of {@code in}, then continues the run. */
    public void serve(BufferedReader in, Consumer<String> replies) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode reply;
                try {
                    reply = handle(JSON.readTree(line));
                } catch (IOException e) {
                    reply = error("not a command (" + e.getMessage().lines().findFirst().orElse("") + "): " + line);
                }
                replies.accept(reply.toString());
            }
        } catch (IOException e) {
            replies.accept(error("cannot read commands: " + e.getMessage()).toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            debugger.continueAll();
        }
    }

    private static String need(String node, String cmd) {
        if (node == null) {
            throw new IllegalArgumentException(cmd + " needs \"node\"");
        }
        return node;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("ok", false).put("error", message);
    }
}
