package dev.symphony.kernel.commands;

import java.util.Objects;

/**
 * A named action anyone can run: from the palette, a key binding, a menu, an extension or the CLI.
 *
 * @param id stable identifier, e.g. {@code workbench.action.toggleTheme}
 * @param title what a person reads in the palette
 * @param category groups commands in the palette ("View", "File", ...)
 */
public record Command(String id, String title, String category, Runnable action) {
    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(action, "action");
        category = category == null ? "" : category;
    }

    /** "Category: Title", as the palette shows it. */
    public String label() {
        return category.isEmpty() ? title : category + ": " + title;
    }
}
