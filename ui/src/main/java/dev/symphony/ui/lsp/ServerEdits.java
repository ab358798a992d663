package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A language server's own workspace edit ({@code workspace/applyEdit}, e.g. from a refactoring command a code action
 * ran), checked as {@link WorkspaceEdits} says. Edits of open buffers only: applied at once, one undoable step per file.
 * Edits that touch files not open: the user approves first ({@link Approval}: the files and each changed line, as
 * rename's preview shows them), then those files are written through the editor's atomic save
 * ({@link DocumentFile#save}: a file changed on disk since it was read is not overwritten) and the open buffers get
 * their steps. Every edit is answered ({@link Answer}): applied, or not with the reason — refused (outside the folder,
 * bad ranges …), rejected by the user, a buffer that changed while the prompt waited, a file that could not be saved.
 * One edit at a time; the next waits for the answer to the one before. JavaFX thread; files are read and written off
 * it ({@link Offload}).
 */
final class ServerEdits {
    static final String PREVIEW_ID = "server-edit-preview";
    static final String APPLY_ID = "server-edit-apply";
    static final String CANCEL_ID = "server-edit-cancel";

    /** Asks the user about an edit: {@code apply} or {@code reject} runs once, on the JavaFX thread. */
    interface Approval {
        void ask(String title, List<String> lines, Runnable apply, Runnable reject);
    }

    /** The answer that goes back to the server, through its extension. */
    interface Answer {
        void send(String extension, long id, boolean applied, String reason);
    }

    /** Runs {@code work} off the JavaFX thread and hands its result back on it. */
    interface Offload {
        <T> void compute(Supplier<T> work, Consumer<T> onResult);
    }

    /** What an edit's check found: its files, which of them are open (their texts as checked), and the preview lines. */
    private record Plan(List<Path> files, Map<Path, Rope> openTexts, List<Path> closed, List<String> lines, String refused) {
    }

    private record Request(String extension, WorkbenchProtocol.ApplyEdit edit) {
    }

    private final Function<Path, Buffer> openBuffer;
    private final Predicate<Path> readOnlyTab;
    private final Supplier<Path> workspace;
    private final Approval approval;
    private final Answer answer;
    private final Offload offload;
    private final Consumer<String> status;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private boolean busy;

    /** {@code openBuffer}: the buffer of a file open in a tab, or null; {@code readOnlyTab}: the tab of a file is read-only. */
    ServerEdits(Function<Path, Buffer> openBuffer, Predicate<Path> readOnlyTab, Supplier<Path> workspace,
                Approval approval, Answer answer, Offload offload, Consumer<String> status) {
        this.openBuffer = openBuffer;
        this.readOnlyTab = readOnlyTab;
        this.workspace = workspace;
        this.approval = approval;
        this.answer = answer;
        this.offload = offload;
        this.status = status;
    }

    /** A server's edit, from {@code extension}; answered once applied, rejected or refused. */
    void handle(String extension, WorkbenchProtocol.ApplyEdit edit) {
        waiting.add(new Request(extension, edit));
        next();
    }

    private void next() {
        if (busy || waiting.isEmpty()) {
            return;
        }
        busy = true;
        Request r = waiting.poll();
        Path root = workspace.get();
        Map<Path, Rope> open = new HashMap<>(); // the open buffers' texts now: the check runs off the JavaFX thread
        Set<Path> readOnly = new HashSet<>();
        for (JsonNode f : r.edit().edit().path("files")) {
            Path file = path(f.path("file").asText(""));
            Buffer b = file == null ? null : openBuffer.apply(file);
            if (b != null) {
                open.put(file, b.text());
                if (readOnlyTab.test(file)) {
                    readOnly.add(file);
                }
            }
        }
        offload.compute(() -> plan(r.edit().edit(), root, open, readOnly), plan -> planned(r, plan));
    }

    private Plan plan(JsonNode edit, Path root, Map<Path, Rope> open, Set<Path> readOnly) {
        try {
            List<Path> files = WorkspaceEdits.check(edit, root, f -> open.containsKey(f) ? open.get(f) : WorkspaceEdits.read(f),
                    f -> readOnly.contains(f) || !open.containsKey(f) && !Files.isWritable(f));
            List<Path> closed = files.stream().filter(f -> !open.containsKey(f)).toList();
            int[] count = {0};
            List<String> lines = closed.isEmpty() ? List.of() : EditPreview.lines(edit, f -> open.containsKey(f) ? open.get(f)
                    : WorkspaceEdits.read(f), f -> (open.containsKey(f) ? "" : "(not open) ") + WorkspaceEdits.relative(root, f), count);
            return new Plan(files, open, closed, lines, null);
        } catch (WorkspaceEdits.Refused refused) {
            return new Plan(List.of(), open, List.of(), List.of(), refused.getMessage());
        }
    }

    private void planned(Request r, Plan plan) {
        String who = r.edit().server() + (r.edit().label() == null ? "" : " ('" + r.edit().label() + "')");
        if (plan.refused() != null) {
            finish(r, false, "refused by the workbench, nothing changed: " + plan.refused(), who);
        } else if (plan.closed().isEmpty()) {
            applyOpen(r, plan, who);
        } else {
            approval.ask(who + " wants to change " + plan.closed().size() + " file(s) that are not open (saved at once) and "
                    + (plan.files().size() - plan.closed().size()) + " open one(s) (one undo step each). Apply: write them; Cancel: change nothing",
                    plan.lines(), () -> approved(r, plan, who), () -> finish(r, false, "the user rejected the edit; nothing changed", who));
        }
    }

    /** Writes the files not open, then applies the open buffers' steps; nothing is written unless every file checks. */
    private void approved(Request r, Plan plan, String who) {
        if (!stillFits(r, plan, who, "nothing changed")) {
            return;
        }
        Map<Path, JsonNode> edits = editsByFile(r.edit().edit());
        Path root = workspace.get();
        offload.compute(() -> saveClosed(plan.closed(), edits, root), problem -> {
            if (problem != null) {
                finish(r, false, problem, who);
            } else {
                applyOpen(r, plan, who);
            }
        });
    }

    private void applyOpen(Request r, Plan plan, String who) {
        if (!stillFits(r, plan, who, plan.closed().isEmpty() ? "nothing changed" : "the files not open were written: "
                + String.join(", ", plan.closed().stream().map(f -> WorkspaceEdits.relative(workspace.get(), f)).toList()))) {
            return;
        }
        Map<Path, JsonNode> edits = editsByFile(r.edit().edit());
        for (Path f : plan.openTexts().keySet()) {
            WorkspaceEdits.edit(openBuffer.apply(f), edits.get(f));
        }
        finish(r, true, null, who);
    }

    /**
     * True when every open buffer still has the text the edit was checked against; otherwise answers the edit
     * {@code applied: false}, saying which buffer changed (or closed) and {@code outcome}.
     */
    private boolean stillFits(Request r, Plan plan, String who, String outcome) {
        for (Map.Entry<Path, Rope> e : plan.openTexts().entrySet()) {
            Buffer b = openBuffer.apply(e.getKey());
            if (b == null || b.text() != e.getValue() && !b.text().toString().equals(e.getValue().toString())) {
                finish(r, false, WorkspaceEdits.relative(workspace.get(), e.getKey()) + " changed while the edit waited; " + outcome, who);
                return false;
            }
        }
        return true;
    }

    /**
     * Reads each file not open, checks its edits against what it reads and computes its new text; then saves them all
     * atomically. Returns null, or what went wrong (nothing is written when a read or check fails; a failed save names
     * the files already written).
     */
    private String saveClosed(List<Path> closed, Map<Path, JsonNode> edits, Path root) {
        List<DocumentFile> files = new ArrayList<>();
        List<Rope> texts = new ArrayList<>();
        for (Path f : closed) {
            String name = WorkspaceEdits.relative(root, f);
            try {
                DocumentFile.Opened opened = DocumentFile.open(f);
                WorkspaceEdits.checkRanges(name, edits.get(f), opened.text());
                files.add(opened.file());
                texts.add(new ChangeSet(Positions.edits(edits.get(f), opened.text(), List.of())).apply(opened.text()));
            } catch (WorkspaceEdits.Refused e) {
                return e.getMessage() + "; nothing changed"; // it names the file
            } catch (IOException | RuntimeException e) {
                return name + " could not be read (" + e.getMessage() + "); nothing changed";
            }
        }
        List<String> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = WorkspaceEdits.relative(root, closed.get(i));
            try {
                files.get(i).save(texts.get(i), false);
                written.add(name);
            } catch (IOException | RuntimeException e) {
                return name + " could not be saved (" + e.getMessage() + ")" + (written.isEmpty() ? "; nothing changed"
                        : "; already written: " + String.join(", ", written));
            }
        }
        return null;
    }

    private void finish(Request r, boolean applied, String reason, String who) {
        answer.send(r.extension(), r.edit().id(), applied, reason);
        status.accept(applied ? who + ": edit applied" : who + ": edit not applied: " + reason);
        busy = false;
        next();
    }

    private static Map<Path, JsonNode> editsByFile(JsonNode edit) {
        Map<Path, JsonNode> out = new HashMap<>();
        for (JsonNode f : edit.path("files")) {
            out.put(path(f.path("file").asText("")), f.path("edits"));
        }
        return out;
    }

    private static Path path(String named) {
        try {
            Path p = Path.of(named);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
