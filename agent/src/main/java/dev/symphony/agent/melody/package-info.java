/**
 * The agent as Operators for Melodies ({@link dev.symphony.agent.melody.AgentOperators}, extension
 * {@code symphony.agent}): a phase runs the chat's agent loop and tools over a stage of edits; only {@code apply}, after
 * an approval node, writes the workspace, as a checkpoint that {@code restore} undoes. Found by {@code symphony run}
 * through {@link dev.symphony.conductor.run.OperatorProvider}.
 */
package dev.symphony.agent.melody;
