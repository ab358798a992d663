package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Below the board while it runs: the approvals the run waits for (Approve / Decline each), the debugger (breakpoint
 * on the selected node, step, continue, the held node's input — editable — ), what the selected node produced in the
 * last run, and the run log. Binds to a {@link BoardRun}; every action goes through it.
 */
public final class RunPanel extends VBox {
    public static final String ID = "board-run-panel";
    public static final String APPROVALS_ID = "board-approvals";
    public static final String BREAKPOINT_ID = "board-breakpoint";
    public static final String STEP_ID = "board-step";
    public static final String CONTINUE_ID = "board-continue";
    public static final String HELD_INPUT_ID = "board-held-input";
    public static final String VALUE_ID = "board-node-value";
    public static final String PIN_ID = "board-pin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoardRun run;
    private final BoardViewModel vm;
    private final VBox approvals = new VBox(4);
    private final Label value = new Label();
    private final TextField heldInput = new TextField();
    private final Label heldProblem = new Label();
    private final Button step = new Button("Step");
    private final Button resume = new Button("Continue");
    private final Button pin = new Button("Pin Output");
    private final ListView<String> log = new ListView<>();
    private final VBox inputsSlot = new VBox();

    public RunPanel(BoardRun run, BoardViewModel vm) {
        this.run = run;
        this.vm = vm;
        setId(ID);
        setSpacing(4);
        setStyle("-fx-padding: 4 8 4 8;");
        approvals.setId(APPROVALS_ID);
        value.setId(VALUE_ID);
        value.setWrapText(true);
        heldInput.setId(HELD_INPUT_ID);
        heldInput.setPromptText("the held node's input (JSON); Enter changes it");
        HBox.setHgrow(heldInput, Priority.ALWAYS);
        heldProblem.setStyle("-fx-text-fill: #c62828;");
        Button breakpoint = new Button("● Breakpoint");
        breakpoint.setId(BREAKPOINT_ID);
        breakpoint.setOnAction(e -> toggleBreakpoint());
        step.setId(STEP_ID);
        step.setOnAction(e -> step());
        resume.setId(CONTINUE_ID);
        resume.setOnAction(e -> run.continueRun());
        heldInput.setOnAction(e -> editHeldInput());
        pin.setId(PIN_ID);
        pin.setOnAction(e -> togglePin());
        vm.overlays().pinned().addListener((SetChangeListener<String>) c -> showSelected());
        log.setId(MelodyTab.RUN_LOG_ID);
        log.setItems(run.log());
        log.setPrefHeight(120);
        HBox debug = new HBox(6, breakpoint, step, resume, pin, heldInput);
        getChildren().addAll(inputsSlot, approvals, debug, heldProblem, value, log);
        run.approvals().addListener((ListChangeListener<BoardRun.PendingApproval>) c -> showApprovals());
        run.held().addListener((MapChangeListener<String, JsonNode>) c -> showSelected());
        run.results().addListener((MapChangeListener<String, BoardRun.NodeResult>) c -> showSelected());
        vm.selection().addListener((SetChangeListener<String>) c -> showSelected());
        showApprovals();
        showSelected();
    }

    /** Shows the inputs form above the rest (null: none). */
    public void showInputs(Node form) {
        inputsSlot.getChildren().setAll(form == null ? new Node[0] : new Node[] {form});
    }

    /** The node a debugger action applies to: the selected node, else the only one held. */
    String target() {
        if (vm.selection().size() == 1) {
            return vm.selection().iterator().next();
        }
        return run.held().size() == 1 ? run.held().keySet().iterator().next() : null;
    }

    public void toggleBreakpoint() {
        String node = target();
        if (node != null) {
            run.toggleBreakpoint(node);
        }
    }

    /** Pins the target node's last output, or unpins it when it is pinned. */
    public void togglePin() {
        String node = target();
        if (node == null) {
            return;
        }
        if (vm.overlays().pinned().contains(node)) {
            run.unpin(node);
        } else {
            run.pin(node);
        }
    }

    public void step() {
        String node = target();
        if (node != null && run.held().containsKey(node)) {
            run.step(node);
        } else if (!run.held().isEmpty()) {
            run.step(run.held().keySet().iterator().next());
        }
    }

    private void editHeldInput() {
        String node = target();
        try {
            JsonNode input = JSON.readTree(heldInput.getText());
            if (node == null || !run.editHeldInput(node, input)) {
                heldProblem.setText("Not changed: " + (node == null ? "select the held node" : node + " is not held at a breakpoint"));
            } else {
                heldProblem.setText("");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            heldProblem.setText("Not changed: the input is not JSON: " + e.getOriginalMessage());
        }
    }

    private void showApprovals() {
        approvals.getChildren().clear();
        for (BoardRun.PendingApproval a : run.approvals()) {
            Label what = new Label(a.node() + " waits for approval: " + a.prompt());
            what.setStyle("-fx-font-weight: bold;");
            Button yes = new Button("Approve");
            yes.setId("board-approve-" + a.node());
            yes.setOnAction(e -> run.answer(a.node(), true));
            Button no = new Button("Decline");
            no.setId("board-decline-" + a.node());
            no.setOnAction(e -> run.answer(a.node(), false));
            approvals.getChildren().add(new HBox(8, what, yes, no));
        }
    }

    private void showSelected() {
        String node = target();
        boolean held = node != null && run.held().containsKey(node);
        step.setDisable(run.held().isEmpty());
        resume.setDisable(run.held().isEmpty());
        heldInput.setDisable(!held);
        if (held) {
            JsonNode in = run.held().get(node);
            if (!heldInput.isFocused()) {
                heldInput.setText(in == null ? "" : in.toString());
            }
        } else {
            heldInput.setText("");
        }
        boolean pinned = node != null && vm.overlays().pinned().contains(node);
        pin.setText(pinned ? "Unpin" : "Pin Output");
        pin.setDisable(node == null || !pinned && !run.results().containsKey(node));
        BoardRun.NodeResult r = node == null ? null : run.results().get(node);
        value.setText(held ? node + " is held before it starts: its input is above"
                : r == null ? "" : node + " produced " + r.preview() + "  ·  " + (r.bytes() < 0 ? "" : r.bytes() + " bytes  ·  ")
                + "cost " + r.cost() + "  ·  " + r.durationMs() + " ms" + (r.pinned() ? "  ·  pinned data" : ""));
    }
}
