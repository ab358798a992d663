package dev.symphony.packaging;

import java.io.PrintStream;

/** One {@code symphony NAME} subcommand: its one-line summary and the module code that runs it. */
record Subcommand(String name, String usage, String summary, Runner runner) {
    /** The signature every module's command entry point has. */
    @FunctionalInterface
    interface Runner {
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }
}
