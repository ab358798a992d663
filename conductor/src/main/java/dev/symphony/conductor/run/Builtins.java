package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.NodeSpec;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.melody.Problem;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Template;
import dev.symphony.pit.artifact.api.ArtifactKind;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The built-in nodes that run inline on the run's thread: input, output, condition, approval. */
final class Builtins {
    private final MelodyRun run;

    Builtins(MelodyRun run) {
        this.run = run;
    }

    /** Runs step {@code s}; returns false when it is held (an approval nobody has answered yet). */
    boolean run(int s, MelodyNode n) throws InterruptedException {
        long started = run.context.clock().time();
        String name = run.eventName(s);
        try {
            switch (n.type()) {
                case INPUT -> {
                    JsonNode value = input(n);
                    begin(s, name);
                    run.finish(s, value, "input", 0, null, started, -1, ArtifactKind.INPUT);
                }
                case OUTPUT -> {
                    begin(s, name);
                    JsonNode value = Template.render(((NodeSpec.Output) n.spec()).value(), run.scope());
                    run.finish(s, value, "conductor", 0, null, started, -1, ArtifactKind.OUTPUT);
                }
                case CONDITION -> {
                    begin(s, name);
                    int branch = condition(n);
                    ObjectNode out = JsonNodeFactory.instance.objectNode().put("branch", n.branches().get(branch));
                    run.finish(s, out, "conductor", 0, null, started, branch, ArtifactKind.INTERMEDIATE);
                }
                case APPROVAL -> {
                    return approval(s, n, name, started);
                }
                default -> throw new IllegalStateException(n.type() + " is not a built-in");
            }
        } catch (InputProblem | RuntimeException e) {
            run.onFailure(s, e.getMessage());
        }
        return true;
    }

    private void begin(int s, String name) {
        run.markStarted(s);
        run.events.emit(new RunEvent.NodeStarted(name, null, null));
    }

    private static final class InputProblem extends Exception {
        private static final long serialVersionUID = 1L;

        InputProblem(String m) {
            super(m);
        }
    }

    private JsonNode input(MelodyNode n) throws InputProblem {
        NodeSpec.Input spec = (NodeSpec.Input) n.spec();
        JsonNode value = run.inputs.get(n.id());
        if (value == null) {
            value = spec.defaultValue();
        }
        if (value == null) {
            throw new InputProblem("missing input '" + n.id() + "': pass --input " + n.id() + "=VALUE");
        }
        if (spec.schema() != null) {
            List<Problem> problems = MelodySchema.problems(MelodySchema.compile(spec.schema()), value, "$");
            if (!problems.isEmpty()) {
                throw new InputProblem("input '" + n.id() + "' does not match its schema: " + problems);
            }
        }
        return value;
    }

    private int condition(MelodyNode n) {
        NodeSpec.Condition spec = (NodeSpec.Condition) n.spec();
        Expr.Scope scope = run.scope();
        for (NodeSpec.Condition.Case c : spec.cases()) {
            if (Expr.parse(c.when()).test(scope)) {
                return n.branches().indexOf(c.branch());
            }
        }
        String d = spec.defaultBranch();
        if (d == null) {
            throw new IllegalStateException("no case of condition '" + n.id() + "' holds and it has no default branch");
        }
        return n.branches().indexOf(d);
    }

    private boolean approval(int s, MelodyNode n, String name, long started) throws InterruptedException {
        NodeSpec.Approval spec = (NodeSpec.Approval) n.spec();
        String prompt = Template.render(spec.prompt(), run.scope()).asText();
        JsonNode details = spec.details() != null ? Template.render(spec.details(), run.scope()) : null;
        Optional<Approvals.Answer> answer;
        try {
            answer = answer(name, prompt, details);
        } catch (IOException e) {
            run.state.fail("cannot record the approval of " + name + ": " + e.getMessage());
            return true;
        }
        if (answer.isEmpty()) {
            if (run.state.awaitAnswer(name)) {
                run.events.emit(new RunEvent.ApprovalWaiting(name, prompt, null, name));
            }
            return false;
        }
        run.state.answered(name);
        Approvals.Answer a = answer.get();
        run.events.emit(new RunEvent.ApprovalAnswered(name, a.approved(), a.by(), null));
        begin(s, name);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("approved", a.approved()).put("by", a.by())
                .put("at", a.at().toString());
        boolean rejectedBranch = run.plan.melody.outgoing(n.id()).stream().anyMatch(c -> "rejected".equals(c.branch()));
        if (a.approved() || rejectedBranch) {
            run.finish(s, out, a.by(), 0, null, started, a.approved() ? 0 : 1, ArtifactKind.METADATA);
        } else {
            run.onFailure(s, "rejected by " + a.by());
        }
        return true;
    }

    /** A recorded answer, else --yes, else a person at a terminal; empty when nobody can answer now. */
    private Optional<Approvals.Answer> answer(String name, String prompt, JsonNode details) throws IOException {
        Approvals approvals = run.approvals;
        Optional<Approvals.Answer> a = approvals == null ? Optional.empty() : approvals.answer(name);
        if (a.isPresent()) {
            return a;
        }
        Optional<Boolean> yes = run.context.autoApprove() ? Optional.of(true)
                : run.context.approver().ask(run.runId, name, prompt, details);
        if (yes.isEmpty()) {
            return Optional.empty();
        }
        String by = run.context.autoApprove() ? run.context.approvedBy() : System.getProperty("user.name", "user");
        Approvals.Answer answer = new Approvals.Answer(name, yes.get(), by, Instant.ofEpochMilli(run.context.clock().time()),
                prompt, details, null);
        if (approvals != null) {
            approvals.record(answer);
            return approvals.answer(name);
        }
        return Optional.of(answer);
    }
}
