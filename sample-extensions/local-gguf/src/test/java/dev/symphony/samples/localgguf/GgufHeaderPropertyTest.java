package dev.symphony.samples.localgguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The GGUF head check on hostile files: the demo model with random bytes of its head changed, or cut at a random
 * length, is either read or refused with a {@link GgufHeader.BadGgufException} naming the file — never another
 * exception, never a huge allocation. Seeded: the seed is printed; {@code -Dsymphony.test.seed=N} repeats a run.
 */
class GgufHeaderPropertyTest {
    @Test
    void theDemoModelsHeadIsRead() throws Exception {
        GgufHeader head = GgufHeader.read(LocalGguf.demoModelFile());
        assertEquals(3, head.version());
        assertEquals("llama", head.architecture());
        assertEquals(2048L, head.trainedContext().orElseThrow());
        assertTrue(head.addsBos());
        assertTrue(head.text("general.name").orElseThrow().contains("DEMO"));
    }

    @Test
    void damagedHeadsAreReadOrRefusedNamingTheFile() throws Exception {
        long seed = TestSeed.of("GgufHeaderPropertyTest");
        SplittableRandom random = new SplittableRandom(seed);
        byte[] demo = Files.readAllBytes(LocalGguf.demoModelFile());
        int head = headLength(demo);
        int refused = 0;
        for (int round = 0; round < 1000; round++) {
            byte[] bytes;
            long size;
            if (random.nextInt(3) == 0) {
                bytes = Arrays.copyOf(demo, random.nextInt(0, head + 64));
                size = bytes.length;
            } else { // the head only, changed; the file's size is the demo's (a read past the head ends the stream)
                bytes = Arrays.copyOf(demo, head);
                size = demo.length;
                for (int n = random.nextInt(1, 4); n > 0; n--) {
                    bytes[random.nextInt(head)] = (byte) random.nextInt(256);
                }
            }
            try {
                GgufHeader.read(new ByteArrayInputStream(bytes), "damaged.gguf", size);
            } catch (GgufHeader.BadGgufException e) {
                refused++;
                assertTrue(e.getMessage().startsWith("damaged.gguf "), e.getMessage());
            } catch (Exception | OutOfMemoryError e) {
                fail("seed " + seed + ", round " + round + ": " + e, e);
            }
        }
        assertTrue(refused > 0, "no damaged head was refused (seed " + seed + ")");
    }

    /** Where the demo's tensor data begins (its head is everything before): the offset of the last tensor name's end, roughly. */
    private static int headLength(byte[] demo) {
        byte[] last = "output.weight".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = demo.length - last.length; i >= 0; i--) {
            if (Arrays.equals(demo, i, i + last.length, last, 0, last.length)) {
                return i + last.length + 64;
            }
        }
        throw new AssertionError("no output.weight tensor in the demo file");
    }
}
