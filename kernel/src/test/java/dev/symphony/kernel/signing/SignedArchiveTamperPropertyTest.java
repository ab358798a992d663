package dev.symphony.kernel.signing;

import dev.symphony.kernel.extensions.ArchiveInstaller;
import dev.symphony.kernel.extensions.ExtensionStore;
import dev.symphony.kernel.extensions.InstallException;
import dev.symphony.ipc.api.BusPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded: random tampering of a signed archive never installs anything but what was signed. A change to an
 * entry's name or bytes, an added or removed entry, is always refused; a flipped byte anywhere in the file is
 * either refused or changed nothing that would be installed (a time stamp, say). Rerun a failure with
 * {@code -Dsymphony.test.seed=N}.
 */
class SignedArchiveTamperPropertyTest {
    @TempDir
    Path tmp;

    @Test
    void randomTamperingIsAlwaysRefused() throws Exception {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        System.out.println("SignedArchiveTamperPropertyTest seed " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        Random random = new Random(seed);
        PublisherKey key = PublisherKey.generate(SignedArchives.PUBLISHER);
        Path signed = SignedArchives.signed(tmp, key, "dev.example.ok", "1.0.0");
        Map<String, byte[]> original = SignedArchives.read(signed);
        ArchiveInstaller installer = new ArchiveInstaller(new ExtensionStore(tmp.resolve("extensions")));
        int refused = 0;
        for (int round = 0; round < 30; round++) {
            Path tampered = tmp.resolve("t" + round + ".zip");
            String what = structural(random, signed, tampered);
            String at = "seed " + seed + ", round " + round + ": " + what;
            assertThrows(InstallException.class, () -> installer.prepare(tampered, null), at);
            refused++;
        }
        byte[] bytes = Files.readAllBytes(signed);
        for (int round = 0; round < 70; round++) {
            byte[] flipped = bytes.clone();
            int pos = random.nextInt(flipped.length);
            flipped[pos] ^= (byte) (1 + random.nextInt(255));
            Path tampered = Files.write(tmp.resolve("f" + round + ".zip"), flipped);
            String at = "seed " + seed + ", byte " + pos + " of " + bytes.length;
            ArchiveInstaller.Prepared p;
            try {
                p = installer.prepare(tampered, null);
            } catch (InstallException e) {
                refused++;
                continue;
            }
            if (p.signature().isEmpty()) {
                // the flip renamed the signature entry: the archive is unsigned now, as if stripped, and the policy refuses it
                assertTrue(SignaturePolicy.decide(p.signature(), SignedArchives.PUBLISHER, new TrustedPublishers(tmp.resolve("config")),
                        false, "t.zip").refused(), at);
                installer.abort(p);
                refused++;
                continue;
            }
            Path dir = installer.commit(p);
            for (var e : original.entrySet()) {
                // the signature document vouches, it is not what it vouches for (a flip in its JSON whitespace may pass)
                if (!e.getKey().endsWith("/") && !e.getKey().equals(ArchiveSignature.ENTRY)) {
                    assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())), at + ": " + e.getKey() + " installed as signed");
                }
            }
            BusPaths.deleteRecursively(dir);
        }
        assertTrue(refused > 50, "most tampering is refused (" + refused + " of 100)");
    }

    /** One change to the entries, the signature entry left as it was; returns what it did. */
    private static String structural(Random random, Path signed, Path out) throws Exception {
        int kind = random.nextInt(4);
        String[] what = new String[1];
        SignedArchives.rewrite(signed, out, m -> {
            List<String> names = new ArrayList<>(m.keySet().stream().filter(n -> !n.equals(ArchiveSignature.ENTRY) && !n.endsWith("/")).toList());
            String victim = names.get(random.nextInt(names.size()));
            switch (kind) {
                case 0 -> {
                    byte[] b = m.get(victim).clone();
                    if (b.length == 0) {
                        b = new byte[]{1};
                    } else {
                        b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                    m.put(victim, b);
                    what[0] = "changed a byte of " + victim;
                }
                case 1 -> {
                    String name = "classes/x/Added" + random.nextInt(1000) + ".class";
                    m.put(name, new byte[random.nextInt(64)]);
                    what[0] = "added " + name;
                }
                case 2 -> {
                    m.remove(victim);
                    what[0] = "removed " + victim;
                }
                default -> {
                    byte[] b = m.remove(victim);
                    m.put(victim + "x", b);
                    what[0] = "renamed " + victim;
                }
            }
            return m;
        });
        return what[0];
    }
}
