package dev.symphony.ui.board;

import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * A Melody tab's run controls: ▶ Run, ▶ From Node, ■ Stop and the run's status in the tab's toolbar, and the
 * {@link RunPanel} below the board (opened by a run). A Melody that declares inputs asks for them first
 * ({@link RunInputsForm}); what was typed is kept for the tab's next run.
 */
final class MelodyRunControls {
    private final Button runButton = new Button("▶ Run");
    private final Button stopButton = new Button("■ Stop");
    private final Label runStatus = new Label();
    private final Button runFromButton = new Button("▶ From Node");
    private final BorderPane boardArea;
    private BoardRun run;
    private RunPanel runPanel;
    private BoardViewModel vm;
    private BoardView board;
    private Map<String, String> typedInputs;

    /** {@code canRun}: a conductor is there to run Melodies; {@code onRun}, {@code onRunFrom}: what the buttons do. */
    MelodyRunControls(BorderPane boardArea, boolean canRun, Runnable onRun, Runnable onRunFrom) {
        this.boardArea = boardArea;
        runButton.setId(MelodyTab.RUN_ID);
        stopButton.setId(MelodyTab.STOP_ID);
        runStatus.setId(MelodyTab.RUN_STATUS_ID);
        runFromButton.setId(MelodyTab.RUN_FROM_ID);
        runFromButton.setDisable(true);
        runFromButton.setOnAction(e -> onRunFrom.run());
        stopButton.setDisable(true);
        runButton.setDisable(!canRun);
        runButton.setOnAction(e -> onRun.run());
        stopButton.setOnAction(e -> {
            if (run != null) {
                run.stop();
            }
        });
    }

    /** The toolbar's items, in order. */
    List<Node> toolbarItems() {
        return List.of(runButton, runFromButton, stopButton, runStatus);
    }

    /** The board's run, once there is a board: the buttons follow it. */
    void attach(BoardRun run, BoardViewModel vm, BoardView board) {
        this.run = run;
        this.vm = vm;
        this.board = board;
        runPanel = new RunPanel(run, vm);
        runStatus.textProperty().bind(run.statusProperty());
        stopButton.disableProperty().bind(run.runningProperty().not());
        runButton.disableProperty().bind(run.runningProperty());
        runFromButton.disableProperty().bind(run.runningProperty().or(Bindings.size(run.log()).isEqualTo(0))
                .or(Bindings.size(vm.selection()).isNotEqualTo(1)));
    }

    BoardRun run() {
        return run;
    }

    RunPanel panel() {
        return runPanel;
    }

    /** Runs the Melody as the board shows it (the board is shown); the run panel opens below the board. */
    void start() {
        if (run == null || run.runningProperty().get()) {
            return;
        }
        boardArea.setBottom(runPanel);
        var melody = run.melody();
        var fields = melody == null ? List.<RunInputs.Field>of() : RunInputs.of(melody);
        if (fields.isEmpty()) {
            runPanel.showInputs(null);
            run.start();
            return;
        }
        RunInputsForm[] form = new RunInputsForm[1];
        form[0] = new RunInputsForm(fields, typedInputs, inputs -> {
            typedInputs = form[0].typed();
            runPanel.showInputs(null);
            run.start(inputs);
            board.requestFocus();
        }, () -> {
            typedInputs = form[0].typed();
            runPanel.showInputs(null);
        });
        runPanel.showInputs(form[0]);
        Platform.runLater(() -> form[0].lookupAll(".text-field").stream().findFirst().ifPresent(Node::requestFocus));
    }

    /** Runs the selected node and what follows it again (the board is shown). */
    void startFromSelected() {
        if (run == null || vm.selection().size() != 1) {
            return;
        }
        boardArea.setBottom(runPanel);
        run.startFrom(vm.selection().iterator().next());
    }
}
