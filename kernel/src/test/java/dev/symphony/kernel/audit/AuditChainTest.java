package dev.symphony.kernel.audit;

import dev.symphony.kernel.cli.AuditCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The audit log's hash chain: a 100,000-entry log verifies, and one flipped byte anywhere (seeded
 * positions, plus the first and last bytes), a cut-off end or a lost head is reported at the first
 * broken link. Seed printed; rerun with {@code -Dsymphony.test.seed=N}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditChainTest {
    static final int ENTRIES = 100_000;
    @TempDir
    Path tmp;
    Path big;
    Path bigFile;

    @BeforeAll
    void writeABigLog(@TempDir Path dir) throws IOException {
        big = dir.resolve("audit");
        AtomicLong clock = new AtomicLong(1_796_500_000_000L);
        try (AuditLog log = new AuditLog(big, () -> clock.addAndGet(1))) {
            for (int i = 0; i < ENTRIES; i++) {
                if (i % 10 == 0) {
                    log.reported("dev.example.ext", "event", "build.finished #" + i, false);
                } else {
                    log.record("kernel", "call", "dev.example.ext/cap" + i, i % 7 != 0, i % 3 == 0 ? "detail \"quoted\" ü " + i : null);
                }
            }
        }
        List<Path> files = AuditVerifier.chainFiles(big);
        assertEquals(1, files.size(), "the test clock stays within one day");
        bigFile = files.get(0);
    }

    static AuditVerifier.Result verify(Path dir) throws IOException {
        return AuditVerifier.verify(dir);
    }

    @Test
    void aWholeLogVerifies() throws IOException {
        AuditVerifier.Result r = verify(big);
        assertTrue(r.ok(), r.problem());
        assertEquals(ENTRIES, r.entries());
        assertEquals(0, r.afterHead());
    }

    @Test
    void oneFlippedByteAnywhereIsDetected() throws IOException {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        System.out.println("AuditChainTest seed " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        Random random = new Random(seed);
        byte[] original = Files.readAllBytes(bigFile);
        long[] positions = new long[14];
        positions[0] = 0;
        positions[1] = original.length - 1; // the last newline
        positions[2] = original.length - 5; // inside the last entry's digest
        positions[3] = original.length - 200; // inside the last entry's body
        for (int i = 4; i < positions.length; i++) {
            positions[i] = (long) (random.nextDouble() * original.length);
        }
        try {
            for (long p : positions) {
                byte[] flipped = original.clone();
                flipped[(int) p] ^= (byte) (1 << random.nextInt(8));
                Files.write(bigFile, flipped);
                AuditVerifier.Result r = verify(big);
                assertFalse(r.ok(), "a flipped bit at byte " + p + " of " + original.length + " went unnoticed (seed " + seed + ")");
            }
        } finally {
            Files.write(bigFile, original);
        }
        assertTrue(verify(big).ok(), "restored");
    }

    @Test
    void theFirstBrokenLinkIsNamedWithItsLine() throws IOException {
        Path dir = smallLog(tmp.resolve("a"), 10);
        Path file = AuditVerifier.chainFiles(dir).get(0);
        List<String> lines = Files.readAllLines(file);
        lines.set(4, lines.get(4).replace("\"allowed\"", "\"denied\""));
        Files.write(file, lines);
        AuditVerifier.Result r = verify(dir);
        assertEquals(5, r.line());
        assertEquals(4, r.entries(), "four entries verified before the break");
        assertTrue(r.problem().contains("digest does not match"), r.problem());
    }

    @Test
    void aRemovedEntryBreaksTheLinkEvenWithItsDigestIntact() throws IOException {
        Path dir = smallLog(tmp.resolve("b"), 10);
        Path file = AuditVerifier.chainFiles(dir).get(0);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.remove(3);
        Files.write(file, lines);
        AuditVerifier.Result r = verify(dir);
        assertEquals(4, r.line());
        assertTrue(r.problem().contains("entry number 5 where 4 belongs"), r.problem());
    }

    @Test
    void aCutOffEndAndALostHeadAreCaught() throws IOException {
        Path dir = smallLog(tmp.resolve("c"), 10);
        Path file = AuditVerifier.chainFiles(dir).get(0);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 9));
        AuditVerifier.Result r = verify(dir);
        assertTrue(r.problem().contains("ends at entry 9 but the head records entry 10"), r.problem());
        Files.write(file, lines);
        Files.delete(AuditHead.fileFor(dir));
        assertTrue(verify(dir).problem().contains("no head record"));
    }

    @Test
    void twoWritersOnOneFolderKeepOneChain() throws Exception {
        Path dir = tmp.resolve("d");
        try (AuditLog a = new AuditLog(dir); AuditLog b = new AuditLog(dir)) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    a.record("kernel", "call", "a" + i, i % 100 != 0, null);
                }
            });
            t.start();
            for (int i = 0; i < 2000; i++) {
                b.record("kernel", "call", "b" + i, i % 100 != 0, null);
            }
            t.join();
        }
        AuditVerifier.Result r = verify(dir);
        assertTrue(r.ok(), r.problem());
        assertEquals(4000, r.entries());
    }

    @Test
    void aBatchTornByACrashIsCutAndTheChainGoesOn() throws IOException {
        Path dir = smallLog(tmp.resolve("e"), 5);
        Path file = AuditVerifier.chainFiles(dir).get(0);
        Files.writeString(file, "{\"seq\":6,\"when\":\"2026-", StandardOpenOption.APPEND);
        try (AuditLog log = new AuditLog(dir)) {
            log.record("kernel", "host.start", "x", true, null);
        }
        AuditVerifier.Result r = verify(dir);
        assertTrue(r.ok(), r.problem());
        assertEquals(6, r.entries());
    }

    @Test
    void aHostsReportNeverReadsAsAKernelDecision() throws IOException {
        Path dir = tmp.resolve("f");
        try (AuditLog log = new AuditLog(dir)) {
            log.reported("dev.evil", "denial", "files.read /etc/shadow", true);
            log.reported("dev.evil", "x".repeat(500), "y".repeat(5000), false);
        }
        var entries = AuditLog.readAll(dir);
        assertEquals("reported.denial", entries.get(0).path("what").asText());
        assertEquals("reported", entries.get(0).path("decision").asText());
        assertEquals("dev.evil", entries.get(0).path("reportedBy").asText());
        assertTrue(entries.get(1).path("resource").asText().length() < 1100, "reports are cut to 1,024 characters");
        assertTrue(entries.get(1).path("what").asText().length() < 100);
    }

    @Test
    void theCommandExitsOneAtTheFirstBrokenLink() throws IOException {
        Path dir = smallLog(tmp.resolve("g"), 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, AuditCommand.run(new String[]{"verify", dir.toString()}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"ok\":true"), out.toString(StandardCharsets.UTF_8));
        Path file = AuditVerifier.chainFiles(dir).get(0);
        byte[] b = Files.readAllBytes(file);
        b[10] ^= 1;
        Files.write(file, b);
        out.reset();
        assertEquals(1, AuditCommand.run(new String[]{"verify", dir.toString()}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"line\":1"), out.toString(StandardCharsets.UTF_8));
        assertEquals(2, AuditCommand.run(new String[]{"check"}, o, e));
    }

    static Path smallLog(Path dir, int n) {
        try (AuditLog log = new AuditLog(dir)) {
            for (int i = 0; i < n; i++) {
                log.record("kernel", "call", "r" + i, true, null);
            }
        }
        return dir;
    }
}
