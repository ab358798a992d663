/**
 * Checkpoints of an agent's steps, without JavaFX: before a step that may write (an edit, a command) the files it may
 * touch are recorded ({@link dev.symphony.agent.checkpoint.WorkspaceFiles}: content-addressed in a
 * {@link dev.symphony.agent.checkpoint.BlobStore}, unchanged files skipped by size, time and file key), and after it
 * what it changed; {@link dev.symphony.agent.checkpoint.Checkpoints} plans a restore to before any step, finds the
 * files the person changed since (conflicts, asked about, never overwritten silently), and records the restore as a
 * step of its own, so it can be undone. {@code .git} folders are never copied nor touched.
 */
package dev.symphony.agent.checkpoint;
