package dev.symphony.approvals.shell;

import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * A bash word's static value (quote removal only). Whatever only the running shell knows — a variable, a
 * command or process substitution, arithmetic, ANSI-C or brace expansion — becomes a concern; the commands
 * inside a substitution are parts of their own (so {@code echo $(rm -rf /)} is seen as {@code rm}).
 */
final class Words {
    /** Unquoted text bash would brace-expand: {@code {a,b}} or {@code {1..3}}. */
    private static final java.util.regex.Pattern BRACES = java.util.regex.Pattern.compile("(?s).*\\{.*(,|\\.\\.).*}.*");
    private Words() {
    }

    static Word read(TSNode node, ShellWalker walker, List<String> via, int depth) {
        List<String> concerns = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        append(node, walker, via, depth, value, concerns);
        return new Word(value.toString(), concerns);
    }

    private static void append(TSNode node, ShellWalker walker, List<String> via, int depth, StringBuilder value,
                               List<String> concerns) {
        String text = walker.source().text(node);
        switch (node.getType()) {
            case "word", "number", "variable_name", "extglob_pattern", "regex" -> {
                if (text.indexOf('$') >= 0 || text.indexOf('`') >= 0) {
                    concerns.add("a word the grammar did not split: " + text);
                }
                if (BRACES.matcher(text).matches()) {
                    concerns.add("brace expansion: " + text);
                }
                value.append(unescapeUnquoted(text));
            }
            case "raw_string" -> value.append(text, 1, text.length() - 1);
            case "string", "translated_string" -> {
                boolean expands = false;
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    TSNode child = node.getNamedChild(i);
                    if (!child.getType().equals("string_content")) {
                        expands = true;
                        append(child, walker, via, depth, new StringBuilder(), concerns);
                    }
                }
                String quoted = text.startsWith("$") ? text.substring(1) : text;
                String inner = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : "";
                value.append(expands ? inner : unescapeDoubleQuoted(inner));
            }
            case "concatenation" -> {
                // "{a,b}" arrives as the words "{", "a,b", "}": brace expansion needs its braces and commas unquoted
                StringBuilder unquoted = new StringBuilder();
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    TSNode child = node.getNamedChild(i);
                    append(child, walker, via, depth, value, concerns);
                    unquoted.append(child.getType().equals("word") ? walker.source().text(child) : "q");
                }
                if (BRACES.matcher(unquoted).matches() && concerns.stream().noneMatch(c -> c.startsWith("brace"))) {
                    concerns.add("brace expansion: " + text);
                }
            }
            case "simple_expansion", "expansion", "arithmetic_expansion", "command_substitution", "process_substitution" -> {
                String type = node.getType();
                concerns.add(switch (type) {
                    case "arithmetic_expansion" -> "arithmetic expansion: ";
                    case "command_substitution" -> "command substitution: ";
                    case "process_substitution" -> "process substitution: ";
                    default -> "variable expansion: ";
                } + text);
                value.append(text);
                if (type.endsWith("_substitution")) {
                    substitution(node, walker, via, depth, type.startsWith("command") ? "$(…)" : text.startsWith(">") ? ">(…)" : "<(…)");
                } else {
                    nestedCommands(node, walker, via, depth);
                }
            }
            case "ansi_c_string" -> {
                concerns.add("ANSI-C quoting, read only by the shell: " + text);
                value.append(text);
            }
            case "brace_expression" -> {
                concerns.add("brace expansion: " + text);
                value.append(text);
            }
            default -> {
                concerns.add("a word the policy does not read: " + node.getType() + " " + text);
                value.append(text);
                nestedCommands(node, walker, via, depth);
            }
        }
    }

    private static void substitution(TSNode node, ShellWalker walker, List<String> via, int depth, String label) {
        List<String> inner = new ArrayList<>(via);
        inner.add(label);
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            walker.visit(node.getNamedChild(i), inner, depth);
        }
    }

    private static void nestedCommands(TSNode node, ShellWalker walker, List<String> via, int depth) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            switch (child.getType()) {
                case "command_substitution", "process_substitution" -> append(child, walker, via, depth, new StringBuilder(), new ArrayList<>());
                default -> nestedCommands(child, walker, via, depth);
            }
        }
    }

    /** Bash's quote removal outside quotes: a backslash keeps the next character; backslash-newline vanishes. */
    static String unescapeUnquoted(String text) {
        return unescape(text, null);
    }

    /** Inside double quotes a backslash escapes only {@code $ ` " \} and newline. */
    static String unescapeDoubleQuoted(String text) {
        return unescape(text, "$`\"\\\n");
    }

    /** Removes the backslashes that escape a character of {@code escapable} (any character when null). */
    private static String unescape(String text, String escapable) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (escapable == null || escapable.indexOf(text.charAt(i + 1)) >= 0)) {
                char next = text.charAt(++i);
                if (next != '\n') {
                    out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
