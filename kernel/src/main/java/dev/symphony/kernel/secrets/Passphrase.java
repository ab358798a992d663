package dev.symphony.kernel.secrets;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

/**
 * The passphrase that unlocks the encrypted secret file: {@value #ENV} for scripts and CI, else a prompt when
 * this process has a terminal (standard input and output both a console), else none — nothing ever prompts
 * when standard input is not a terminal.
 */
public final class Passphrase {
    public static final String ENV = "SYMPHONY_PASSPHRASE";

    private Passphrase() {
    }

    /** The passphrase from the environment, or from a terminal prompt, or empty. */
    public static Optional<char[]> obtain(String prompt) {
        return obtain(System.getenv(), System.console(), prompt);
    }

    /** From the environment only (the kernel of the IDE, which has no terminal to ask at). */
    public static Optional<char[]> fromEnvironment() {
        return obtain(System.getenv(), null, null);
    }

    static Optional<char[]> obtain(Map<String, String> env, Console console, String prompt) {
        String value = env.get(ENV);
        if (value != null && !value.isEmpty()) {
            return Optional.of(value.toCharArray());
        }
        if (console != null && prompt != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
        }
        return Optional.empty();
    }
}
