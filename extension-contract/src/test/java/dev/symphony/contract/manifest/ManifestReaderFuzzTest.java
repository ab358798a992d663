package dev.symphony.contract.manifest;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the manifest reader (Jazzer): whatever bytes an archive carries as its manifest, the
 * reader answers with a manifest or a {@link ManifestException} naming the problem — never another exception, a
 * hang or a stack overflow. In {@code mvn verify} it fuzzes for a few seconds (the parent pom's surefire
 * execution {@code fuzz}, with {@code JAZZER_FUZZ=1}); {@code src/test/resources/.../ManifestReaderFuzzTestInputs/} holds the seeds and every
 * input that ever crashed it, replayed on each run. Longer: see the module README.
 */
class ManifestReaderFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void theReaderAnswersAManifestOrAProblem(byte[] manifest) {
        try {
            ManifestReader.read(manifest, "fuzz");
        } catch (ManifestException expected) {
            // a clear refusal is the right answer to hostile bytes
        }
    }
}
