/**
 * {@code dev.symphony.samples.git}: Git for the open folder as an out-of-process extension, over JGit. {@link
 * dev.symphony.samples.git.GitExtension} registers the capabilities; {@link dev.symphony.samples.git.StatusReader} reads
 * status as {@code git status --porcelain} reports it (renames, conflicts, untracked, ignored) without writing, a large
 * work tree in parts side by side ({@code StatusWalk}, {@code WalkPlan});
 * {@link dev.symphony.samples.git.GitActions} does what the user asks (stage, unstage, commit, switch branch);
 * {@link dev.symphony.samples.git.ScmView} draws the Source Control view; {@link dev.symphony.samples.git.Decorations}
 * turns a status into file-tree badges.
 */
package dev.symphony.samples.git;
