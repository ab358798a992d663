package dev.symphony.editor.indent;

/** Tabs or spaces, and how many columns one level is. */
public record IndentStyle(boolean tabs, int width) {

    public static final IndentStyle DEFAULT = new IndentStyle(false, 4);

    public IndentStyle {
        if (width < 1 || width > 16) {
            throw new IllegalArgumentException("indent width must be 1..16, was " + width);
        }
    }

    /** The text of one indentation level. */
    public String unit() {
        return tabs ? "\t" : " ".repeat(width);
    }

    /** Columns taken by a whitespace prefix (tabs expand to the next multiple of the width). */
    public int columns(CharSequence indent) {
        int col = 0;
        for (int i = 0; i < indent.length(); i++) {
            col = indent.charAt(i) == '\t' ? (col / width + 1) * width : col + 1;
        }
        return col;
    }
}
