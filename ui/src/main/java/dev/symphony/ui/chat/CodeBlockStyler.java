package dev.symphony.ui.chat;

import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.TokenLook;
import dev.symphony.ui.editor.syntax.CodeHighlighter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Colours the chat's code blocks with the editor's TextMate grammars and theme ({@link CodeHighlighter}), light or
 * dark as {@link #darkProperty()} says: tokenized on one low-priority thread of the chat's, the block's plain text
 * replaced on the JavaFX thread when done (unless the block was rendered again meanwhile). Recent blocks are kept, so
 * re-rendering an answer does not tokenize its blocks again.
 */
final class CodeBlockStyler implements MarkdownNodes.Styler, AutoCloseable {
    /** The style class of a token's text in a highlighted block (besides {@link MarkdownNodes#CODE_TEXT}). */
    static final String TOKEN_CLASS = "chat-code-token";
    private static final int KEPT = 64;
    private final FxBridge bridge;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chat-highlight");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<Key, List<List<CodeHighlighter.Run>>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<List<CodeHighlighter.Run>>> eldest) {
            return size() > KEPT;
        }
    };

    private record Key(boolean dark, String language, String text) {
    }

    CodeBlockStyler(FxBridge bridge) {
        this.bridge = bridge;
    }

    /** True: the dark theme's colours (the window's theme, bound by the chat's wiring). */
    BooleanProperty darkProperty() {
        return dark;
    }

    @Override
    public void style(String language, String text, TextFlow flow) {
        if (language.isEmpty()) {
            return;
        }
        Key key = new Key(dark.get(), language.toLowerCase(Locale.ROOT), text);
        List<List<CodeHighlighter.Run>> runs;
        synchronized (kept) {
            runs = kept.get(key);
        }
        if (runs != null) {
            apply(flow, text, runs);
            return;
        }
        try {
            worker.execute(() -> CodeHighlighter.highlight(key.language(), text, key.dark()).ifPresent(lines -> {
                synchronized (kept) {
                    kept.put(key, lines);
                }
                bridge.onFx(() -> apply(flow, text, lines));
            }));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the window closed: the block stays plain
        }
    }

    /** The block's text as coloured runs; nothing when the flow shows something else by now. */
    private static void apply(TextFlow flow, String text, List<List<CodeHighlighter.Run>> lines) {
        if (flow.getChildren().size() != 1 || !(flow.getChildren().get(0) instanceof Text plain) || !plain.getText().equals(text)) {
            return;
        }
        String[] source = text.split("\n", -1);
        List<Text> nodes = new ArrayList<>();
        for (int i = 0; i < lines.size() && i < source.length; i++) {
            for (CodeHighlighter.Run run : lines.get(i)) {
                nodes.add(token(source[i].substring(run.start(), run.end()), run.look()));
            }
            if (i + 1 < source.length) {
                nodes.add(token("\n", TokenLook.PLAIN));
            }
        }
        flow.getChildren().setAll(nodes);
    }

    private static Text token(String text, TokenLook look) {
        Text t = new Text(text);
        t.getStyleClass().addAll(MarkdownNodes.CODE_TEXT, TOKEN_CLASS);
        StringBuilder style = new StringBuilder();
        if (look.fill() != null) { // inline, so it wins over the stylesheet's default code colour
            style.append("-fx-fill: ").append(web(look.fill())).append(';');
        }
        if (look.bold()) {
            style.append("-fx-font-weight: bold;");
        }
        if (look.italic()) {
            style.append("-fx-font-style: italic;");
        }
        t.setStyle(style.toString());
        t.setUnderline(look.underline());
        return t;
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
