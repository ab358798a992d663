/**
 * Shell commands as the policy sees them: tree-sitter's bash grammar splits a command into its simple
 * commands ({@link dev.symphony.approvals.shell.CommandPart}), looks inside wrappers such as {@code bash -c}
 * and {@code timeout}, and records every construct it cannot read statically (expansions, substitutions,
 * redirections into files) as a concern that makes the part ask.
 */
package dev.symphony.approvals.shell;
