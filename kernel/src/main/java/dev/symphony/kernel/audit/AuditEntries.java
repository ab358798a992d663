package dev.symphony.kernel.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The stored form of one chained audit entry, byte for byte:
 * <pre>
 * {"seq":N,"when":…,"who":…,"what":…,"resource":…,"decision":…[,"detail":…][,"reportedBy":…],"prev":"HEX64","hash":"HEX64"}\n
 * └──────────────────────────────── body: hashed as stored (UTF-8) ────────────────────────────────┘
 * </pre>
 * {@code hash} = SHA-256 of the body's exact bytes; {@code prev} = the previous entry's hash (64
 * zeros before the first). A changed byte anywhere changes the body's digest or breaks the link to
 * the next entry; the head record outside the log ({@link AuditHead}) catches a cut-off end.
 */
final class AuditEntries {
    static final String GENESIS = "0".repeat(64);
    static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** Bytes after the body: {@code ,"hash":"} + 64 hex + {@code "}}. */
    static final int TRAILER = HASH_FIELD.length + 64 + 2;
    private static final JsonFactory JSON = new JsonFactory();

    /** One entry before it is chained (the chain is made under the cross-process lock at flush). */
    record Pending(String when, String who, String what, String resource, String decision, String detail, String reportedBy) {
    }

    private AuditEntries() {
    }

    /** The stored line (with its newline) of {@code e} as entry {@code seq} after {@code prev}; its hash is {@code line[len-67..len-3]}. */
    static byte[] line(Pending e, long seq, String prev, MessageDigest sha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("when", e.when());
            g.writeStringField("who", e.who());
            g.writeStringField("what", e.what());
            g.writeStringField("resource", e.resource());
            g.writeStringField("decision", e.decision());
            if (e.detail() != null) {
                g.writeStringField("detail", e.detail());
            }
            if (e.reportedBy() != null) {
                g.writeStringField("reportedBy", e.reportedBy());
            }
            g.writeStringField("prev", prev);
            // the closing brace is left off: the body ends after prev
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        byte[] body = out.toByteArray();
        body = Arrays.copyOf(body, body.length - 1); // the generator closed the object; the body ends before '}'
        String hash = HexFormat.of().formatHex(sha256.digest(body));
        byte[] line = Arrays.copyOf(body, body.length + TRAILER + 1);
        System.arraycopy(HASH_FIELD, 0, line, body.length, HASH_FIELD.length);
        byte[] tail = (hash + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, line, body.length + HASH_FIELD.length, tail.length);
        return line;
    }

    /** The hash a stored line (without its newline) ends with, or null when the line does not end like an entry. */
    static String storedHash(byte[] buf, int from, int to) {
        int len = to - from;
        if (len < TRAILER + 2 || buf[to - 1] != '}' || buf[to - 2] != '"') {
            return null;
        }
        int field = to - TRAILER;
        for (int i = 0; i < HASH_FIELD.length; i++) {
            if (buf[field + i] != HASH_FIELD[i]) {
                return null;
            }
        }
        return new String(buf, field + HASH_FIELD.length, 64, StandardCharsets.US_ASCII);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
