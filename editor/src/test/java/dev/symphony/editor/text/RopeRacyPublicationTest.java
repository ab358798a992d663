package dev.symphony.editor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * A rope read by a thread that got it through a data race (a buffer's text read off the JavaFX thread)
 * may see its one non-final field, the memoised tree, still unset: only final fields are guaranteed.
 * It must read the same text then. This clears that field, which is exactly what such a thread can see.
 */
class RopeRacyPublicationTest {

    @Test
    void aRopeWhoseMemoisedTreeIsNotYetVisibleReadsTheSameText() throws Exception {
        String text = "class A {\n    f(\"x\");\n}\n".repeat(40);
        Rope plain = Rope.of(text, 8, 4);
        Rope pending = plain.replace(13, 13, "y"); // a keystroke: a pending chunk over the same tree
        String typed = text.substring(0, 13) + "y" + text.substring(13);
        for (Rope rope : new Rope[] {plain, pending}) {
            String expected = rope == plain ? text : typed;
            unsetMemoisedTree(rope);
            assertEquals(expected, rope.toString());
            assertEquals(expected.indexOf('}'), rope.toString().indexOf('}'));
            assertEquals(expected.substring(100, 160), rope.substring(100, 160));
        }
    }

    private static void unsetMemoisedTree(Rope rope) throws ReflectiveOperationException {
        Field merged = Rope.class.getDeclaredField("merged");
        merged.setAccessible(true);
        merged.set(rope, null);
    }
}
