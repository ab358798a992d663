package dev.symphony.kernel.secrets;

import dev.symphony.kernel.cli.SecretCommand;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.util.Optional;

/**
 * {@code symphony secret …} as its own process, for {@link SecretCommandTest}; and, for the tests only,
 * {@code --matches NAME}: whether the store's value of NAME equals {@code $EXPECTED_VALUE} ("same", "different",
 * "none"), so a test checks a value round trip without any process printing it.
 */
public final class SecretMain {
    private SecretMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--matches")) {
            Optional<String> value = SecretStores.open(SymphonyPaths.resolve(), Optional::empty).get(args[1]);
            System.out.println(value.map(v -> v.equals(System.getenv("EXPECTED_VALUE")) ? "same" : "different").orElse("none"));
            System.exit(0);
        }
        System.exit(SecretCommand.run(args, System.out, System.err));
    }
}
