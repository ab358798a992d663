package dev.symphony.ui.editor;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.ui.editor.find.FindBar;
import dev.symphony.ui.editor.find.FindModel;
import dev.symphony.ui.editor.find.GoToLineBar;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.symphony.ui.FxBridge;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * One editor tab's content: an optional notice, the find/replace and go-to-line bars (built when
 * first used), and the {@link EditorView}. It owns the view's style source and coalesces the
 * source's "styles ready" calls into at most one pending repaint on the FX thread.
 */
public final class EditorPane extends BorderPane {
    private final EditorView view;
    private final Path file;
    private final VBox top = new VBox();
    private final FxBridge bridge;
    private final AtomicBoolean repaintPending = new AtomicBoolean();
    private FindBar findBar;
    private GoToLineBar goToLine;

    private final String notice;

    public EditorPane(Path file, Buffer buffer, boolean readOnly, String notice, FxBridge bridge) {
        this(file, new EditorView(buffer), readOnly, notice, bridge);
    }

    private EditorPane(Path file, EditorView view, boolean readOnly, String notice, FxBridge bridge) {
        this.file = file;
        this.bridge = bridge;
        this.notice = notice;
        this.view = view;
        view.setReadOnly(readOnly);
        if (notice != null) {
            Label label = new Label(notice);
            label.getStyleClass().add(dev.symphony.ui.shell.Styles.PROBLEM_BANNER);
            label.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(label);
        }
        setTop(top);
        setCenter(view);
        view.controller().setPairs(dev.symphony.editor.pairs.BracketPairs.of(languageId().orElse(null)));
    }

    public EditorView view() {
        return view;
    }

    /**
     * A second editor of the same document (shown in another editor group): one buffer, one history, carets
     * and scrolling of its own. Style it with {@link #highlight} like this one.
     */
    public EditorPane twin() {
        EditorPane twin = new EditorPane(file, new EditorView(view.buffer(), view), view.isReadOnly(), notice, bridge);
        twin.view.controller().setNewline(view.controller().newline());
        return twin;
    }

    public Path file() {
        return file;
    }

    /** The comment tokens of the file's language (by its name and first line), if it has any. */
    public java.util.Optional<dev.symphony.editor.comment.CommentSyntax> commentSyntax() {
        return languageId().flatMap(dev.symphony.editor.comment.CommentSyntax::of);
    }

    /** The file's language id (by its name and first line); empty for an untitled document or an unknown kind. */
    public java.util.Optional<String> languageId() {
        if (file == null || file.getFileName() == null) {
            return java.util.Optional.empty();
        }
        dev.symphony.editor.text.Rope text = view.buffer().text();
        String firstLine = text.substring(0, text.lineEnd(0));
        return dev.symphony.editor.syntax.LanguageRegistry.builtIn().detect(file.getFileName().toString(), firstLine)
                .map(dev.symphony.editor.syntax.Language::id);
    }

    /** (Re)opens the style source for the current theme; the old one is closed. */
    public void highlight(StyleSources sources, boolean dark) {
        view.setColors(sources.colors(dark));
        view.setStyleSource(sources.open(file, view.buffer().text(), dark, this::stylesReady));
    }

    private void stylesReady() {
        if (!view.isStyled()) {
            dev.symphony.ui.probe.StartupTrace.mark("first styles ready");
        }
        if (repaintPending.compareAndSet(false, true)) {
            bridge.later(() -> {
                repaintPending.set(false);
                view.stylesChanged();
            });
        }
    }

    public FindModel find() {
        return findBar().model();
    }

    private FindBar findBar() {
        if (findBar == null) {
            findBar = new FindBar(new FindModel(view, bridge), this::closeBars);
        }
        return findBar;
    }

    /** Ctrl+F / Ctrl+H: shows the find bar (with replace) seeded from the selection, focus in its field. */
    public void showFind(boolean replace) {
        FindBar bar = findBar();
        if (!top.getChildren().contains(bar)) {
            top.getChildren().add(bar);
        }
        top.getChildren().remove(goToLine);
        bar.show(replace);
    }

    public void showGoToLine() {
        if (goToLine == null) {
            goToLine = new GoToLineBar(view.controller(), this::closeBars);
        }
        if (!top.getChildren().contains(goToLine)) {
            top.getChildren().add(goToLine);
        }
        goToLine.show();
    }

    private void closeBars() {
        top.getChildren().removeIf(n -> n == findBar || n == goToLine);
        if (findBar != null) {
            findBar.model().cancel(); // a count still running stops
            findBar.model().clearHighlights();
        }
        view.requestFocus();
    }

    public boolean isFindShown() {
        return findBar != null && top.getChildren().contains(findBar);
    }

    /** Stops the style source (tab closed). */
    public void dispose() {
        view.setStyleSource(LineStyleSource.PLAIN);
    }
}
