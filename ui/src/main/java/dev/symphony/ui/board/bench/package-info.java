/** {@code symphony bench board}: the real board, headless, over generated Melodies (ui/docs/harmony-board.md). */
package dev.symphony.ui.board.bench;
