package dev.symphony.conductor.cli;

import dev.symphony.conductor.run.TestOperators;

/** The child JVM of {@link ServeProcessTest}: {@code symphony serve} with the in-process test Operators. */
public final class ServeChildMain {
    public static void main(String[] args) {
        System.exit(ServeCommand.run(args, System.out, System.err, TestOperators::new));
    }
}
