/**
 * Which files of a folder a search or Quick Open looks at, with ripgrep's default filters: hidden
 * files and folders skipped, {@code .gitignore} (inside a git repository), {@code .ignore},
 * {@code .rgignore}, {@code .git/info/exclude} and the global git excludes respected, include and
 * exclude globs, symbolic links not followed. Ignore rules are matched by JGit's own matcher
 * ({@code org.eclipse.jgit.ignore}); nothing here reads file contents.
 */
package dev.symphony.editor.workspace;
