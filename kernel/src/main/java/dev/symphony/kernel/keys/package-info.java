/** Key chords and key bindings (defaults plus the user's keybindings.json), UI-free. */
package dev.symphony.kernel.keys;
