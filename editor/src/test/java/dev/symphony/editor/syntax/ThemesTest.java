package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ThemesTest {

    private static Path fixture(String name) throws Exception {
        return Path.of(ThemesTest.class.getResource(name).toURI());
    }

    @Test
    void vsCodeThemeWithIncludeMergesColoursAndRules() throws Exception {
        Theme t = ThemeReader.read(fixture("child-theme.json"));
        assertEquals("Child", t.name());
        assertTrue(t.dark(), "type dark inherited from the included theme");
        assertEquals("#101010", t.background());
        assertEquals("#e0e0e0", t.foreground());
        assertEquals("#33445566", t.selection(), "alpha kept");
        assertEquals("#202020", t.lineHighlight());
        assertEquals("#ffff00", t.caret(), "#rgb expanded");
        assertEquals("#707070", t.lineNumber());
        assertEquals(new TokenStyle("#808080", false, true, false), t.styleOfScope("comment.line.double-slash"));
        assertEquals(new TokenStyle("#ff5500", true, false, true), t.styleOfScope("keyword.control"));
        assertEquals("#00cc00", t.styleOfScope("string.unquoted").foreground(), "the including theme's later rule wins");
        assertEquals("#00aa00", t.styleOfScope("string.quoted.double").foreground(), "a more specific selector wins");
        assertNull(t.styleOfScope("variable.other").foreground(), "unstyled = default foreground");
    }

    @Test
    void tmThemePropertyListIsRead() throws Exception {
        Theme t = ThemeReader.read(fixture("sample.tmTheme"));
        assertEquals("Paper", t.name());
        assertFalse(t.dark());
        assertEquals("#fafafa", t.background());
        assertEquals("#222222", t.foreground());
        assertEquals("#b4d5fe", t.selection());
        assertEquals("#f0f0f0", t.lineHighlight());
        assertEquals("#000000", t.caret());
        assertEquals("#999999", t.lineNumber());
        assertEquals(new TokenStyle("#8959a8", true, false, false), t.styleOfScope("storage.type"));
        assertEquals(new TokenStyle("#8e908c", false, true, false), t.styleOfScope("comment.block"));
        assertEquals("#718c00", t.styleOfScope("string").foreground());
    }

    @Test
    void shippedDefaultsAndEveryShippedThemeLoad() {
        Theme light = Themes.defaultLight();
        Theme dark = Themes.defaultDark();
        assertFalse(light.dark());
        assertTrue(dark.dark());
        assertNotEquals(light.background(), dark.background());
        for (String name : Themes.names()) {
            Theme t = Themes.byName(name);
            assertNotNull(t.background(), name);
            assertTrue(t.styleCount() > 8, name);
            assertTrue(java.util.stream.Stream.of("comment", "string", "keyword")
                    .anyMatch(sc -> t.styleOfScope(sc).foreground() != null), name + " colours tokens");
        }
        assertTrue(Themes.names().contains("dark-plus") && Themes.names().contains("light-plus"));
        assertThrows(IllegalArgumentException.class, () -> Themes.byName("no-such-theme"));
    }
}
