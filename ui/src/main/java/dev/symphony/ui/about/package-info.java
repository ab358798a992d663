/** The About window: what Symphony ships from other projects (grammars, themes) and under which licences. */
package dev.symphony.ui.about;
