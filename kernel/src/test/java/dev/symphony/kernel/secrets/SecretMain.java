package dev.symphony.kernel.secrets;

import dev.symphony.kernel.cli.SecretCommand;

/** {@code symphony secret …} as its own process, for {@link SecretCommandTest}. */
public final class SecretMain {
    private SecretMain() {
    }

    public static void main(String[] args) {
        System.exit(SecretCommand.run(args, System.out, System.err));
    }
}
