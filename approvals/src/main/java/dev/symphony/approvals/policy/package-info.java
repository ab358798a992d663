/**
 * Policy files and the decisions they make: {@link dev.symphony.approvals.policy.PolicyReader} reads a file's
 * rules (checking each rule against its own examples), {@link dev.symphony.approvals.policy.ApprovalPolicy}
 * layers the shipped default, the user's and the workspace's files and judges commands and tool calls.
 */
package dev.symphony.approvals.policy;
