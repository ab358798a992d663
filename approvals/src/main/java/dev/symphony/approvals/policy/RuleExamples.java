package dev.symphony.approvals.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.approvals.shell.CommandPart;
import dev.symphony.approvals.shell.ShellParser;
import dev.symphony.approvals.shell.ShellScript;
import java.util.Iterator;
import java.util.List;

/**
 * A rule's examples, checked when its file loads: every {@code match} example must be matched by the rule and
 * no {@code noMatch} example may be. A command example is a command line (the rule must match one of its parts);
 * a tool example is {@code TOOL} or {@code TOOL PATH}.
 */
final class RuleExamples {
    private RuleExamples() {
    }

    static void check(Rule rule, JsonNode examples) throws PolicyException {
        String where = rule.where();
        if (examples == null || !examples.isObject()) {
            throw new PolicyException(where + ": the rule needs \"examples\": {\"match\": [...], \"noMatch\": [...]}, "
                    + "each with at least one entry");
        }
        for (Iterator<String> names = examples.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("match") && !name.equals("noMatch")) {
                throw new PolicyException(where + ": unknown field \"examples." + name + "\" (expected match, noMatch)");
            }
        }
        List<String> match = RuleParser.strings(examples.get("match"), "examples.match", where);
        List<String> noMatch = RuleParser.strings(examples.get("noMatch"), "examples.noMatch", where);
        if (match.isEmpty() || noMatch.isEmpty()) {
            throw new PolicyException(where + ": \"examples\" needs at least one \"match\" and one \"noMatch\" entry");
        }
        for (String example : match) {
            if (!matches(rule, example, where)) {
                throw new PolicyException(where + ": contradicts its own example: \"" + example + "\" must match, but does not");
            }
        }
        for (String example : noMatch) {
            if (matches(rule, example, where)) {
                throw new PolicyException(where + ": contradicts its own example: \"" + example + "\" must not match, but does");
            }
        }
    }

    private static boolean matches(Rule rule, String example, String where) throws PolicyException {
        if (!rule.forCommands()) {
            int space = example.indexOf(' ');
            return space < 0 ? rule.matchesTool(example, null)
                    : rule.matchesTool(example.substring(0, space), example.substring(space + 1));
        }
        ShellScript script = ShellParser.parse(example);
        if (!script.parsed()) {
            throw new PolicyException(where + ": the example \"" + example + "\" is not a command: " + script.parseError());
        }
        for (CommandPart part : script.parts()) {
            if (rule.matches(part)) {
                return true;
            }
        }
        return false;
    }
}
