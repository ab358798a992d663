package dev.symphony.approvals.shell;

import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Redirections: a write into a file is a concern (only {@code /dev/null} and duplicating a descriptor, such as
 * {@code 2>&1}, are not); an input redirection from a file records the file as read, so the policy's path
 * checks see it; here-documents and here-strings with expansions are concerns, and commands written after a
 * here-document's start ({@code cat <<EOF | sh}) are parts like any other.
 */
final class Redirects {
    private static final Set<String> DUPLICATE = Set.of(">&", "<&", ">&-", "<&-");
    private static final Set<String> INPUT = Set.of("<");

    private Redirects() {
    }

    static void read(TSNode node, ShellWalker walker, List<String> via, int depth, List<String> concerns, List<String> reads) {
        String text = walker.source().text(node);
        switch (node.getType()) {
            case "file_redirect" -> file(node, walker, via, depth, concerns, reads, text);
            case "herestring_redirect" -> {
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    concerns.addAll(Words.read(node.getNamedChild(i), walker, via, depth).concerns());
                }
            }
            case "heredoc_redirect" -> heredoc(node, walker, via, depth, concerns, reads);
            default -> concerns.add("a redirection the policy does not read: " + text);
        }
    }

    private static void file(TSNode node, ShellWalker walker, List<String> via, int depth, List<String> concerns,
                             List<String> reads, String text) {
        String operator = null;
        TSNode destination = null;
        for (int i = 0; i < node.getChildCount(); i++) {
            TSNode child = node.getChild(i);
            if (!child.isNamed()) {
                operator = operator == null ? walker.source().text(child) : operator + walker.source().text(child);
            } else if (!child.getType().equals("file_descriptor")) {
                destination = child;
            }
        }
        if (destination == null) {
            if (operator == null || !operator.endsWith("-")) {
                concerns.add("a redirection the policy does not read: " + text);
            }
            return;
        }
        Word target = Words.read(destination, walker, via, depth);
        if (!target.concerns().isEmpty()) {
            concerns.add("a redirection to a target known only when it runs: " + text);
            concerns.addAll(target.concerns());
            return;
        }
        String name = target.value();
        boolean descriptor = name.equals("-") || name.chars().allMatch(Character::isDigit) && !name.isEmpty();
        if (DUPLICATE.contains(operator) && descriptor) {
            return;
        }
        if (INPUT.contains(operator)) {
            reads.add(name);
        } else if (!name.equals("/dev/null")) {
            concerns.add("redirection into a file: " + text);
        }
    }

    private static void heredoc(TSNode node, ShellWalker walker, List<String> via, int depth, List<String> concerns,
                                List<String> reads) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            switch (child.getType()) {
                case "heredoc_start", "heredoc_end", "heredoc_content" -> {
                }
                case "heredoc_body" -> {
                    for (int j = 0; j < child.getNamedChildCount(); j++) {
                        TSNode piece = child.getNamedChild(j);
                        if (!piece.getType().equals("heredoc_content")) {
                            concerns.addAll(Words.read(piece, walker, via, depth).concerns());
                        }
                    }
                }
                case "file_redirect", "herestring_redirect", "heredoc_redirect" ->
                        read(child, walker, via, depth, concerns, reads);
                default -> walker.visit(child, via, depth);
            }
        }
    }
}
