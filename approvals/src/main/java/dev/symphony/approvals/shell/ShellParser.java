package dev.symphony.approvals.shell;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterBash;

/**
 * Parses a command line with tree-sitter's bash grammar (bonede's JNI binding, natives bundled in its jars;
 * see the module README for why this parser) and splits it into {@link CommandPart}s.
 * Thread-safe: each call uses a parser of its own (tree-sitter parsers are single-threaded and cheap to make).
 *
 * <p>Anything the grammar marks as an error or a missing token (an unterminated quote, substitution or
 * here-document, a dangling {@code |}) is a parse failure; so is a line continuation inside a word, which
 * tree-sitter splits into two words where bash joins them.
 */
public final class ShellParser {
    /** How deep {@code bash -c 'bash -c …'} is followed before the part asks instead. */
    static final int MAX_DEPTH = 6;
    private static final TreeSitterBash BASH = new TreeSitterBash();

    private ShellParser() {
    }

    public static ShellScript parse(String command) {
        ShellWalker walker = new ShellWalker();
        String error = parseInto(command, List.of(), 0, walker);
        return error == null ? new ShellScript(command, walker.parts(), null) : new ShellScript(command, List.of(), error);
    }

    /** Parses {@code command} and adds its parts to {@code walker}; the parse error, or null. */
    static String parseInto(String command, List<String> via, int depth, ShellWalker walker) {
        if (command.indexOf('\0') >= 0) {
            return "the command contains a NUL character";
        }
        String continuation = continuationInsideWord(command);
        if (continuation != null) {
            return continuation;
        }
        byte[] utf8 = command.getBytes(StandardCharsets.UTF_8);
        try (TSParser parser = new TSParser()) {
            parser.setLanguage(BASH);
            try (TSTree tree = parser.parseString(null, command)) {
                TSNode root = tree.getRootNode();
                if (root.hasError()) {
                    return describeError(root, utf8);
                }
                walker.walk(root, new Source(utf8), via, depth);
                return null;
            }
        }
    }

    private static String continuationInsideWord(String s) {
        for (int i = s.indexOf("\\\n"); i >= 0; i = s.indexOf("\\\n", i + 2)) {
            boolean spaceBefore = i == 0 || Character.isWhitespace(s.charAt(i - 1));
            boolean spaceAfter = i + 2 >= s.length() || Character.isWhitespace(s.charAt(i + 2));
            if (!spaceBefore && !spaceAfter) {
                return "a line continuation (backslash-newline) inside a word at offset " + i;
            }
        }
        return null;
    }

    private static String describeError(TSNode node, byte[] utf8) {
        TSNode bad = firstError(node);
        if (bad == null) {
            return "the shell grammar could not parse the command";
        }
        int at = new String(utf8, 0, Math.min(bad.getStartByte(), utf8.length), StandardCharsets.UTF_8).length();
        return bad.isMissing()
                ? "incomplete command: missing " + bad.getType() + " at offset " + at
                : "the shell grammar could not parse the command at offset " + at
                        + " (an unterminated quote, substitution or here-document, or a stray operator)";
    }

    private static TSNode firstError(TSNode node) {
        if (node.isError() || node.isMissing()) {
            return node;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            TSNode child = node.getChild(i);
            if (child.hasError() || child.isMissing()) {
                TSNode found = firstError(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The command's UTF-8 bytes, which tree-sitter's offsets index. */
    record Source(byte[] utf8) {
        String text(TSNode node) {
            return new String(utf8, node.getStartByte(), node.getEndByte() - node.getStartByte(), StandardCharsets.UTF_8);
        }
    }
}
