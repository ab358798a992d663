package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.tabs.EditorTabsViewModel;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A server's workspace edit ({@code {files: [{file, edits: [{startLine, …, text}]}]}}, from rename or a code action)
 * checked and applied to the editor's buffers. The edit is hostile: every file must be an absolute path inside the
 * open folder (after symbolic links are resolved) that exists and is not read-only, every range must start on a line
 * of the file's text and not end before it starts, and a file's edits must not overlap; one bad file or range refuses
 * the whole edit with an error naming it, and nothing is changed. Columns past a line's end mean its end (LSP's rule).
 * Applied, each file's edits are one undoable change of its buffer; files not open are opened in tabs and left unsaved
 * for the user to review. JavaFX thread.
 */
final class WorkspaceEdits {
    private WorkspaceEdits() {
    }

    /** A workspace edit the workbench refuses: its message names the file and what is wrong. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Checks {@code edit} against {@code workspace} and the texts of the files it names (the open buffer's, else the
     * file's), then applies it; {@code applied} gets each file's workspace-relative name once its buffer changed.
     */
    static void apply(JsonNode edit, Path workspace, EditorTabsViewModel tabs, Consumer<String> applied) throws Refused {
        List<Path> files = check(edit, workspace, tabs);
        int i = 0;
        for (JsonNode f : edit.path("files")) {
            Path file = files.get(i++);
            JsonNode edits = f.path("edits");
            String name = relative(workspace, file);
            Consumer<OpenDocument> applyTo = d -> {
                edit(d.buffer(), edits);
                applied.accept(name);
            };
            tabs.find(file).ifPresentOrElse(applyTo, () -> tabs.open(file, applyTo));
        }
    }

    /** Applies a file's checked {@code edits} to {@code buffer} as one undoable step of its own. */
    static void edit(Buffer buffer, JsonNode edits) {
        List<TextEdit> changes = Positions.edits(edits, buffer.text(), List.of());
        if (changes != null && !changes.isEmpty()) {
            buffer.closeGroup();
            buffer.edit(new ChangeSet(changes), EditKind.COMMAND);
            buffer.closeGroup();
        }
    }

    /** {@link #check} against the open buffers' texts, else the files'. */
    static List<Path> check(JsonNode edit, Path workspace, EditorTabsViewModel tabs) throws Refused {
        return check(edit, workspace, file -> textOf(tabs, file),
                file -> tabs.find(file).map(OpenDocument::isReadOnly).orElse(!Files.isWritable(file)));
    }

    /** The text of {@code file}: its open buffer's, else the file's (null when it cannot be read). */
    static Rope textOf(EditorTabsViewModel tabs, Path file) {
        return tabs.find(file).map(OpenDocument::rope).orElseGet(() -> read(file));
    }

    /** The files of {@code edit}, in its order, each checked with its edits; throws {@link Refused} naming the first problem. */
    static List<Path> check(JsonNode edit, Path workspace, java.util.function.Function<Path, Rope> textOf,
                            java.util.function.Predicate<Path> readOnly) throws Refused {
        if (workspace == null) {
            throw new Refused("no folder is open, so no file may be edited");
        }
        Path root = realPath(workspace);
        List<Path> out = new ArrayList<>();
        for (JsonNode f : edit.path("files")) {
            String named = f.path("file").asText("");
            Path file;
            try {
                file = Path.of(named);
            } catch (RuntimeException e) {
                throw new Refused("'" + named + "' is not a path");
            }
            if (!file.isAbsolute() || !file.normalize().equals(file)) {
                throw new Refused("'" + named + "' is not an absolute, normalized path");
            }
            if (!Files.isRegularFile(file)) {
                throw new Refused(named + " does not exist (or is not a file)");
            }
            if (!realPath(file).startsWith(root)) {
                throw new Refused(named + " is outside the open folder " + workspace);
            }
            if (out.contains(file)) {
                throw new Refused(relative(workspace, file) + " is named twice");
            }
            String name = relative(workspace, file);
            if (readOnly.test(file)) {
                throw new Refused(name + " is read-only");
            }
            Rope text = textOf.apply(file);
            if (text == null) {
                throw new Refused(name + " could not be read");
            }
            checkRanges(name, f.path("edits"), text);
            out.add(file);
        }
        return out;
    }

    /** Every edit's range lies in {@code text} (lines that exist, an end not before its start); they do not overlap. */
    static void checkRanges(String name, JsonNode edits, Rope text) throws Refused {
        if (!edits.isArray()) {
            throw new Refused(name + ": the edits are not a list");
        }
        int n = 0;
        for (JsonNode e : edits) {
            n++;
            int startLine = e.path("startLine").asInt(-1);
            int endLine = e.path("endLine").asInt(-1);
            int startColumn = e.path("startColumn").asInt(-1);
            int endColumn = e.path("endColumn").asInt(-1);
            if (startLine < 0 || endLine < 0 || startColumn < 0 || endColumn < 0 || !e.path("text").isTextual()) {
                throw new Refused(name + ": edit " + n + " lacks a range or its text");
            }
            if (startLine >= text.lineCount() || endLine >= text.lineCount()) {
                throw new Refused(name + ": edit " + n + " is at line " + (Math.max(startLine, endLine) + 1) + ", past the file's "
                        + text.lineCount() + " lines");
            }
            if (Positions.offset(text, e, true) < Positions.offset(text, e, false)) {
                throw new Refused(name + ": edit " + n + " ends before it starts (line " + (startLine + 1) + ")");
            }
        }
        if (Positions.edits(edits, text, List.of()) == null) {
            throw new Refused(name + ": the edits overlap");
        }
    }

    static String relative(Path workspace, Path file) {
        return workspace != null && file.startsWith(workspace) ? workspace.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    private static Path realPath(Path p) throws Refused {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new Refused(p + " could not be resolved: " + e.getMessage());
        }
    }

    static Rope read(Path file) {
        try {
            return dev.symphony.editor.file.DocumentFile.open(file).text();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
