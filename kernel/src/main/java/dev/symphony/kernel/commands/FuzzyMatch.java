package dev.symphony.kernel.commands;

/**
 * A fuzzy match of a query against a text: its score (higher is better) and which characters of
 * the text matched (for highlighting).
 */
public record FuzzyMatch<T>(T item, String text, int score, int[] positions) {
    public <U> FuzzyMatch<U> withItem(U newItem) {
        return new FuzzyMatch<>(newItem, text, score, positions);
    }
}
