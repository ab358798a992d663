/**
 * The {@code fqg} command line: {@code generate}, {@code train}, {@code eval}. Each subcommand is a class
 * with {@code run(String[] args, PrintStream out, PrintStream err)}; {@link dev.symphony.conductor.fqg.cli.FqgCommand}
 * dispatches on the first argument. Exit codes: 0 ok, 1 the operation failed, 2 bad usage.
 */
package dev.symphony.conductor.fqg.cli;
