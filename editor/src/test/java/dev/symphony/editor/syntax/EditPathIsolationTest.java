package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.cli.EditCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code symphony edit} runs straight on the editor jar and must stay fast: no class outside this package
 * (and the benchmarks) may refer to it or to TM4E, so neither is ever loaded on that path.
 */
class EditPathIsolationTest {

    @Test
    void nothingOutsideSyntaxReferencesSyntaxOrTm4e() throws Exception {
        Path classes = Path.of(EditCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("dev/symphony/editor");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !root.relativize(p).startsWith("syntax") && !root.relativize(p).startsWith("bench"))
                    .filter(EditPathIsolationTest::refersToSyntax)
                    .map(p -> root.relativize(p).toString()).toList();
        }
        assertEquals(List.of(), offenders);
        assertTrue(Files.exists(root.resolve("cli/EditCommand.class")));
    }

    private static boolean refersToSyntax(Path classFile) {
        try {
            String s = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return s.contains("dev/secondsun") || s.contains("dev/symphony/editor/syntax") || s.contains("org/joni");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
