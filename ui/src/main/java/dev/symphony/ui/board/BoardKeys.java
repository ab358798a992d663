package dev.symphony.ui.board;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The focused board's keys: the first {@link BoardActions} entry whose key matches runs. */
final class BoardKeys {
    private final BoardView board;
    private final List<KeyCombination> combinations = new ArrayList<>();

    BoardKeys(BoardView board, BoardViewModel vm) {
        this.board = board;
        BoardActions.ALL.forEach(a -> combinations.add(a.combination()));
    }

    void handle(KeyEvent e) {
        for (int i = 0; i < combinations.size(); i++) {
            KeyCombination k = combinations.get(i);
            if (k != null && k.match(e)) {
                BoardActions.ALL.get(i).run().accept(board);
                e.consume();
                return;
            }
        }
    }
}
