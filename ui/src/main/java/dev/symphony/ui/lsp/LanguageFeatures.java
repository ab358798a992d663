package dev.symphony.ui.lsp;

import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

/**
 * What language servers offer in the editor, wired to keys, mouse and the palette: completion (typing, Ctrl+Space)
 * and its snippets' tab stops (Tab, Shift+Tab, Escape; {@link SnippetMode}), go to definition (F12, Ctrl+click), hover
 * (the mouse resting on a name, or Show Hover), rename (F2 in an editor, Rename Symbol), quick fixes (Ctrl+., the light
 * bulb), Format Document (Ctrl+Shift+I), signature help (typing {@code (} or {@code ,}, Ctrl+Shift+Space), Find All
 * References (Shift+F12), Go to Symbol in Editor (Ctrl+Shift+O) and in Workspace (Ctrl+T), Go to Declaration, Type
 * Definition and Implementations (Ctrl+F12), Format Selection (Shift+Alt+F) and format on save
 * ({@code editor.formatOnSave}), document highlights (the caret resting on a name), the References view (Shift+Alt+F12,
 * docked in the panel), the Outline view (Focus on Outline View, in the side bar), and semantic tokens over TextMate's
 * styles and inlay hints inside the lines of the active editor ({@link SemanticHighlighting}, {@link InlayHints}), and its
 * foldable regions ({@link FoldingRanges}).
 * Requests go to the extension that syncs the document ({@code documentSync.requests}) through {@link ServerRequests};
 * nothing here waits for an answer. JavaFX thread.
 */
public final class LanguageFeatures {
    public static final String TRIGGER_SUGGEST = "editor.action.triggerSuggest";
    public static final String GO_TO_DEFINITION = "editor.action.revealDefinition";
    public static final String SHOW_HOVER = "editor.action.showHover";
    public static final String RENAME = "editor.action.rename";
    public static final String QUICK_FIX = "editor.action.quickFix";
    public static final String FORMAT = "editor.action.formatDocument";
    public static final String FORMAT_SELECTION = "editor.action.formatSelection";
    public static final String GO_TO_DECLARATION = "editor.action.revealDeclaration";
    public static final String GO_TO_TYPE_DEFINITION = "editor.action.goToTypeDefinition";
    public static final String GO_TO_IMPLEMENTATION = "editor.action.goToImplementation";
    public static final String PARAMETER_HINTS = "editor.action.triggerParameterHints";
    public static final String REFERENCES = "editor.action.referenceSearch.trigger";
    public static final String DOCUMENT_SYMBOLS = "workbench.action.gotoSymbol";
    public static final String REFERENCES_VIEW = "references-view.findReferences";
    public static final String OUTLINE = "outline.focus";
    public static final String WORKSPACE_SYMBOLS = "workbench.action.showAllSymbols";
    private final Workbench workbench;
    private final ServerRequests requests;
    private final CompletionPopup completion;
    private final SnippetMode snippets = new SnippetMode();
    private final HoverTip hover;
    private final RenameFlow rename;
    private final CodeActionMenu codeActions;
    private final DocumentFormatting formatting;
    private final SignatureTip signature;
    private final LocationPicker places;
    private final GoTo goTo;
    private final DocumentHighlights highlights;
    private final ReferencesView referencesView;
    private final OutlineView outline;
    private final SemanticHighlighting semantic;
    private final InlayHints inlayHints;
    private final FoldingRanges foldingRanges;
    private final ServerEdits serverEdits;
    private final EditPreview serverEditPreview;
    private final Consumer<String> status;

