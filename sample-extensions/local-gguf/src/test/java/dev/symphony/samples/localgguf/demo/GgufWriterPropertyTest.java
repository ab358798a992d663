package dev.symphony.samples.localgguf.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.samples.localgguf.TestSeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random GGUF files (metadata of every type the writer has, tensors of random shapes and values) read back by the
 * independent reader: every key, value, shape, offset alignment and float comes back. Seeded: the seed is printed;
 * {@code -Dsymphony.test.seed=N} (or {@code SYMPHONY_TEST_SEED}) repeats a run.
 */
class GgufWriterPropertyTest {
    @Test
    void whatIsWrittenIsReadBack(@TempDir Path dir) throws Exception {
        long seed = TestSeed.of("GgufWriterPropertyTest");
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 40; round++) {
            GgufWriter writer = new GgufWriter();
            Map<String, Object> expected = new LinkedHashMap<>();
            int keys = random.nextInt(0, 8);
            for (int k = 0; k < keys; k++) {
                String key = "k" + k + "." + text(random);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        String v = text(random);
                        writer.string(key, v);
                        expected.put(key, v);
                    }
                    case 1 -> {
                        int v = random.nextInt();
                        writer.uint32(key, v);
                        expected.put(key, Integer.toUnsignedLong(v));
                    }
                    case 2 -> {
                        float v = (float) random.nextGaussian();
                        writer.float32(key, v);
                        expected.put(key, v);
                    }
                    case 3 -> {
                        boolean v = random.nextBoolean();
                        writer.bool(key, v);
                        expected.put(key, v);
                    }
                    case 4 -> {
                        List<String> v = new ArrayList<>();
                        for (int i = random.nextInt(0, 5); i > 0; i--) {
                            v.add(text(random));
                        }
                        writer.strings(key, v);
                        expected.put(key, v);
                    }
                    default -> {
                        int[] v = random.ints(random.nextInt(0, 6)).toArray();
                        writer.ints(key, v);
                        List<Object> boxed = new ArrayList<>();
                        for (int i : v) {
                            boxed.add(i);
                        }
                        expected.put(key, boxed);
                    }
                }
            }
            Map<String, float[]> tensors = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (int t = random.nextInt(1, 5); t > 0; t--) {
                long[] ne = random.nextBoolean() ? new long[] {random.nextInt(1, 40)} : new long[] {random.nextInt(1, 20), random.nextInt(1, 9)};
                long n = 1;
                for (long d : ne) {
                    n *= d;
                }
                float[] data = new float[(int) n];
                for (int i = 0; i < n; i++) {
                    data[i] = (float) random.nextGaussian();
                }
                String name = "t" + t + ".weight";
                writer.tensor(name, ne, data);
                tensors.put(name, data);
                shapes.put(name, ne);
            }
            Path file = dir.resolve("r" + round + ".gguf");
            writer.write(file);
            GgufFile read = new GgufFile(file);
            String where = "seed " + seed + ", round " + round;
            assertEquals(3, read.version, where);
            assertEquals(expected, read.metadata, where);
            assertEquals(shapes.keySet(), read.tensors.keySet(), where);
            for (String name : tensors.keySet()) {
                assertArrayEquals(shapes.get(name), read.tensors.get(name).ne(), where + ", " + name);
                assertEquals(0, (read.dataStart() + read.tensors.get(name).offset()) % 32, where + ", " + name);
                assertArrayEquals(tensors.get(name), read.floats(name), where + ", " + name);
            }
        }
    }

    /** Short strings with ASCII, accents, CJK and an astral character (multi-byte UTF-8). */
    private static String text(SplittableRandom random) {
        String[] parts = {"a", "Z", "é", "漢", "\uD83C\uDFB5", "_", "0", " "};
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(0, 6); i > 0; i--) {
            b.append(parts[random.nextInt(parts.length)]);
        }
        return b.toString();
    }
}
