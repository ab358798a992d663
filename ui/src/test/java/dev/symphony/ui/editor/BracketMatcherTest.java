package dev.symphony.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.symphony.editor.text.Rope;
import org.junit.jupiter.api.Test;

class BracketMatcherTest {
    @Test
    void matchesNestedBracketsInBothDirections() {
        Rope rope = Rope.of("f(a[1], {b}) x");
        assertArrayEquals(new int[] {1, 11}, BracketMatcher.match(rope, 1));
        assertArrayEquals(new int[] {11, 1}, BracketMatcher.match(rope, 12), "caret just after ')'");
        assertArrayEquals(new int[] {3, 5}, BracketMatcher.match(rope, 3));
        assertNull(BracketMatcher.match(rope, 14));
        assertNull(BracketMatcher.match(Rope.of("(((("), 0), "unbalanced");
    }
}
