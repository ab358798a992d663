/**
 * The kernel's command-line subcommands, each a class with
 * {@code public static int run(String[] args, PrintStream out, PrintStream err)} that the launcher's
 * dispatcher calls: {@link dev.symphony.kernel.cli.ExtCommand} ({@code ext}),
 * {@link dev.symphony.kernel.cli.CallCommand} ({@code call}) and {@link dev.symphony.kernel.cli.IpcBench}
 * ({@code bench ipc}). stdout carries only results; notices go to stderr.
 */
package dev.symphony.kernel.cli;
