/** Diagnostics from whatever produces them (settings validation, JSON checks of open files), counted in the status bar and listed in the Problems view. */
package dev.symphony.ui.problems;
