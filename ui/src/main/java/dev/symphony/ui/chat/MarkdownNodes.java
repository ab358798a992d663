package dev.symphony.ui.chat;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A model's Markdown as JavaFX nodes, parsed by commonmark (CommonMark 0.31): paragraphs and headings as text
 * flows with bold, italic, code and links styled; lists, quotes, rules; code blocks with their language and
 * Copy / Insert buttons. HTML in the answer is shown as its text, never interpreted (a model's output is hostile),
 * and a link is shown with its address rather than opened.
 */
final class MarkdownNodes {
    /** CSS classes, in one place (workbench.css). */
    static final String CODE_BLOCK = "chat-code-block";
    static final String CODE_TEXT = "chat-code";
    static final String INLINE_CODE = "chat-inline-code";
    static final String COPY_ID_PREFIX = "chat-code-copy";
    static final String INSERT_ID_PREFIX = "chat-code-insert";

    /** What a code block's buttons do with its text, and what colours it ({@code styler}: null leaves it plain). */
    record CodeActions(Consumer<String> copy, Consumer<String> insert, Styler styler) {
        CodeActions(Consumer<String> copy, Consumer<String> insert) {
            this(copy, insert, null);
        }

        CodeActions styledBy(Styler with) {
            return new CodeActions(copy, insert, with);
        }
    }

    /** Colours a code block: may replace {@code flow}'s plain text later, on the JavaFX thread. */
    interface Styler {
        void style(String language, String text, TextFlow flow);
    }

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownNodes() {
    }

    static VBox render(String markdown, CodeActions actions) {
        VBox box = new VBox(6);
        box.getStyleClass().add("chat-markdown");
        PARSER.parse(markdown).accept(new Blocks(box, actions));
        return box;
    }

    /** Top-level and nested blocks into a VBox. */
    private static final class Blocks extends AbstractVisitor {
        private final VBox into;
        private final CodeActions actions;

        Blocks(VBox into, CodeActions actions) {
            this.into = into;
            this.actions = actions;
        }

        @Override
        public void visit(Paragraph p) {
            into.getChildren().add(inline(p, "chat-paragraph"));
        }

        @Override
        public void visit(Heading h) {
            into.getChildren().add(inline(h, "chat-heading-" + Math.min(h.getLevel(), 3)));
        }

        @Override
        public void visit(FencedCodeBlock c) {
            into.getChildren().add(code(c.getLiteral(), c.getInfo()));
        }

        @Override
        public void visit(IndentedCodeBlock c) {
            into.getChildren().add(code(c.getLiteral(), ""));
        }

        @Override
        public void visit(HtmlBlock h) {
            TextFlow flow = new TextFlow(new Text(h.getLiteral()));
            flow.getStyleClass().add("chat-paragraph");
            into.getChildren().add(flow);
        }

        @Override
        public void visit(ThematicBreak t) {
            into.getChildren().add(new Separator());
        }

        @Override
        public void visit(BlockQuote q) {
            VBox quote = new VBox(4);
            quote.getStyleClass().add("chat-quote");
            visitChildren(q, quote);
            into.getChildren().add(quote);
        }

        @Override
        public void visit(BulletList list) {
            items(list, false, 0);
        }

        @Override
        public void visit(OrderedList list) {
            items(list, true, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber());
        }

        private void items(org.commonmark.node.Node list, boolean ordered, int start) {
            VBox items = new VBox(2);
            int n = start;
            for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    VBox body = new VBox(2);
                    visitChildren(item, body);
                    Label marker = new Label(ordered ? (n++) + "." : "•");
                    marker.setMinWidth(Region.USE_PREF_SIZE);
                    HBox row = new HBox(6, marker, body);
                    HBox.setHgrow(body, Priority.ALWAYS);
                    items.getChildren().add(row);
                }
            }
            into.getChildren().add(items);
        }

        private void visitChildren(org.commonmark.node.Node parent, VBox box) {
            Blocks nested = new Blocks(box, actions);
            for (org.commonmark.node.Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
                c.accept(nested);
            }
        }

        private Node code(String literal, String info) {
            String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
            String language = info == null ? "" : info.strip().split("\\s+", 2)[0];
            Label lang = new Label(language.isEmpty() ? "code" : language);
            lang.getStyleClass().add("chat-code-language");
            Button copy = new Button("Copy");
            copy.setOnAction(e -> actions.copy().accept(text));
            Button insert = new Button("Insert");
            insert.setOnAction(e -> actions.insert().accept(text));
            int index = System.identityHashCode(literal);
            copy.setId(COPY_ID_PREFIX + "-" + index);
            insert.setId(INSERT_ID_PREFIX + "-" + index);
            copy.getStyleClass().addAll("small", "flat");
            insert.getStyleClass().addAll("small", "flat");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox header = new HBox(4, lang, spacer, copy, insert);
            header.setAlignment(Pos.CENTER_LEFT);
            Text body = new Text(text);
            body.getStyleClass().add(CODE_TEXT);
            TextFlow flow = new TextFlow(body);
            if (actions.styler() != null) {
                actions.styler().style(language, text, flow);
            }
            VBox block = new VBox(2, header, flow);
            block.getStyleClass().add(CODE_BLOCK);
            return block;
        }
    }

    /** A paragraph's or heading's inline content as one text flow. */
    private static TextFlow inline(org.commonmark.node.Node block, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        block.accept(new Inlines(flow));
        return flow;
    }

    private static final class Inlines extends AbstractVisitor {
        private final TextFlow flow;
        private boolean bold;
        private boolean italic;

        Inlines(TextFlow flow) {
            this.flow = flow;
        }

        private void add(String text, String... classes) {
            Text t = new Text(text);
            t.getStyleClass().add("chat-text");
            t.getStyleClass().addAll(classes);
            if (bold) {
                t.getStyleClass().add("chat-bold");
            }
            if (italic) {
                t.getStyleClass().add("chat-italic");
            }
            flow.getChildren().add(t);
        }

        @Override
        public void visit(org.commonmark.node.Text text) {
            add(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            add(code.getLiteral(), INLINE_CODE);
        }

        @Override
        public void visit(StrongEmphasis e) {
            boolean was = bold;
            bold = true;
            visitChildren(e);
            bold = was;
        }

        @Override
        public void visit(Emphasis e) {
            boolean was = italic;
            italic = true;
            visitChildren(e);
            italic = was;
        }

        @Override
        public void visit(Link link) {
            visitChildren(link);
            add(" <" + link.getDestination() + ">", "chat-link");
        }

        @Override
        public void visit(HtmlInline html) {
            add(html.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak b) {
            add(" ");
        }

        @Override
        public void visit(HardLineBreak b) {
            add("\n");
        }
    }
}
