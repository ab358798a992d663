/**
 * The Extensions view: installed extensions with the state {@code symphony ext list} shows (version, kind, Player
 * state, sandbox mode) plus permissions, resource use and restarts; enable, disable, reload, remove, logs and audit
 * entries; install from a file through the permission review. The extensions' workbench contributions (commands,
 * views, status-bar items, notifications) are wired by {@link dev.symphony.ui.extensions.ExtensionContributions}.
 */
package dev.symphony.ui.extensions;
