/**
 * The integrated terminal: a panel below the editors holding terminals in tabs, each tab one or
 * more terminals side by side. A terminal is a real VT emulator (JediTermFX, a JavaFX port of
 * JetBrains' JediTerm) on a real pseudo-terminal (pty4j); the process side, free of JavaFX, is in
 * {@link dev.symphony.ui.terminal.pty}. {@link dev.symphony.ui.terminal.TerminalPanelViewModel}
 * owns the terminals and their processes; the views only show them. See {@code ui/docs/terminal.md}.
 */
package dev.symphony.ui.terminal;
