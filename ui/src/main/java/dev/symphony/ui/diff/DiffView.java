package dev.symphony.ui.diff;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.diff.DiffChange;
import dev.symphony.editor.diff.InlineDiff;
import dev.symphony.editor.diff.TextDiff;
import dev.symphony.ui.editor.EditorEnvironment;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.EditorView;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * A diff editor: the two sides in editor views side by side (scrolling together, unchanged lines
 * level), or one inline view with each change's old lines above its new ones. Changed lines and words
 * are coloured; a tool bar counts the changes, steps through them, switches the layout and reverts
 * or accepts the current change when that side may be edited (in a narrow editor area, the items it has no room for
 * are in its "⋯" menu). Build it with {@link DiffEditors} or
 * directly; {@link #dispose} when it closes.
 */
public final class DiffView extends BorderPane {
    public static final String STYLE_CLASS = "diff-view";
    public static final String NEXT_ID = "diff-next";
    public static final String PREVIOUS_ID = "diff-previous";
    public static final String INLINE_ID = "diff-inline";
    public static final String REVERT_ID = "diff-revert";
    public static final String ACCEPT_ID = "diff-accept";
    public static final String COUNT_ID = "diff-count";
    private final DiffViewModel model;
    private final EditorEnvironment env;
    private final EditorPane leftPane;
    private final EditorPane rightPane;
    private final SplitPane sideBySide;
    private final Label count = new Label("Comparing…");
    private EditorPane inlinePane;
    private final javafx.beans.value.ChangeListener<String> onTheme = (o, a, b) -> restyle();
    private boolean syncing;

    public DiffView(DiffViewModel model, EditorEnvironment env) {
        this.model = model;
        this.env = env;
        getStyleClass().add(STYLE_CLASS);
        leftPane = side(model.left().file(), model.left().buffer(), !model.left().editable());
        rightPane = side(model.right().file(), model.right().buffer(), !model.right().editable());
        sideBySide = new SplitPane(leftPane, rightPane);
        setTop(buildToolBar());
        setCenter(sideBySide);
        follow(leftPane.view(), rightPane.view(), true);
        follow(rightPane.view(), leftPane.view(), false);
        model.diffProperty().addListener((o, a, d) -> showDiff(d));
        model.currentProperty().addListener((o, a, b) -> updateCount());
        model.inlineProperty().addListener((o, a, inline) -> showInline(inline));
        env.theme().addListener(onTheme);
    }

    private EditorPane side(java.nio.file.Path file, Buffer buffer, boolean readOnly) {
        EditorPane pane = new EditorPane(file, buffer, readOnly, null, env.bridge());
        env.applySettings(pane.view());
        pane.highlight(env.styles(), env.dark());
        return pane;
    }

    private OverflowToolBar buildToolBar() {
        Label titles = new Label(model.left().title() + "  ↔  " + model.right().title());
        titles.setTooltip(new Tooltip(model.left().file() + "\n" + model.right().file()));
        OverflowToolBar bar = new OverflowToolBar(titles);
        count.setId(COUNT_ID);
        bar.add(count, 60, label(count));
        bar.add(button("↑", PREVIOUS_ID, "Previous Change (Shift+Alt+F5)", this::previous), 90,
                menuItem("Previous Change", this::previous));
        bar.add(button("↓", NEXT_ID, "Next Change (Alt+F5)", this::next), 90, menuItem("Next Change", this::next));
        ToggleButton inline = new ToggleButton("Inline");
        inline.setId(INLINE_ID);
        inline.setTooltip(new Tooltip("Show the changes inline instead of side by side"));
        inline.selectedProperty().bindBidirectional(model.inlineModeProperty());
        inline.setFocusTraversable(false);
        CheckMenuItem inlineItem = new CheckMenuItem("Inline");
        inlineItem.selectedProperty().bindBidirectional(model.inlineModeProperty());
        bar.add(inline, 50, inlineItem);
        if (model.right().editable()) {
            bar.add(button("Revert Change", REVERT_ID, "Put the left side's lines back in place of the current change",
                    this::revertCurrent), 80, menuItem("Revert Change", this::revertCurrent));
        }
        if (model.left().editable()) {
            bar.add(button("Accept Change", ACCEPT_ID, "Take the right side's lines into the left for the current change",
                    this::acceptCurrent), 80, menuItem("Accept Change", this::acceptCurrent));
        }
        bar.getStyleClass().add("diff-tool-bar");
        return bar;
    }

    /** What stands for a button in the tool bar's "⋯" menu. */
    static MenuItem menuItem(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** What stands for a label in the tool bar's "⋯" menu: its text, not clickable. */
    static MenuItem label(Label label) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(label.textProperty());
        item.setDisable(true);
        return item;
    }

    static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    public DiffViewModel model() {
        return model;
    }

    /** The left and right editors of the side-by-side layout. */
    public EditorView leftView() {
        return leftPane.view();
    }

    public EditorView rightView() {
        return rightPane.view();
    }

    /** The inline editor while inline mode shows, else null. */
    public EditorView inlineView() {
        return inlinePane == null || getCenter() != inlinePane ? null : inlinePane.view();
    }

    /**
     * Puts {@code tool} at the end of the tool bar (a review's buttons); {@code priority} and {@code menuItem} as in
     * {@link OverflowToolBar#add}.
     */
    public void addTool(javafx.scene.Node tool, int priority, MenuItem menuItem) {
        toolBar().add(tool, priority, menuItem);
    }

    /** The tool bar: a narrow editor area moves its lower-priority items into its "⋯" menu. */
    public OverflowToolBar toolBar() {
        return (OverflowToolBar) getTop();
    }

    /** Goes to change {@code index} of the latest diff and shows it (nothing when there is no such change). */
    public void goTo(int index) {
        reveal(model.select(index));
    }

    /** Goes to the next change (after the last, the first) and shows it. */
    public void next() {
        reveal(model.next());
    }

    public void previous() {
        reveal(model.previous());
    }

    public void revertCurrent() {
        if (model.revertCurrent()) {
            model.computeNow();
        }
    }

    public void acceptCurrent() {
        if (model.acceptCurrent()) {
            model.computeNow();
        }
    }

    private void reveal(DiffChange change) {
        if (change == null) {
            return;
        }
        InlineDiff inline = model.inlineProperty().get();
        if (inlineView() != null && inline != null) {
            int index = model.currentProperty().get();
            EditorView view = inlineView();
            // after the next layout: a view just built has no height yet to scroll by
            inline.segments().stream().filter(s -> s.change() == index).findFirst()
                    .ifPresent(s -> env.bridge().later(() -> showLine(view, s.line())));
            return;
        }
        syncing = true;
        try {
            showLine(leftPane.view(), change.leftLine());
            showLine(rightPane.view(), change.rightLine());
        } finally {
            syncing = false;
        }
    }

    /** Puts the caret at the start of {@code line} and scrolls it to a third of the way down. */
    private static void showLine(EditorView view, int line) {
        int last = view.buffer().text().lineCount() - 1;
        view.controller().goToLine(Math.min(line, last) + 1, 1);
        view.scrollTo(Math.max(0, line - view.visibleLines() / 3));
    }

    /** Scrolling one side scrolls the other to the lines beside it. */
    private void follow(EditorView from, EditorView to, boolean fromLeft) {
        from.scrollLinesProperty().addListener((o, a, value) -> {
            TextDiff d = model.diffProperty().get();
            if (syncing || d == null) {
                return;
            }
            syncing = true;
            try {
                double v = from.scrollLines(); // the value is in shown rows; folds may hide lines
                int top = (int) Math.floor(v);
                to.scrollTo((fromLeft ? d.rightLineFor(top) : d.leftLineFor(top)) + (v - top));
            } finally {
                syncing = false;
            }
        });
    }

    private void showDiff(TextDiff d) {
        DiffColors colors = DiffColors.of(env.dark());
        leftPane.view().setBackgroundMarks(DiffMarks.left(d, colors));
        rightPane.view().setBackgroundMarks(DiffMarks.right(d, colors));
        updateCount();
    }

    private void updateCount() {
        TextDiff d = model.diffProperty().get();
        if (d == null) {
            count.setText("Comparing…");
        } else if (d.isEmpty()) {
            count.setText("No changes");
        } else {
            int at = model.currentProperty().get();
            int n = d.changes().size();
            count.setText(at < 0 ? n + (n == 1 ? " change" : " changes") : (at + 1) + " of " + n + " changes");
        }
    }

    private void showInline(InlineDiff inline) {
        if (inline == null) {
            setCenter(sideBySide);
            return;
        }
        double scroll = inlinePane == null ? 0 : inlinePane.view().scrollLines();
        if (inlinePane != null) {
            inlinePane.view().dispose();
        }
        inlinePane = side(model.right().file(), new Buffer(inline.text(), System::currentTimeMillis), true);
        EditorView view = inlinePane.view();
        int digits = Integer.toString(Math.max(model.left().buffer().text().lineCount(),
                model.right().buffer().text().lineCount())).length();
        view.setLineLabels(line -> label(inline.lineNumbers(line), digits), 2 * digits + 1);
        view.setBackgroundMarks(DiffMarks.inline(inline, DiffColors.of(env.dark())));
        view.scrollTo(scroll);
        setCenter(inlinePane);
    }

    private static String label(int[] numbers, int digits) {
        String l = numbers[0] == 0 ? "" : Integer.toString(numbers[0]);
        String r = numbers[1] == 0 ? "" : Integer.toString(numbers[1]);
        return " ".repeat(digits - l.length()) + l + " " + " ".repeat(digits - r.length()) + r;
    }

    private void restyle() {
        leftPane.highlight(env.styles(), env.dark());
        rightPane.highlight(env.styles(), env.dark());
        if (inlinePane != null) {
            inlinePane.highlight(env.styles(), env.dark());
        }
        if (model.diffProperty().get() != null) {
            showDiff(model.diffProperty().get());
            showInline(model.inlineProperty().get());
        }
    }

    /** The view closed: its editors and the model let go of both buffers. */
    public void dispose() {
        env.theme().removeListener(onTheme);
        model.dispose();
        for (EditorPane pane : new EditorPane[] {leftPane, rightPane, inlinePane}) {
            if (pane != null) {
                pane.dispose();
                pane.view().dispose();
            }
        }
    }
}
