package dev.symphony.agent.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.agent.DiskEdits;
import dev.symphony.agent.ProposedEdit;
import dev.symphony.agent.checkpoint.Checkpoints;
import dev.symphony.approvals.Decision;
import dev.symphony.approvals.policy.ApprovalPolicy;
import dev.symphony.approvals.policy.Verdict;
import dev.symphony.editor.buffer.StaleEditException;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only writes of an agent Melody: {@code apply} writes an approved {@link Stage} to the workspace as one checkpoint
 * (the chat's {@link Checkpoints}: encrypted, content-addressed copies of the files before and after), and
 * {@code restore} takes the workspace back to before a checkpoint — itself a checkpoint, so it can be restored too.
 */
final class StageWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageWriter() {
    }

    /**
     * Applies {@code stage} when {@code approval} is an approval node's yes; every file must still be as the phase
     * first read it (else nothing is written) and the policy must not deny editing it.
     */
    static ObjectNode apply(Path workspace, Stage stage, JsonNode approval, ApprovalPolicy policy, Checkpoints checkpoints)
            throws IOException {
        if (!approval.path("approved").asBoolean(false)) {
            throw new IllegalStateException("approval: the stage is applied only after an approval node said yes"
                    + " (connect its approved branch, and pass its output as approval: \"${NODE}\")");
        }
        Map<String, Stage.Change> changes = stage.changes();
        for (Map.Entry<String, Stage.Change> e : changes.entrySet()) {
            Verdict v = policy.checkTool("edit_file", e.getKey());
            if (v.decision() == Decision.DENY) {
                throw new IllegalStateException(e.getKey() + ": the approval policy denies editing it (" + v.parts().stream()
                        .map(Verdict.PartVerdict::rule).findFirst().orElse(v.subject()) + "); nothing was applied");
            }
            if (!DiskEdits.read(workspace.resolve(e.getKey())).equals(e.getValue().before())) {
                throw new IllegalStateException(e.getKey() + " changed on disk since the agent read it; nothing was applied");
            }
        }
        Checkpoints.Pending pending = checkpoints.begin("Apply " + changes.size() + " staged change(s)", changes.keySet(), List.of());
        try {
            for (Map.Entry<String, Stage.Change> e : changes.entrySet()) {
                Stage.Change c = e.getValue();
                DiskEdits.apply(new ProposedEdit(workspace.resolve(e.getKey()), ProposedEdit.ON_DISK, c.before(), c.after(),
                        ChangeSet.of(new TextEdit(0, c.before().length(), c.after()))));
            }
        } catch (StaleEditException e) {
            pending.end(); // what was written before the file that changed is recorded, so it can be restored
            throw new IllegalStateException(e.getMessage() + "; the files written before it can be restored", e);
        }
        Optional<Checkpoints.Step> step = pending.end();
        ObjectNode out = JSON.createObjectNode();
        changes.keySet().forEach(out.putArray("applied")::add);
        out.put("checkpoint", step.map(Checkpoints.Step::id).orElse(0));
        return out;
    }

    /** Restores the workspace to before checkpoint {@code id}; a file changed since by someone else stops it (named). */
    static ObjectNode restore(int id, Checkpoints checkpoints) throws IOException {
        if (id <= 0) {
            throw new IllegalArgumentException("checkpoint: " + id + " is no checkpoint (an apply that changed nothing has none)");
        }
        Checkpoints.Plan plan = checkpoints.plan(id, p -> false);
        if (!plan.conflicts().isEmpty()) {
            throw new IllegalStateException("not restored: files changed since the agent's steps " + plan.conflicts()
                    + "; restore from the workbench to choose");
        }
        Checkpoints.Step step = checkpoints.restore(plan, false, List.of(), p -> false);
        ObjectNode out = JSON.createObjectNode();
        plan.target().keySet().forEach(out.putArray("restored")::add);
        out.put("checkpoint", step.id());
        return out;
    }
}
