package dev.symphony.agent.melody;

import dev.symphony.agent.DiskEdits;
import dev.symphony.agent.ProposedEdit;
import dev.symphony.agent.WorkspaceEdits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workspace as a Melody's agent phase edits it: reads see the {@link Stage} over the files on disk, and an edit is
 * staged, never written — the workspace changes only at the {@code apply} node after an approval.
 */
final class StagedEdits implements WorkspaceEdits {
    private final Path workspace;
    private final Stage stage;

    StagedEdits(Path workspace, Stage stage) {
        this.workspace = workspace;
        this.stage = stage;
    }

    private String rel(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(workspace)) {
            throw new IllegalArgumentException(file + " is outside the workspace; a phase stages edits of the workspace's files only");
        }
        return workspace.relativize(f).toString().replace('\\', '/');
    }

    @Override
    public String read(Path file) throws IOException {
        String staged = file.toAbsolutePath().normalize().startsWith(workspace) ? stage.after(rel(file)) : null;
        return staged != null ? staged : DiskEdits.read(file);
    }

    @Override
    public ProposedEdit propose(Path file, String oldText, String newText) throws IOException {
        rel(file); // only the workspace's files are staged: nothing outside it is read for an edit
        return DiskEdits.replacing(file, ProposedEdit.ON_DISK, read(file), oldText, newText);
    }

    @Override
    public void apply(ProposedEdit edit) throws IOException {
        String rel = rel(edit.file());
        String now = read(edit.file());
        if (!now.equals(edit.before())) {
            throw new IllegalArgumentException(rel + " changed since the edit was proposed; read it again");
        }
        String onDisk = stage.after(rel) == null ? now : stage.changes().get(rel).before();
        stage.put(rel, onDisk, edit.after());
    }

    @Override
    public boolean stages() {
        return true;
    }

    @Override
    public String applied(String path) {
        return "staged: " + path + " changed in this run's stage (the workspace changes only when the stage is approved and applied after this phase)";
    }

    @Override
    public Map<String, String> staged() {
        return stage.texts();
    }
}
