package dev.symphony.ui.addons;

import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * The markdown component: CommonMark parsed by commonmark-java and shown as styled text (headings, emphasis, strong,
 * inline code, paragraphs). Links and images show as their text: a view never opens what an extension points at.
 */
final class MarkdownText extends TextFlow {
    private static final Parser PARSER = Parser.builder().build();

    void show(String markdown) {
        getChildren().clear();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            private boolean bold;
            private boolean italic;
            private double size = Font.getDefault().getSize();

            @Override
            public void visit(org.commonmark.node.Text text) {
                Text t = new Text(text.getLiteral());
                t.getStyleClass().add("text");
                t.setFont(Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL,
                        italic ? FontPosture.ITALIC : FontPosture.REGULAR, size));
                getChildren().add(t);
            }

            @Override
            public void visit(Code code) {
                Text t = new Text(code.getLiteral());
                t.setFont(Font.font("monospace", size));
                getChildren().add(t);
            }

            @Override
            public void visit(Heading heading) {
                double was = size;
                bold = true;
                size = Font.getDefault().getSize() * (heading.getLevel() <= 1 ? 1.5 : heading.getLevel() == 2 ? 1.3 : 1.1);
                visitChildren(heading);
                bold = false;
                size = was;
                getChildren().add(new Text("\n"));
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                getChildren().add(new Text("\n"));
            }

            @Override
            public void visit(Emphasis emphasis) {
                italic = true;
                visitChildren(emphasis);
                italic = false;
            }

            @Override
            public void visit(StrongEmphasis strong) {
                bold = true;
                visitChildren(strong);
                bold = false;
            }

            @Override
            public void visit(SoftLineBreak br) {
                getChildren().add(new Text(" "));
            }

            @Override
            public void visit(HardLineBreak br) {
                getChildren().add(new Text("\n"));
            }
        });
    }
}
