package dev.symphony.ui.chat;

/** Context sent along with the next message: a label for the chip, and the text the model gets. */
public record ContextChip(String label, String text) {
    /** The message part the model reads: the label, then the text fenced. */
    String asMessagePart() {
        String fence = text.contains("```") ? "~~~~" : "```";
        return label + ":\n" + fence + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
