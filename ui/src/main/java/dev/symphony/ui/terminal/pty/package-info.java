/**
 * The terminal's process side, free of JavaFX: which shell to start and how ({@link
 * dev.symphony.ui.terminal.pty.ShellCommand}, {@link dev.symphony.ui.terminal.pty.ShellSettings}),
 * starting it on a pseudo-terminal with pty4j ({@link dev.symphony.ui.terminal.pty.PtyLauncher}),
 * ending whole process trees so the IDE leaves no orphans ({@link
 * dev.symphony.ui.terminal.pty.ChildProcesses}), and the command API other parts of the IDE use to
 * run a command and get its exit status and output ({@link
 * dev.symphony.ui.terminal.pty.TerminalRunner}). Nothing here may import JavaFX; a test checks it.
 */
package dev.symphony.ui.terminal.pty;
