package dev.symphony.ui.terminal.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnsiTextTest {
    @Test
    void escapeSequencesGoAndOverwrittenTextIsReplaced() {
        assertEquals("red 42\n", AnsiText.plain("\u001b[31mred\u001b[0m 42\r\n"));
        assertEquals("title gone\n", AnsiText.plain("\u001b]0;window title\u0007title gone\n"));
        assertEquals("100%\n", AnsiText.plain("10%\r50%\r100%\r\n"));
        assertEquals("ab\n", AnsiText.plain("abc\b\n"));
        assertEquals("x", AnsiText.plain("\u001b(Bx\u001b[?2004h"));
    }
}
