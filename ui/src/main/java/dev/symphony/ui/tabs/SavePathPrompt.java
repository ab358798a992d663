package dev.symphony.ui.tabs;

import dev.symphony.ui.shell.Prompter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where Save As writes a document: asks for a path (an untitled document's name in the open folder to
 * start from; a relative answer is taken in that folder), refuses a folder, and asks before replacing
 * another existing file. A typed path rather than the platform's file dialog (VS Code's
 * {@code files.simpleDialog}): it works the same everywhere, keyboard first.
 */
public final class SavePathPrompt {
    private final Prompter prompter;
    private final Supplier<Path> workspace;

    public SavePathPrompt(Prompter prompter, Supplier<Path> workspace) {
        this.prompter = prompter;
        this.workspace = workspace;
    }

    public Optional<Path> ask(OpenDocument document) {
        Path base = workspace.get() != null ? workspace.get() : Path.of(System.getProperty("user.home"));
        Path suggested = document.isUntitled() ? base.resolve(document.title() + ".txt") : document.path();
        Optional<String> answer = prompter.ask("Save As", "Save " + document.title() + " to:", suggested.toString());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Path target;
        try {
            target = base.resolve(answer.get()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            prompter.showError("Save As", "'" + answer.get() + "' is not a valid path: " + e.getReason());
            return Optional.empty();
        }
        if (Files.isDirectory(target)) {
            prompter.showError("Save As", target + " is a folder; give a file name inside it.");
            return Optional.empty();
        }
        if (Files.exists(target) && !target.equals(document.path())
                && !prompter.confirm("Replace " + target.getFileName() + "?", target + " already exists. Replace it?",
                        "Replace")) {
            return Optional.empty();
        }
        return Optional.of(target);
    }
}