    private LanguageFeatures(Workbench workbench, DocumentSyncs syncs) {
        this.workbench = workbench;
        this.requests = new ServerRequests(syncs);
        this.status = workbench.window().statusMessageProperty()::set;
        Overlay overlay = new Overlay();
        workbench.mainView().addOverlay(overlay);
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setMargin(overlay, Insets.EMPTY);
        completion = new CompletionPopup(requests, overlay, status, snippets);
        hover = new HoverTip(requests, overlay);
        rename = new RenameFlow(requests, overlay, workbench.tabs(), workbench.window().workspaceProperty()::get, status);
        var settings = workbench.services().settings();
        formatting = new DocumentFormatting(requests, status, d -> {
            EditorPane pane = workbench.tabsView().editorOf(d);
            return pane != null ? pane.view().tabSize() : settings.getInt("editor.tabSize");
        }, () -> settings.getBoolean("editor.formatOnSave"));
        signature = new SignatureTip(requests, overlay);
        places = new LocationPicker(requests, overlay, workbench.window().workspaceProperty()::get, workbench::openFileAt, status);
        goTo = new GoTo(requests, places, workbench::openFileAt, status);
        highlights = new DocumentHighlights(requests);
        referencesView = new ReferencesView(requests, workbench.tabs(), workbench.window().workspaceProperty()::get, workbench::openFileAt,
                status, workbench.services().bridge(), workbench.mainView()::showInPanel);
        semantic = new SemanticHighlighting(requests);
        inlayHints = new InlayHints(requests);
        foldingRanges = new FoldingRanges(requests);
        outline = new OutlineView(requests, workbench.window().workspaceProperty()::get, workbench::openFileAt);
        codeActions = new CodeActionMenu(requests, overlay, workbench.tabs(), workbench.window().workspaceProperty()::get, status);
        serverEditPreview = new EditPreview(overlay, ServerEdits.PREVIEW_ID, ServerEdits.APPLY_ID, ServerEdits.CANCEL_ID);
        var bridge = workbench.services().bridge();
        serverEdits = new ServerEdits(p -> workbench.tabs().find(p).map(OpenDocument::buffer).orElse(null),
                p -> workbench.tabs().find(p).map(OpenDocument::isReadOnly).orElse(false), workbench.window().workspaceProperty()::get,
                (title, lines, apply, reject) -> serverEditPreview.show(title, lines, apply, reject, box -> overlay.placeAt(box, 40, 40)),
                syncs::answerApplyEdit, new ServerEdits.Offload() {
                    @Override
                    public <T> void compute(java.util.function.Supplier<T> work, Consumer<T> onResult) {
                        bridge.compute(work, onResult, e -> status.accept("A server's edit failed: " + e.getMessage()));
                    }
                }, status);
        syncs.onApplyEdit(serverEdits::handle);
    }

