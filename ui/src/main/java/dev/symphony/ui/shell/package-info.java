/** The window shell: layout, activity bar, status bar, themes, prompts, and its view-model. */
package dev.symphony.ui.shell;
