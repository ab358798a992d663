package dev.symphony.conductor.melody;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.symphony.conductor.run.TestOperators;

/**
 * Coverage-guided fuzzing (Jazzer) of the Melody reader: whatever text a {@code *.melody.json} holds (one shared
 * from a marketplace, one an agent wrote), {@link MelodyReader#parse} answers a Melody or an
 * {@link InvalidMelodyException} whose problems each name where and what — never another exception, a hang or a
 * stack overflow. Bounded in {@code mvn verify} (the parent pom's surefire execution {@code fuzz}, with {@code JAZZER_FUZZ=1}); the examples are
 * its seeds and every input that ever crashed it is replayed from
 * {@code src/test/resources/dev/symphony/conductor/melody/MelodyReaderFuzzTestInputs/}. Longer runs: the README.
 */
class MelodyReaderFuzzTest {
    private static final MelodyReader READER = new MelodyReader(new TestOperators());

    @FuzzTest(maxDuration = "5s")
    void aMelodyIsReadOrRefusedByName(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            READER.parse(text, null);
        } catch (InvalidMelodyException refused) {
            if (refused.problems().isEmpty()) {
                throw new AssertionError("a refusal must name its problems", refused);
            }
            for (Problem p : refused.problems()) {
                if (p.path() == null || p.message() == null || p.message().isBlank()) {
                    throw new AssertionError("a problem without a place or a message: " + p, refused);
                }
            }
        }
    }
}
