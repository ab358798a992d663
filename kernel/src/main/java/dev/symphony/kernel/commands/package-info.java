/** The command registry every surface (palette, keys, menus, extensions, CLI) runs commands through, and fuzzy search over it. */
package dev.symphony.kernel.commands;
