package dev.symphony.approvals.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.approvals.Decision;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/** One rule object of a policy file → a {@link Rule}; every field checked, unknown fields refused. */
final class RuleParser {
    private static final Set<String> FIELDS = Set.of("id", "decision", "reason", "command", "subcommands", "anyArg",
            "noArg", "onlyArgs", "tool", "paths", "examples");
    private static final Set<String> COMMAND_ONLY = Set.of("subcommands", "anyArg", "noArg", "onlyArgs");

    private RuleParser() {
    }

    static Rule parse(JsonNode node, String file, int line, PolicyReader.Level level) throws PolicyException {
        String at = file + ":" + line;
        if (!node.isObject()) {
            throw new PolicyException(at + ": a rule is an object with \"id\", \"decision\" and \"command\" or \"tool\"");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new PolicyException(at + ": the rule needs an \"id\" (a short name, unique in its file)");
        }
        String id = idNode.asText();
        String where = at + " rule \"" + id + "\"";
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new PolicyException(where + ": unknown field \"" + name + "\" (expected one of " + FIELDS + ")");
            }
        }
        Decision decision = PolicyReader.decision(node.get("decision"), where);
        if (level == PolicyReader.Level.WORKSPACE && decision == Decision.ALLOW) {
            throw new PolicyException(where + ": a workspace policy may only add \"ask\" and \"deny\" rules; "
                    + "allow rules belong in the user's policy");
        }
        Set<String> programs = names(node.get("command"), "command", where);
        Set<String> tools = names(node.get("tool"), "tool", where);
        if (programs.isEmpty() == tools.isEmpty()) {
            throw new PolicyException(where + ": give either \"command\" (program names) or \"tool\" (tool names), not both or neither");
        }
        if (!tools.isEmpty()) {
            for (String field : COMMAND_ONLY) {
                if (node.has(field)) {
                    throw new PolicyException(where + ": \"" + field + "\" applies to command rules only");
                }
            }
        } else if (node.has("paths")) {
            throw new PolicyException(where + ": \"paths\" applies to tool rules only");
        }
        JsonNode reason = node.get("reason");
        return new Rule(id, decision, file, line, programs, strings(node.get("subcommands"), "subcommands", where),
                globs(node.get("anyArg"), "anyArg", where), globs(node.get("noArg"), "noArg", where),
                globs(node.get("onlyArgs"), "onlyArgs", where), tools, paths(node.get("paths"), where),
                reason == null ? "" : reason.asText());
    }

    private static Set<String> names(JsonNode node, String field, String where) throws PolicyException {
        if (node == null) {
            return Set.of();
        }
        if (node.isTextual()) {
            return Set.of(nonBlank(node.asText(), field, where));
        }
        return new LinkedHashSet<>(strings(node, field, where));
    }

    static List<String> strings(JsonNode node, String field, String where) throws PolicyException {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new PolicyException(where + ": \"" + field + "\" must be a non-empty array of strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new PolicyException(where + ": \"" + field + "\" must hold strings only, found " + item);
            }
            out.add(nonBlank(item.asText(), field, where));
        }
        return out;
    }

    private static String nonBlank(String s, String field, String where) throws PolicyException {
        if (s.isBlank()) {
            throw new PolicyException(where + ": \"" + field + "\" holds an empty string");
        }
        return s;
    }

    private static List<Pattern> globs(JsonNode node, String field, String where) throws PolicyException {
        List<Pattern> out = new ArrayList<>();
        for (String s : strings(node, field, where)) {
            out.add(ArgGlob.compile(s));
        }
        return out;
    }

    private static List<FastIgnoreRule> paths(JsonNode node, String where) throws PolicyException {
        List<FastIgnoreRule> out = new ArrayList<>();
        for (String s : strings(node, "paths", where)) {
            try {
                out.add(new FastIgnoreRule(s));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(where + ": \"paths\" entry \"" + s + "\" is not a gitignore pattern: " + e.getMessage());
            }
        }
        return out;
    }
}
