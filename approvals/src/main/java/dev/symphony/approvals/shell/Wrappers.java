package dev.symphony.approvals.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Commands that run another command: the wrapper's own words become a part marked {@code wrapper}, and the
 * command it runs is judged as a part of its own. {@code bash -c 'SCRIPT'} (and {@code sh}, {@code dash},
 * {@code zsh}, {@code ksh}) parses SCRIPT again. A wrapper whose options cannot be read, or whose inner command
 * is not written in the words ({@code bash -c "$X"}, {@code env -S}), is a concern: the part asks.
 */
final class Wrappers {
    private static final Set<String> SHELLS = Set.of("bash", "sh", "dash", "zsh", "ksh");

    private Wrappers() {
    }

    static void unwrap(CommandPart part, ShellWalker walker, int depth) {
        List<String> w = part.words();
        if (w.isEmpty()) {
            walker.add(part);
            return;
        }
        String program = w.get(0);
        Split split = switch (program) {
            case "env" -> env(w);
            case "timeout" -> options(w, Set.of("-s", "-k", "--signal", "--kill-after"),
                    Set.of("--preserve-status", "--foreground", "-v", "--verbose"), 1);
            case "nice" -> nice(w);
            case "nohup" -> options(w, Set.of(), Set.of(), 0);
            case "time" -> options(w, Set.of(), Set.of("-p"), 0);
            case "command" -> w.size() > 1 && (w.get(1).equals("-v") || w.get(1).equals("-V")) ? null
                    : options(w, Set.of(), Set.of("-p"), 0);
            case "exec" -> options(w, Set.of("-a"), Set.of("-c", "-l", "-cl", "-lc"), 0);
            case "stdbuf" -> options(w, Set.of("-i", "-o", "-e", "--input", "--output", "--error"), Set.of(), 0);
            case "xargs" -> xargs(w);
            case "sudo", "doas" -> options(w, Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "--user",
                    "--group", "--chdir", "--host", "--prompt"), Set.of("-E", "-H", "-n", "-P", "-S", "-k", "-b", "-i",
                    "-s", "--preserve-env", "--non-interactive", "--login", "--shell", "--stdin", "--background"), 0);
            default -> SHELLS.contains(program) ? shell(w) : null;
        };
        if (split == null || split.script == null && split.innerStart >= w.size() && !program.equals("xargs")
                && split.concerns.isEmpty()) {
            walker.add(part);
            return;
        }
        List<String> concerns = new ArrayList<>(part.concerns());
        concerns.addAll(split.concerns);
        if (program.equals("sudo") || program.equals("doas")) {
            concerns.add(program + " runs the command as another user");
        }
        if (program.equals("xargs")) {
            concerns.add("xargs adds arguments read from its input, which the policy cannot see");
        }
        List<String> own = w.subList(0, split.innerStart);
        walker.add(new CommandPart(own, part.text(), concerns, part.via(), true, part.reads()));
        List<String> via = new ArrayList<>(part.via());
        via.add(String.join(" ", own));
        if (split.script != null) {
            if (depth + 1 > ShellParser.MAX_DEPTH) {
                walker.add(new CommandPart(List.of(), split.script, List.of("shells nested deeper than "
                        + ShellParser.MAX_DEPTH), via, false, List.of()));
                return;
            }
            String error = ShellParser.parseInto(split.script, via, depth + 1, walker);
            if (error != null) {
                walker.add(new CommandPart(List.of(), split.script, List.of("the script of " + program + " -c does not parse: "
                        + error), via, false, List.of()));
            }
            return;
        }
        if (split.innerStart < w.size()) {
            List<String> inner = w.subList(split.innerStart, w.size());
            List<String> innerConcerns = new ArrayList<>(part.concerns());
            unwrap(new CommandPart(inner, String.join(" ", inner), innerConcerns, via, false, part.reads()), walker, depth);
        } else if (program.equals("xargs")) {
            walker.add(new CommandPart(List.of("echo"), "echo", List.of(), via, false, List.of()));
        }
    }

    /** Where the inner command starts, its script for a shell's {@code -c}, and what the wrapper's options raise. */
    private record Split(int innerStart, String script, List<String> concerns) {
    }

    /** Options (with {@code withValue} taking the next word unless written {@code --opt=V}), then {@code operands} words, then the command. */
    private static Split options(List<String> w, Set<String> withValue, Set<String> flags, int operands) {
        int i = 1;
        List<String> concerns = new ArrayList<>();
        while (i < w.size() && w.get(i).startsWith("-") && w.get(i).length() > 1) {
            String arg = w.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (withValue.contains(name)) {
                i += arg.contains("=") ? 1 : 2;
            } else if (!arg.startsWith("--") && arg.length() > 2 && withValue.contains(arg.substring(0, 2))) {
                i++; // a short option with its value attached: -oL, -n5
            } else if (flags.contains(arg)) {
                i++;
            } else {
                concerns.add(w.get(0) + ": an option the policy does not know: " + arg);
                return new Split(w.size(), null, concerns);
            }
        }
        i += operands;
        return new Split(Math.min(i, w.size()), null, concerns);
    }

    private static Split env(List<String> w) {
        int i = 1;
        List<String> concerns = new ArrayList<>();
        while (i < w.size()) {
            String arg = w.get(i);
            if (arg.equals("-i") || arg.equals("--ignore-environment") || arg.equals("-0") || arg.equals("--null")
                    || arg.equals("-") || arg.equals("-v")) {
                i++;
            } else if (arg.equals("-u") || arg.equals("--unset")) {
                i += 2;
            } else if (arg.startsWith("--unset=")) {
                i++;
            } else if (arg.equals("--")) {
                i++;
                break;
            } else if (arg.startsWith("-")) {
                concerns.add("env: an option the policy does not follow: " + arg);
                return new Split(w.size(), null, concerns);
            } else if (arg.indexOf('=') > 0) {
                concerns.add("env sets a variable for the command: " + arg);
                i++;
            } else {
                break;
            }
        }
        return i >= w.size() && concerns.isEmpty() && i == 1 ? null : new Split(Math.min(i, w.size()), null, concerns);
    }

    private static Split nice(List<String> w) {
        int i = 1;
        if (i < w.size() && (w.get(i).equals("-n") || w.get(i).equals("--adjustment"))) {
            i += 2;
        } else if (i < w.size() && (w.get(i).startsWith("--adjustment=") || w.get(i).matches("-[-+]?\\d+"))) {
            i++;
        }
        return new Split(Math.min(i, w.size()), null, List.of());
    }

    private static Split xargs(List<String> w) {
        return options(w, Set.of("-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P",
                "--max-procs", "-s", "--max-chars", "--max-lines", "--replace", "--eof", "--process-slot-var"),
                Set.of("-0", "--null", "-o", "--open-tty", "-p", "--interactive", "-r", "--no-run-if-empty", "-t",
                        "--verbose", "-x", "--exit", "-i", "-l", "-e"), 0);
    }

    /** {@code bash [options] -c SCRIPT [NAME [ARGS…]]}; a shell reading a file or its input is not unwrapped. */
    private static Split shell(List<String> w) {
        int i = 1;
        boolean command = false;
        List<String> concerns = new ArrayList<>();
        while (i < w.size() && (w.get(i).startsWith("-") || w.get(i).startsWith("+")) && w.get(i).length() > 1) {
            String arg = w.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.equals("-o") || arg.equals("+o") || arg.equals("-O") || arg.equals("+O")) {
                i += 2;
                continue;
            }
            if (!arg.startsWith("--") && arg.indexOf('c') > 0) {
                command = true;
            } else if (!arg.startsWith("--") && !arg.substring(1).chars().allMatch(c -> "eilnsuvxfhkmpBEHPT".indexOf(c) >= 0)) {
                concerns.add(w.get(0) + ": an option the policy does not know: " + arg);
            } else if (arg.startsWith("--") && !Set.of("--norc", "--noprofile", "--login", "--posix", "--noediting").contains(arg)) {
                concerns.add(w.get(0) + ": an option the policy does not know: " + arg);
            }
            i++;
        }
        if (!command || i >= w.size()) {
            return null;
        }
        if (i + 1 < w.size()) {
            concerns.add(w.get(0) + " -c is given positional arguments, which its script may run: "
                    + String.join(" ", w.subList(i + 1, w.size())));
        }
        return new Split(i, w.get(i), concerns);
    }
}
