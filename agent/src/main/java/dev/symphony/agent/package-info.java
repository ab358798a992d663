/**
 * Agent mode without JavaFX: {@link dev.symphony.agent.AgentLoop} sends the conversation with the tools to
 * the model and runs the tool calls it makes ({@link dev.symphony.agent.AgentTools}) until the model stops,
 * every call judged by the {@code approvals} policy first: allow runs, ask waits for the person
 * ({@link dev.symphony.agent.ApprovalGate}), deny refuses. Edits are proposed against a base revision and
 * applied through the editor's buffers ({@link dev.symphony.agent.WorkspaceEdits}).
 */
package dev.symphony.agent;
