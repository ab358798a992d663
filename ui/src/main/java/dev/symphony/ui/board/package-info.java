/**
 * The Harmony Board: a Melody ({@code *.melody.json}) drawn as a graph and edited visually. The model
 * ({@link dev.symphony.ui.board.BoardDocument}, {@link dev.symphony.ui.board.BoardGraph}, the edits) works on the
 * file through the conductor's text-preserving {@code MelodyDocument}, so an edit on the board changes only the
 * edited part of the file; {@link dev.symphony.ui.board.BoardView} draws it on one canvas (culled, with level of
 * detail) — ui/docs/harmony-board.md.
 */
package dev.symphony.ui.board;
