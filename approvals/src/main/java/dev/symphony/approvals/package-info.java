/**
 * The approval policy: what an agent, a Melody approval node or an extension may run or touch without
 * asking. {@link dev.symphony.approvals.policy.ApprovalPolicy} decides allow / ask / deny for a shell command
 * (parsed by {@link dev.symphony.approvals.shell.ShellParser}) or a tool call; {@link
 * dev.symphony.approvals.ignore.AgentIgnore} keeps files out of agents' reads. None of our modules.
 */
package dev.symphony.approvals;
