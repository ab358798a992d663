package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Echoes of an injected secret are redacted however the response is cut into chunks (seeded property test). */
class SecretRedactorTest {
    @Test
    void aSecretSplitAcrossChunksIsStillRedacted() {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        Random random = new Random(seed);
        String secret = "sk-SECRET-abcdef";
        String other = "tok_9";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            int parts = random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                String filler = "x".repeat(random.nextInt(20)) + (random.nextBoolean() ? "sk-SECRET" : "") + "s";
                text.append(filler);
                expected.append(filler);
                int pick = random.nextInt(3);
                if (pick == 0) {
                    text.append(secret);
                    expected.append(SecretRedactor.MARK);
                } else if (pick == 1) {
                    text.append(other);
                    expected.append(SecretRedactor.MARK);
                }
            }
            byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
            SecretRedactor r = new SecretRedactor(List.of(secret, other));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < all.length) {
                int n = 1 + random.nextInt(Math.min(12, all.length - at));
                byte[] chunk = new byte[n + random.nextInt(4)];
                System.arraycopy(all, at, chunk, 0, n);
                out.writeBytes(r.next(chunk, n));
                at += n;
            }
            out.writeBytes(r.finish());
            assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8),
                    "seed " + seed + " (rerun with -Dsymphony.test.seed=" + seed + "), round " + round);
        }
    }

    @Test
    void withoutSecretsNothingIsHeldBack() {
        SecretRedactor r = new SecretRedactor(List.of());
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), r.next("abcdef".getBytes(StandardCharsets.UTF_8), 3));
        assertEquals("Bearer [secret]", new SecretRedactor(List.of("k1")).redact("Bearer k1"));
    }
}
