package dev.symphony.approvals.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.PolicyException;
import dev.symphony.approvals.policy.Verdict;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code symphony policy check [--policy FILE] [--workspace DIR] 'COMMAND'} and
 * {@code symphony policy check --tool TOOL [PATH]}: one JSON line with the decision, the parts found and the
 * rule that decided each. Exit 0 whenever a decision was printed (allow, ask or deny alike), 2 for bad usage or
 * an invalid policy file (the message names its file and line).
 */
public final class PolicyCommand {
    static final String USAGE = String.join("\n",
            "usage: symphony policy check [--policy FILE] [--workspace DIR] 'COMMAND'",
            "       symphony policy check [--policy FILE] [--workspace DIR] --tool TOOL [PATH]",
            "",
            "  Judges COMMAND (one shell command line, quoted as one argument) or a tool call by the approval policy:",
            "  the shipped default, the user's policy.json in Symphony's config folder (or FILE with --policy) and",
            "  DIR/.symphony/policy.json (DIR: the workspace, default the current folder), with DIR/.symphony/agentignore.",
            "  stdout: one JSON line {\"decision\": \"allow\"|\"ask\"|\"deny\", \"command\", \"parts\": [{\"text\", \"words\", \"via\",",
            "  \"wrapper\", \"decision\", \"rule\", \"reasons\"}], \"parseError\" (when it did not parse), \"policies\"}.",
            "exit status: 0 a decision was printed, 2 bad usage or an invalid policy file");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyCommand() {
    }

    /** {@code configDir}: Symphony's config folder, where the user's {@code policy.json} lives. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path configDir) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            (rest.isEmpty() ? err : out).println(USAGE);
            return rest.isEmpty() ? 2 : 0;
        }
        if (!rest.remove(0).equals("check")) {
            return usage(err, "unknown policy subcommand: " + args[0]);
        }
        Path policyFile = null;
        Path workspace = Path.of("").toAbsolutePath();
        String tool = null;
        while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
            String option = rest.remove(0);
            if (rest.isEmpty()) {
                return usage(err, option + " needs a value");
            }
            switch (option) {
                case "--policy" -> policyFile = Path.of(rest.remove(0));
                case "--workspace" -> workspace = Path.of(rest.remove(0)).toAbsolutePath();
                case "--tool" -> tool = rest.remove(0);
                default -> {
                    return usage(err, "unknown option " + option);
                }
            }
        }
        if (tool == null ? rest.size() != 1 : rest.size() > 1) {
            return usage(err, tool == null ? "give the command as one argument (quote it)" : "--tool takes TOOL and at most one PATH");
        }
        if (policyFile != null && !Files.isRegularFile(policyFile)) {
            return usage(err, "no policy file at " + policyFile);
        }
        if (!Files.isDirectory(workspace)) {
            return usage(err, "the workspace is not a folder: " + workspace);
        }
        ApprovalPolicy policy;
        try {
            policy = policyFile == null ? ApprovalPolicy.load(configDir, workspace)
                    : ApprovalPolicy.loadWithUserFile(policyFile, workspace);
        } catch (PolicyException e) {
            err.println("policy: invalid policy: " + e.getMessage());
            return 2;
        }
        Verdict verdict = tool == null ? policy.check(rest.get(0)) : policy.checkTool(tool, rest.isEmpty() ? null : rest.get(0));
        out.println(JSON.writeValueAsString(toJson(verdict, policy.sources())));
        return 0;
    }

    static ObjectNode toJson(Verdict verdict, List<String> sources) {
        ObjectNode root = JSON.createObjectNode();
        root.put("decision", verdict.decision().word());
        root.put("command", verdict.subject());
        ArrayNode parts = root.putArray("parts");
        for (Verdict.PartVerdict p : verdict.parts()) {
            ObjectNode part = parts.addObject();
            part.put("text", p.text());
            p.words().forEach(part.putArray("words")::add);
            p.via().forEach(part.putArray("via")::add);
            part.put("wrapper", p.wrapper());
            part.put("decision", p.decision().word());
            part.put("rule", p.rule());
            p.reasons().forEach(part.putArray("reasons")::add);
        }
        if (verdict.parseError() != null) {
            root.put("parseError", verdict.parseError());
        }
        sources.forEach(root.putArray("policies")::add);
        return root;
    }

    private static int usage(PrintStream err, String message) {
        err.println("policy: " + message);
        err.println(USAGE);
        return 2;
    }
}
