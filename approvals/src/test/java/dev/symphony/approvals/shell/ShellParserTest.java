package dev.symphony.approvals.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {
    private static List<List<String>> words(String command) {
        ShellScript script = ShellParser.parse(command);
        assertTrue(script.parsed(), command + ": " + script.parseError());
        return script.parts().stream().map(CommandPart::words).toList();
    }

    @Test
    void splitsOnEveryOperatorNewlineAndGrouping() {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"), List.of("f"), List.of("g")),
                words("a && b || c; d | e & f\ng"));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), words("(a; { b; }) | c"));
    }

    @Test
    void removesQuotesLikeBash() {
        assertEquals(List.of(List.of("ls", "a b", "c$d", "e\"f", "gh", "i j")), words("l\\s 'a b' 'c$d' \"e\\\"f\" g\"h\" i\\ j"));
    }

    @Test
    void looksInsideWrappersAndShellScripts() {
        ShellScript script = ShellParser.parse("timeout -k 3 10 nice -n 5 bash -c 'ls && env X=1 rm -r y'");
        List<String> programs = script.parts().stream().map(CommandPart::program).toList();
        assertEquals(List.of("timeout", "nice", "bash", "ls", "env", "rm"), programs);
        CommandPart rm = script.parts().get(5);
        assertEquals(List.of("rm", "-r", "y"), rm.words());
        assertEquals(List.of("timeout -k 3 10", "nice -n 5", "bash -c", "env X=1"), rm.via());
        assertTrue(script.parts().get(0).wrapper());
        assertFalse(rm.wrapper());
    }

    @Test
    void substitutionsAreConcernsAndTheirCommandsParts() {
        ShellScript script = ShellParser.parse("echo \"$(rm x)\" `id` > out");
        CommandPart echo = script.parts().stream().filter(p -> p.program().equals("echo")).findFirst().orElseThrow();
        assertTrue(echo.concerns().stream().anyMatch(c -> c.startsWith("command substitution")), echo.concerns().toString());
        assertTrue(echo.concerns().stream().anyMatch(c -> c.startsWith("redirection into a file")), echo.concerns().toString());
        assertTrue(script.parts().stream().anyMatch(p -> p.program().equals("rm") && p.via().equals(List.of("$(…)"))));
        assertTrue(script.parts().stream().anyMatch(p -> p.program().equals("id")));
    }

    @Test
    void harmlessRedirectionsAreNoConcern() {
        ShellScript script = ShellParser.parse("ls 2>&1 >/dev/null 2>&- < in.txt");
        assertEquals(List.of(), script.parts().get(0).concerns());
        assertEquals(List.of("in.txt"), script.parts().get(0).reads());
    }

    @Test
    void whatDoesNotParseIsAFailure() {
        for (String bad : List.of("echo 'open", "echo \"open", "echo $(ls", "echo `ls", "cat <<EOF\nbody", "ls |", "ls &&",
                "(ls", "if true; then ls", "echo ${x", "l\\\ns", "x\0y")) {
            ShellScript script = ShellParser.parse(bad);
            assertFalse(script.parsed(), bad.replace("\n", "<NL>") + " parsed into " + script.parts());
            assertTrue(script.parts().isEmpty());
        }
    }
}
