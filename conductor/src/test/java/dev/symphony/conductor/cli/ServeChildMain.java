package dev.symphony.conductor.cli;

/**
 * The child JVM of {@link ServeProcessTest} and {@link ServeReclaimTest}: {@code symphony serve} with the in-process
 * test Operators and {@code test.ops/mark} ({@link ResumeChildMain#withMark}).
 */
public final class ServeChildMain {
    public static void main(String[] args) {
        System.exit(ServeCommand.run(args, System.out, System.err, ResumeChildMain::withMark));
    }
}
