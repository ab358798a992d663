package dev.symphony.ui.chat;

/**
 * Context sent along with the next message: a label for the chip, and the text the model gets; {@code error} says why
 * a chip has no text (a URL that could not be fetched, or "fetching…" while it is), and such a chip is not sent.
 */
public record ContextChip(String label, String text, String error) {
    public ContextChip(String label, String text) {
        this(label, text, null);
    }

    /** A chip whose text is not there: it shows {@code error} and is left out of the message. */
    static ContextChip failed(String label, String error) {
        return new ContextChip(label, "", error);
    }

    /** True when the chip has its text and goes with the message. */
    boolean usable() {
        return error == null;
    }

    /** The message part the model reads: the label, then the text fenced. */
    String asMessagePart() {
        String fence = text.contains("```") ? "~~~~" : "```";
        return label + ":\n" + fence + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
