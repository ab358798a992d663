/**
 * The headless Melody commands: {@link dev.symphony.conductor.cli.RunCommand} ({@code symphony run}) and
 * {@link dev.symphony.conductor.cli.ApproveCommand} ({@code symphony approve}), each with
 * {@code public static int run(String[] args, PrintStream out, PrintStream err)} for the launcher.
 */
package dev.symphony.conductor.cli;
