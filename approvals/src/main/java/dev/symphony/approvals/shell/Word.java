package dev.symphony.approvals.shell;

import java.util.List;

/** A word's value after quote removal, and what in it cannot be known before it runs. */
record Word(String value, List<String> concerns) {
    Word {
        concerns = List.copyOf(concerns);
    }
}
