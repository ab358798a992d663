package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.Connection;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Values;
import dev.symphony.pit.dag.api.NodeState;
import java.util.List;

/**
 * The activation checks before a READY node may start (the seed's decision process after "check
 * dependencies"): discriminator joins, the step debugger, halts waiting for a person, preconditions. A check
 * may also skip or fail the node.
 */
final class Activation {
    private final MelodyRun run;

    private final Reconstruction reconstruction;
    private final java.util.Set<Integer> inputsChecked = new java.util.HashSet<>();
    final DeferredChoice choices;

    Activation(MelodyRun run) {
        this.run = run;
        this.reconstruction = new Reconstruction(run);
        this.choices = new DeferredChoice(run);
    }

    boolean heldByDebugger() {
        for (int i = 0; i < run.tracker.readyCount(); i++) {
            if (run.context.debugger().isHeld(run.eventName(run.tracker.readyAt(i)))) {
                return true;
            }
        }
        return false;
    }

    /** The activation checks before a node may start; may skip or fail it. */
    boolean admit(int s) {
        RunPlan.Step step = run.plan.step(s);
        MelodyNode n = step.node();
        if (n == null) {
            return true;
        }
        if (n.join().equals("first")) {
            boolean anyDone = false;
            boolean allFinished = true;
            for (Connection c : run.plan.melody.incoming(n.id())) {
                for (int src : run.plan.idsOf.getOrDefault(c.from(), List.of())) {
                    NodeState st = run.tracker.state(src);
                    anyDone |= st == NodeState.DONE;
                    allFinished &= st.isFinished();
                }
            }
            if (!anyDone) {
                if (allFinished) {
                    run.skip(s, "discriminator: no incoming branch finished");
                }
                return false;
            }
        }
        if (n.common().awaits() != null && !choices.admit(s, n.common().awaits())) {
            return false;
        }
        if (!inputsChecked.contains(s)) { // once per activation: reading back artifacts is not free
            if (!reconstruction.ensureInputs(s)) {
                return false;
            }
            inputsChecked.add(s);
        }
        if (run.state.isHalted(s) && !haltAnswered(s)) {
            return false;
        }
        StepDebugger debugger = run.context.debugger();
        if (debugger != null) {
            boolean wasHeld = debugger.isHeld(run.eventName(s));
            if (!debugger.mayStart(run.eventName(s), inspectInput(n))) {
                if (!wasHeld) {
                    run.events.emit(new RunEvent.NodePaused(run.eventName(s), "breakpoint"));
                }
                return false;
            }
        }
        for (String pre : n.common().preconditions()) {
            if (!Expr.parse(pre).test(run.scope())) {
                if (n.essential()) {
                    run.onFailure(s, "precondition not met: " + pre);
                } else {
                    run.skip(s, "precondition not met: " + pre);
                }
                return false;
            }
        }
        return true;
    }

    /** What a held node would get: its rendered input (or value/prompt/inputs), for the debugger. */
    JsonNode inspectInput(MelodyNode n) {
        String field = switch (n.type()) {
            case CALL -> "input";
            case OUTPUT -> "value";
            case APPROVAL -> "prompt";
            case LOOP, MELODY -> "inputs";
            default -> null;
        };
        try {
            return field == null ? Values.NULL : dev.symphony.conductor.melody.expr.Template.render(n.field(field), run.scope());
        } catch (RuntimeException e) {
            return Values.text("cannot render: " + e.getMessage());
        }
    }

    boolean haltAnswered(int s) {
        String key = run.eventName(s) + ".halt" + run.state.halts(s);
        try {
            var answer = run.approvals == null ? java.util.Optional.<Approvals.Answer>empty() : run.approvals.answer(key);
            if (answer.isEmpty()) {
                var asked = run.context.approver().ask(run.runId, run.eventName(s), "node " + run.eventName(s) + " failed; retry it?", null);
                if (asked.isPresent() && run.approvals != null) {
                    run.approvals.record(new Approvals.Answer(key, asked.get(), System.getProperty("user.name", "user"),
                            java.time.Instant.ofEpochMilli(run.context.clock().time()), "retry " + run.eventName(s) + "?", null, null));
                    answer = run.approvals.answer(key);
                }
            }
            if (answer.isEmpty()) {
                run.state.awaitAnswer(run.eventName(s));
                return false;
            }
            run.state.answered(run.eventName(s));
            run.events.emit(new RunEvent.ApprovalAnswered(run.eventName(s), answer.get().approved(), answer.get().by(), "halt"));
            if (!answer.get().approved()) {
                run.state.fail("node " + run.eventName(s) + " was halted and " + answer.get().by() + " declined to retry it");
                run.cancelRunning("run failed");
                return false;
            }
            run.state.resumeHalted(s);
            return true;
        } catch (java.io.IOException e) {
            run.state.fail("cannot read the run's approvals: " + e.getMessage());
            return false;
        }
    }
}
