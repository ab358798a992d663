package dev.symphony.approvals.shell;

import java.util.List;

/**
 * One simple command found in a script, as the policy judges it.
 *
 * @param words    the command's words after quote removal (program first); empty for a construct that is no
 *                 command (a function definition, an assignment, a redirection of a block)
 * @param text     the part's source text
 * @param concerns why this part must ask even if a rule allows it (a variable expansion, a write to a file,
 *                 an option that cannot be read statically); empty when none
 * @param via      the wrappers this part was found inside, outermost first ({@code bash -c}, {@code timeout},
 *                 {@code $(…)})
 * @param wrapper  true when this part is a wrapper's own words ({@code timeout 5}), whose inner command is a
 *                 part of its own
 * @param reads    files read through an input redirection ({@code < FILE})
 */
public record CommandPart(List<String> words, String text, List<String> concerns, List<String> via,
                          boolean wrapper, List<String> reads) {
    public CommandPart {
        words = List.copyOf(words);
        concerns = List.copyOf(concerns);
        via = List.copyOf(via);
        reads = List.copyOf(reads);
    }

    /** The program's name as written, or "" for a construct. */
    public String program() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** The words after the program. */
    public List<String> arguments() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }
}
