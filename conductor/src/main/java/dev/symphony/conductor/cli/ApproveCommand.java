package dev.symphony.conductor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.run.Approvals;
import dev.symphony.conductor.run.RunJournal;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code symphony approve RUN_ID NODE_ID --yes|--no [--by NAME] [--comment TEXT]}: answers what a paused run
 * waits for (an approval node, or a node that halted after failing: yes = retry it). The answer is stored with
 * who, when and what was asked; {@code symphony run --resume RUN_ID} then continues. Prints the answer as one
 * JSON line. Exit status: 0 recorded, 1 could not write it, 2 bad usage, unknown run, or nothing waiting there.
 */
public final class ApproveCommand {
    static final String USAGE = String.join("\n",
            "usage: symphony approve RUN_ID NODE_ID --yes|--no [--by NAME] [--comment TEXT]",
            "Answers an approval a paused run waits for; continue it with: symphony run --resume RUN_ID",
            "Exit status: 0 recorded, 1 could not write it, 2 bad usage, unknown run or nothing waiting at NODE_ID.");

    private ApproveCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length < 3) {
            return usage(err, "RUN_ID, NODE_ID and --yes or --no are required");
        }
        String runId = args[0];
        String node = args[1];
        Boolean approved = null;
        String by = System.getProperty("user.name", "user");
        String comment = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--yes", "-y" -> approved = approved == null ? Boolean.TRUE : null;
                case "--no" -> approved = approved == null ? Boolean.FALSE : null;
                case "--by", "--comment" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, args[i] + " needs a value");
                    }
                    if (args[i].equals("--by")) {
                        by = args[++i];
                    } else {
                        comment = args[++i];
                    }
                }
                default -> {
                    return usage(err, "unknown argument '" + args[i] + "'");
                }
            }
        }
        if (approved == null) {
            return usage(err, "give exactly one of --yes and --no");
        }
        try (RunJournal journal = RunJournal.open(SymphonyPaths.resolve().data("runs"), runId)) {
            Map<String, JsonNode> open = waiting(journal.events());
            JsonNode request = open.get(node);
            if (request == null) {
                err.println("symphony approve: run " + runId + " is not waiting for an answer at '" + node + "'"
                        + (open.isEmpty() ? "" : "; it waits at " + String.join(", ", open.keySet())));
                return 2;
            }
            Approvals approvals = new Approvals(journal.dir());
            String key = request.path("request").asText(node);
            Approvals.Answer answer = new Approvals.Answer(key, approved, by, Instant.now(),
                    request.path("prompt").asText(), null, comment);
            if (!approvals.record(answer)) {
                err.println("symphony approve: " + node + " in run " + runId + " was already answered; answers are not changed");
                return 2;
            }
            ObjectNode line = JsonNodeFactory.instance.objectNode().put("runId", runId).put("node", node)
                    .put("request", key).put("approved", approved).put("by", by).put("at", answer.at().toString());
            out.println(line);
            err.println("symphony approve: recorded; continue with: symphony run --resume " + runId);
            return 0;
        } catch (NoSuchFileException | IllegalArgumentException e) {
            err.println("symphony approve: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("symphony approve: " + e.getMessage());
            return 1;
        }
    }

    /** The open requests by node: approval.waiting events not yet followed by an answer for the same node. */
    static Map<String, JsonNode> waiting(List<JsonNode> events) {
        Map<String, JsonNode> open = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            String node = e.path("node").asText();
            if (type.equals("approval.waiting")) {
                open.put(node, e);
            } else if (type.equals("approval.answered") || type.equals("node.finished")) {
                open.remove(node);
            }
        }
        return open;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("symphony approve: " + problem);
        err.println(USAGE);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
