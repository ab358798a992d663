package dev.symphony.approvals.policy;

import dev.symphony.approvals.Decision;
import dev.symphony.approvals.shell.CommandPart;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * One policy rule, for commands or for tools. A command rule matches a simple command whose program is one of
 * {@code programs} (for an allow rule exactly as written: {@code /bin/ls} is not {@code ls}; ask and deny rules
 * also match it by path) and whose arguments meet every
 * condition given; a tool rule matches a call of one of {@code tools} on a path that one of {@code paths}
 * matches (gitignore syntax; no paths: any call).
 */
public record Rule(String id, Decision decision, String file, int line, Set<String> programs, List<String> subcommands,
                   List<Pattern> anyArg, List<Pattern> noArg, List<Pattern> onlyArgs, Set<String> tools,
                   List<FastIgnoreRule> paths, String reason) {

    public boolean forCommands() {
        return !programs.isEmpty();
    }

    /** Where the rule is written and its name, as decisions report it: {@code policy.json:12 find-read-only}. */
    public String where() {
        return file + ":" + line + " " + id;
    }

    public boolean matches(CommandPart part) {
        if (!forCommands() || !matchesProgram(part.program())) {
            return false;
        }
        List<String> args = part.arguments();
        if (!subcommands.isEmpty()) {
            if (args.isEmpty() || !subcommands.contains(args.get(0))) {
                return false;
            }
            args = args.subList(1, args.size());
        }
        if (!anyArg.isEmpty() && args.stream().noneMatch(a -> ArgGlob.any(anyArg, a))) {
            return false;
        }
        if (args.stream().anyMatch(a -> ArgGlob.any(noArg, a))) {
            return false;
        }
        return onlyArgs.isEmpty() || args.stream().allMatch(a -> ArgGlob.any(onlyArgs, a));
    }

    /**
     * An allow rule names programs exactly as written; an ask or deny rule also catches them by path
     * ({@code /bin/rm}, {@code ./rm}), so spelling a program's path never escapes a stricter rule.
     */
    private boolean matchesProgram(String program) {
        if (programs.contains(program)) {
            return true;
        }
        int slash = program.lastIndexOf('/');
        return decision != Decision.ALLOW && slash >= 0 && programs.contains(program.substring(slash + 1));
    }

    /** {@code path} relative to the workspace with {@code /} separators, or null for a call on no path. */
    public boolean matchesTool(String tool, String path) {
        if (!tools.contains(tool)) {
            return false;
        }
        if (paths.isEmpty()) {
            return true;
        }
        if (path == null) {
            return false;
        }
        boolean matched = false;
        for (FastIgnoreRule p : paths) {
            if (p.isMatch(path, false, true)) {
                matched = !p.getNegation();
            }
        }
        return matched;
    }
}
