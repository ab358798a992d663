package dev.symphony.approvals;

import java.util.Locale;

/** What the policy says about a command, a part of one, or a tool call. Ordered: a stricter one wins. */
public enum Decision {
    ALLOW, ASK, DENY;

    /** The stricter of the two. */
    public Decision max(Decision other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The spelling in policy files and JSON output: {@code allow}, {@code ask}, {@code deny}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision spelled {@code word}, or null when it is none of the three. */
    public static Decision ofWord(String word) {
        for (Decision d : values()) {
            if (d.word().equals(word)) {
                return d;
            }
        }
        return null;
    }
}
