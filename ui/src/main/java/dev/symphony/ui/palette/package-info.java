/** The command palette: fuzzy search over every registered command. */
package dev.symphony.ui.palette;