    /** Registers the commands and the editor area's key and mouse handling. */
    public static LanguageFeatures attach(Workbench workbench, DocumentSyncs syncs) {
        LanguageFeatures f = new LanguageFeatures(workbench, syncs);
        var w = workbench.window();
        w.command(TRIGGER_SUGGEST, "Trigger Suggest", "Editor", "Shortcut+Space", () -> f.withEditor(f.completion::trigger));
        w.command(GO_TO_DEFINITION, "Go to Definition", "Editor", "F12", () -> f.goTo(GoTo.Kind.DEFINITION));
        w.command(GO_TO_DECLARATION, "Go to Declaration", "Editor", null, () -> f.goTo(GoTo.Kind.DECLARATION));
        w.command(GO_TO_TYPE_DEFINITION, "Go to Type Definition", "Editor", null, () -> f.goTo(GoTo.Kind.TYPE_DEFINITION));
        w.command(GO_TO_IMPLEMENTATION, "Go to Implementations", "Editor", "Shortcut+F12", () -> f.goTo(GoTo.Kind.IMPLEMENTATION));
        w.command(SHOW_HOVER, "Show Hover", "Editor", null, () -> f.withEditor(f.hover::atCaret));
        w.command(RENAME, "Rename Symbol", "Editor", null, () -> f.withEditor(f.rename::start));
        w.command(QUICK_FIX, "Quick Fix…", "Editor", "Shortcut+Period", () -> f.withEditor(f.codeActions::show));
        w.command(FORMAT, "Format Document", "Editor", "Shortcut+Shift+I", () -> f.withEditor(f.formatting::format));
        w.command(FORMAT_SELECTION, "Format Selection", "Editor", "Shift+Alt+F", () -> f.withEditor(f.formatting::formatSelection));
        workbench.tabs().setBeforeSave(f.formatting::beforeSave);
        w.command(PARAMETER_HINTS, "Trigger Parameter Hints", "Editor", "Shortcut+Shift+Space", () -> f.withEditor(f.signature::trigger));
        w.command(REFERENCES, "Find All References", "Editor", "Shift+F12", () -> f.withEditor(f.places::references));
        w.command(REFERENCES_VIEW, "Find All References in View", "Editor", "Shift+Alt+F12", () -> f.withEditor(f.referencesView::find));
        w.command(OUTLINE, "Focus on Outline View", "View", null, () -> {
            workbench.mainView().showInSideBar(f.outline);
            f.outline.follow(workbench.tabs().selectedProperty().get());
        });
        w.command(DOCUMENT_SYMBOLS, "Go to Symbol in Editor…", "Editor", "Shortcut+Shift+O", () -> f.withEditor(f.places::documentSymbols));
        w.command(WORKSPACE_SYMBOLS, "Go to Symbol in Workspace…", "Editor", "Shortcut+T", () -> f.withEditor(f.places::workspaceSymbols));
        Node area = workbench.tabsView();
        area.addEventFilter(KeyEvent.KEY_PRESSED, f::keyPressed);
        area.addEventFilter(KeyEvent.KEY_TYPED, f::keyTyped);
        area.addEventFilter(KeyEvent.KEY_RELEASED, e -> f.withEditor(f::caretMoved));
        area.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> f.withEditor(f::caretMoved));
        area.addEventFilter(MouseEvent.MOUSE_MOVED, f::mouseMoved);
        area.addEventFilter(MouseEvent.MOUSE_EXITED, e -> f.hover.mouseLeft());
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, f::mousePressed);
        area.addEventFilter(ScrollEvent.SCROLL, e -> {
            f.hover.hide();
            f.completion.close();
            f.codeActions.close();
            f.codeActions.hideBulb();
            f.signature.hide();
        });
        workbench.tabs().selectedProperty().addListener((o, was, now) -> {
            javafx.application.Platform.runLater(() -> f.withEditor(f::shown)); // once its editor is the active one
            f.highlights.reset();
            if (f.outline.isShown()) {
                f.outline.follow(now);
            }
            f.hover.hide();
            f.signature.hide();
            f.places.close();
            f.completion.close();
            f.snippets.end();
            f.codeActions.close();
            f.codeActions.hideBulb();
        });
        f.withEditor(f::shown);
        return f;
    }

    /** {@code view} became the active editor: its semantic tokens, inlay hints and folding ranges follow it. */
    private void shown(EditorView view, OpenDocument document) {
        semantic.shown(view, document);
        inlayHints.shown(view, document);
        foldingRanges.shown(view, document);
    }

    private void keyPressed(KeyEvent e) {
        hover.hide();
        if (completion.key(e) || codeActions.key(e)) {
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && signature.isShowing()) {
            signature.hide();
            e.consume();
        } else if (snippets.key(e, viewOf(e.getTarget()))) {
            e.consume();
        } else if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && editorFocused(e)) {
            e.consume();
            withEditor(rename::start);
        }
    }

    private void keyTyped(KeyEvent e) {
        String c = e.getCharacter();
        if (c.length() != 1 || e.isShortcutDown() || e.isAltDown() || !editorFocused(e)) {
            return;
        }
        withEditor((v, d) -> {
            completion.typed(v, d, c.charAt(0));
            signature.typed(v, d, c.charAt(0));
        });
    }

    private void mouseMoved(MouseEvent e) {
        EditorView view = viewOf(e.getTarget());
        OpenDocument d = view == null ? null : documentOf(view);
        if (d == null || !requests.serves(d)) {
            hover.mouseLeft();
            return;
        }
        hover.mouseAt(view, d, view.sceneToLocal(e.getSceneX(), e.getSceneY()));
    }

    private void mousePressed(MouseEvent e) {
        hover.hide();
        signature.hide();
        places.close();
        completion.close();
        codeActions.close(); // the overlay is not inside the editor area: a click on the list or the bulb is not seen here
        EditorView view = viewOf(e.getTarget());
        if (view != null && e.isShortcutDown() && e.isPrimaryButtonDown()) {
            OpenDocument d = documentOf(view);
            if (d != null && requests.serves(d)) {
                Point2D p = view.sceneToLocal(e.getSceneX(), e.getSceneY());
                goTo.go(GoTo.Kind.DEFINITION, view, d, view.offsetAt(p.getX(), p.getY()));
                e.consume();
            }
        }
    }

    private void goTo(GoTo.Kind kind) {
        withEditor((v, d) -> goTo.go(kind, v, d, caret(v)));
    }

    private void caretMoved(EditorView view, OpenDocument document) {
        codeActions.caretMoved(view, document);
        highlights.caretMoved(view, document);
    }

    private void withEditor(java.util.function.BiConsumer<EditorView, OpenDocument> action) {
        EditorPane pane = workbench.tabsView().activeEditor();
        OpenDocument d = pane == null ? null : documentOf(pane.view());
        if (d != null) {
            action.accept(pane.view(), d);
        }
    }

    private OpenDocument documentOf(EditorView view) {
        for (OpenDocument d : workbench.tabs().documents()) {
            if (d.buffer() == view.buffer()) {
                return d;
            }
        }
        return null;
    }

    private static boolean editorFocused(KeyEvent e) {
        return viewOf(e.getTarget()) != null;
    }

    private static EditorView viewOf(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof EditorView v) {
                return v;
            }
        }
        return null;
    }

    private static int caret(EditorView v) {
        var s = v.buffer().selections();
        return s.get(s.size() - 1).head();
    }

    CompletionPopup completion() {
        return completion;
    }

    SnippetMode snippets() {
        return snippets;
    }

    HoverTip hover() {
        return hover;
    }

    RenameFlow rename() {
        return rename;
    }

    SignatureTip signature() {
        return signature;
    }

    LocationPicker places() {
        return places;
    }

    SemanticHighlighting semantic() {
        return semantic;
    }

    InlayHints inlayHints() {
        return inlayHints;
    }

    ReferencesView referencesView() {
        return referencesView;
    }

    OutlineView outline() {
        return outline;
    }

    DocumentHighlights highlights() {
        return highlights;
    }

    /** The approval prompt of a server's edit to files not open (tests). */
    EditPreview serverEditPreview() {
        return serverEditPreview;
    }

    CodeActionMenu codeActions() {
        return codeActions;
    }

    ServerRequests requests() {
        return requests;
    }
}
