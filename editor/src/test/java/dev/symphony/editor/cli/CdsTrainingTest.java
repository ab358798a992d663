package dev.symphony.editor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The archive-training run goes through both modes and leaves nothing behind in the temp folder. */
class CdsTrainingTest {

    @Test
    void trainsOnlyWhenAskedAndCleansUp() throws IOException {
        Set<Path> before = trainingFolders();
        System.clearProperty(CdsTraining.PROPERTY);
        assertFalse(CdsTraining.runIfAsked());
        System.setProperty(CdsTraining.PROPERTY, "true");
        try {
            assertTrue(CdsTraining.runIfAsked());
        } finally {
            System.clearProperty(CdsTraining.PROPERTY);
        }
        assertEquals(before, trainingFolders());
    }

    private static Set<Path> trainingFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("symphony-edit-cds")).collect(Collectors.toSet());
        }
    }
}
