package dev.symphony.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FileIconsTest {

    @Test
    void badgesFollowTheLanguageOfTheFileName() {
        assertEquals(new FileIcons.Badge("J", "#b07219"), FileIcons.badge("Main.java"));
        assertEquals("Py", FileIcons.badge("tool.py").text());
        assertEquals("M", FileIcons.badge("README.md").text());
        assertEquals("TS", FileIcons.badge("App.TS").text(), "by extension, any case");
        assertEquals(FileIcons.badge("a.java"), FileIcons.badge("b.java"));
        assertEquals("≡", FileIcons.badge("data.unknownext").text(), "no language: the generic mark");
        assertNotEquals(FileIcons.badge("a.json"), FileIcons.badge("a.java"));
    }
}
