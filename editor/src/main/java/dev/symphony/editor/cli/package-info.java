/** The headless {@code symphony edit} command over the editor engine. */
package dev.symphony.editor.cli;
