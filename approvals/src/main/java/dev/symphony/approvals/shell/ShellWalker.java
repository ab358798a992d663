package dev.symphony.approvals.shell;

import dev.symphony.approvals.shell.ShellParser.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Walks a bash syntax tree and collects its simple commands. Lists, pipelines, subshells, blocks, conditionals
 * and loops are only structure: their commands are parts of their own. Every other construct (an assignment, a
 * function definition, a test, an arithmetic command) becomes a part without words, which no rule matches, so
 * it asks; commands inside it are still collected, so a denied one is seen.
 */
final class ShellWalker {
    private static final Set<String> STRUCTURE = Set.of("program", "list", "pipeline", "subshell", "compound_statement",
            "do_group", "negated_command", "if_statement", "elif_clause", "else_clause", "while_statement",
            "for_statement", "case_statement", "case_item");
    /** Word-like children of structure ({@code for x in WORDS}, {@code case WORD in}): scanned, not run. */
    private static final Set<String> WORDS = Set.of("word", "string", "raw_string", "concatenation", "number",
            "simple_expansion", "expansion", "command_substitution", "process_substitution", "arithmetic_expansion",
            "ansi_c_string", "translated_string", "brace_expression", "variable_name", "extglob_pattern", "regex");

    private final List<CommandPart> parts = new ArrayList<>();
    private Source source;

    List<CommandPart> parts() {
        return parts;
    }

    void add(CommandPart part) {
        parts.add(part);
    }

    void walk(TSNode node, Source src, List<String> via, int depth) {
        Source outer = source;
        source = src;
        try {
            visit(node, via, depth);
        } finally {
            source = outer;
        }
    }

    Source source() {
        return source;
    }

    void visit(TSNode node, List<String> via, int depth) {
        String type = node.getType();
        if (!node.isNamed() || type.equals("comment")) {
            return;
        }
        switch (type) {
            case "command" -> command(node, List.of(), via, depth);
            case "redirected_statement" -> redirected(node, via, depth);
            default -> {
                if (STRUCTURE.contains(type)) {
                    for (int i = 0; i < node.getNamedChildCount(); i++) {
                        TSNode child = node.getNamedChild(i);
                        if (WORDS.contains(child.getType())) {
                            Word word = Words.read(child, this, via, depth);
                            if (!word.concerns().isEmpty()) {
                                add(construct(child, word.concerns(), via));
                            }
                        } else {
                            visit(child, via, depth);
                        }
                    }
                } else {
                    add(construct(node, List.of("a shell construct the policy does not judge: " + type), via));
                    nested(node, via, depth);
                }
            }
        }
    }

    /** Collects the commands inside a construct (substitutions in an assignment, a function's body). */
    private void nested(TSNode node, List<String> via, int depth) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            switch (child.getType()) {
                case "command", "redirected_statement", "list", "pipeline", "subshell", "compound_statement" ->
                        visit(child, via, depth);
                default -> {
                    if (WORDS.contains(child.getType())) {
                        Words.read(child, this, via, depth);
                    } else {
                        nested(child, via, depth);
                    }
                }
            }
        }
    }

    private void redirected(TSNode node, List<String> via, int depth) {
        List<String> concerns = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        TSNode body = null;
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            if ("body".equals(node.getFieldNameForNamedChild(i))) {
                body = child;
            } else {
                Redirects.read(child, this, via, depth, concerns, reads);
            }
        }
        if (body != null && body.getType().equals("command")) {
            CommandPart extra = new CommandPart(List.of(), "", concerns, via, false, reads);
            command(body, List.of(extra), via, depth);
        } else {
            if (body != null) {
                visit(body, via, depth);
            }
            if (!concerns.isEmpty() || !reads.isEmpty()) {
                List<String> all = new ArrayList<>(concerns);
                reads.forEach(r -> all.add("a block reads " + r + " through a redirection"));
                add(construct(node, all, via));
            }
        }
    }

    private void command(TSNode node, List<CommandPart> fromRedirects, List<String> via, int depth) {
        List<String> words = new ArrayList<>();
        List<String> concerns = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        for (CommandPart extra : fromRedirects) {
            concerns.addAll(extra.concerns());
            reads.addAll(extra.reads());
        }
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            String field = node.getFieldNameForNamedChild(i);
            String type = child.getType();
            if (type.equals("variable_assignment")) {
                concerns.add("sets a variable for the command: " + source.text(child));
                nested(child, via, depth);
            } else if ("redirect".equals(field) || type.endsWith("_redirect")) {
                Redirects.read(child, this, via, depth, concerns, reads);
            } else if (type.equals("command_name")) {
                words.add(word(child.getNamedChild(0), concerns, via, depth));
            } else if (type.equals("comment")) {
                continue;
            } else {
                words.add(word(child, concerns, via, depth));
            }
        }
        Wrappers.unwrap(new CommandPart(words, source.text(node), concerns, via, false, reads), this, depth);
    }

    private String word(TSNode node, List<String> concerns, List<String> via, int depth) {
        Word w = Words.read(node, this, via, depth);
        concerns.addAll(w.concerns());
        return w.value();
    }

    CommandPart construct(TSNode node, List<String> concerns, List<String> via) {
        return new CommandPart(List.of(), source.text(node), concerns, via, false, List.of());
    }
}
