/**
 * Checkpoints of an agent's steps, without JavaFX: before a step that may write (an edit, a command) the files it may
 * touch are recorded ({@link dev.symphony.agent.checkpoint.WorkspaceFiles}: content-addressed in the
 * {@link dev.symphony.agent.checkpoint.Blobs}, unchanged files skipped by size, time and file key), and after it
 * what it changed; {@link dev.symphony.agent.checkpoint.Checkpoints} plans a restore to before any step, finds the
 * files the person changed since (conflicts, asked about, never overwritten silently), and records the restore as a
 * step of its own, so it can be undone. The copies and the steps are kept in the checkpoint store, the Pit's artifact
 * store ({@link dev.symphony.agent.checkpoint.StoreBlobs}, {@link dev.symphony.agent.checkpoint.StoredSteps}), so they
 * survive the window, within {@link dev.symphony.agent.checkpoint.CheckpointRetention}'s rule applied by the Pit's stale
 * manager. {@code .git} folders are never copied nor touched.
 */
package dev.symphony.agent.checkpoint;
