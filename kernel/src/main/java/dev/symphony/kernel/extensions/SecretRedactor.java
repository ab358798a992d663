package dev.symphony.kernel.extensions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces every exact occurrence of the secrets the broker injected into a request with {@value #MARK} in what
 * the server sends back (headers and the streamed body), so a server that echoes a request's headers does not
 * hand the key to the extension. Works across chunk boundaries: it holds back the last {@code longest - 1}
 * bytes of each chunk until the next one (or the end) shows they do not start a secret.
 */
final class SecretRedactor {
    static final String MARK = "[secret]";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.UTF_8);
    private final List<byte[]> secrets;
    private final int holdBack;
    private byte[] pending = new byte[0];

    SecretRedactor(List<String> values) {
        this.secrets = values.stream().filter(v -> !v.isEmpty()).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        this.holdBack = secrets.stream().mapToInt(b -> b.length - 1).max().orElse(0);
    }

    boolean active() {
        return !secrets.isEmpty();
    }

    String redact(String text) {
        String out = text;
        for (byte[] s : secrets) {
            out = out.replace(new String(s, StandardCharsets.UTF_8), MARK);
        }
        return out;
    }

    /** What of {@code chunk} (after what was held back) is safe to pass on now. */
    byte[] next(byte[] chunk, int length) {
        if (!active()) {
            return Arrays.copyOf(chunk, length);
        }
        byte[] all = new byte[pending.length + length];
        System.arraycopy(pending, 0, all, 0, pending.length);
        System.arraycopy(chunk, 0, all, pending.length, length);
        return scan(all, Math.max(0, all.length - holdBack));
    }

    /** Passes on {@code all} up to {@code keepFrom} (secrets redacted, a secret may run past it), keeps the rest pending. */
    private byte[] scan(byte[] all, int keepFrom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(all.length);
        int i = 0;
        while (i < all.length) {
            byte[] hit = matchAt(all, i);
            if (hit != null) {
                out.write(MARK_BYTES, 0, MARK_BYTES.length);
                i += hit.length;
            } else if (i >= keepFrom) {
                break; // may be the start of a secret the next chunk completes
            } else {
                out.write(all[i++]);
            }
        }
        pending = Arrays.copyOfRange(all, i, all.length);
        return out.toByteArray();
    }

    /** The held-back tail at the end of the body, redacted (it may hold a whole shorter secret). */
    byte[] finish() {
        byte[] rest = pending;
        pending = new byte[0];
        byte[] out = scan(rest, rest.length);
        pending = new byte[0];
        return out;
    }

    private byte[] matchAt(byte[] all, int i) {
        for (byte[] s : secrets) {
            if (i + s.length <= all.length && Arrays.equals(all, i, i + s.length, s, 0, s.length)) {
                return s;
            }
        }
        return null;
    }
}
