package dev.symphony.kernel.keys;

/** A key chord bound to a command id. */
public record Keybinding(KeyChord chord, String commandId) {}
