package dev.symphony.samples.localgguf;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The head of a GGUF file — magic, version, counts, the scalar metadata — read and checked in Java before llama.cpp
 * is given the file: a file the user names is hostile input, and a Java check fails with a message naming the file and
 * the byte where it went wrong instead of whatever native code does with garbage. Arrays (the tokenizer's vocabulary)
 * are skipped, not kept. Layout (little-endian):
 * <pre>
 *   "GGUF" | u32 version (2, 3) | u64 tensors | u64 metadata entries
 *   entry: u64 key length, key bytes | u32 type | value (type 8 string: u64 length, bytes; type 9 array: u32 type, u64 n, n values)
 *   tensor: name | u32 dims (1..4) | u64 per dim | u32 type | u64 offset into the data
 * </pre>
 */
record GgufHeader(int version, long tensors, Map<String, Object> metadata) {
    /** A file that is not a GGUF llama.cpp can read: the message names it and what is wrong. */
    static final class BadGgufException extends Exception {
        BadGgufException(String message) {
            super(message);
        }
    }

    private static final int MAX_KEY_BYTES = 1 << 16;
    private static final int MAX_KEPT_STRING_BYTES = 1 << 20;
    private static final long MAX_ENTRIES = 1 << 20;

    String architecture() {
        return text("general.architecture").orElse("");
    }

    Optional<String> text(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The context length the model was trained with ({@code ARCH.context_length}), if the file says. */
    Optional<Long> trainedContext() {
        return metadata.get(architecture() + ".context_length") instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** Whether llama.cpp adds a begin-of-sequence token to a prompt: the file's flag, else its default for the vocabulary. */
    boolean addsBos() {
        if (metadata.get("tokenizer.ggml.add_bos_token") instanceof Boolean b) {
            return b;
        }
        return "llama".equals(text("tokenizer.ggml.model").orElse(""));
    }

    boolean hasChatTemplate() {
        return text("tokenizer.chat_template").filter(t -> !t.isBlank()).isPresent();
    }

    /** Reads and checks {@code file}'s head; {@link BadGgufException} names the file and the problem. */
    static GgufHeader read(Path file) throws BadGgufException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString(), Files.size(file));
        }
    }

    /** Reads a GGUF head from {@code in}, a file of {@code size} bytes called {@code name} in messages. */
    static GgufHeader read(InputStream in, String name, long size) throws BadGgufException, IOException {
        try {
            return new Reader(in, name, size).header();
        } catch (EOFException e) {
            throw new BadGgufException(name + " is not a whole GGUF file: it ends (at " + size + " bytes) inside its header");
        }
    }

    /** Reads one file front to back, counting bytes so every error names where it is. */
    private static final class Reader {
        private final InputStream in;
        private final String file;
        private final long size;
        private long at;

        Reader(InputStream in, String file, long size) {
            this.in = in;
            this.file = file;
            this.size = size;
        }

        GgufHeader header() throws IOException, BadGgufException {
            byte[] magic = bytes(4);
            if (magic[0] != 'G' || magic[1] != 'G' || magic[2] != 'U' || magic[3] != 'F') {
                throw bad(0, "is not a GGUF file: it starts with the bytes " + hex(magic) + ", not \"GGUF\"");
            }
            long version = u32();
            if (version != 2 && version != 3) {
                throw bad(4, "is GGUF version " + version + (version > 0xFFFF ? " (a big-endian file?)" : "")
                        + "; llama.cpp reads versions 2 and 3");
            }
            long tensors = count(8, "tensor count");
            long entries = count(16, "metadata entry count");
            Map<String, Object> metadata = new HashMap<>();
            for (long i = 0; i < entries; i++) {
                long keyAt = at;
                String key = string("metadata key " + i, MAX_KEY_BYTES, true);
                int type = (int) u32();
                Object value = value(type, keyAt, key);
                if (value != null) {
                    metadata.put(key, value);
                }
            }
            for (long i = 0; i < tensors; i++) {
                long tensorAt = at;
                String name = string("tensor name " + i, MAX_KEY_BYTES, true);
                long dims = u32();
                if (dims < 1 || dims > 4) {
                    throw bad(tensorAt, "has tensor '" + name + "' with " + dims + " dimensions (llama.cpp allows 1 to 4)");
                }
                skip(8 * dims + 4); // the sizes and the element type: llama.cpp checks them against the architecture
                long offset = u64();
                if (offset < 0 || offset >= size) {
                    throw bad(tensorAt, "has tensor '" + name + "' whose data would start at " + Long.toUnsignedString(offset)
                            + ", past the file's end (" + size + " bytes): the file is cut short or damaged");
                }
            }
            return new GgufHeader((int) version, tensors, Map.copyOf(metadata));
        }

        /** A value; scalars and strings up to 1 MiB are kept, arrays skipped (null). */
        private Object value(int type, long keyAt, String key) throws IOException, BadGgufException {
            return switch (type) {
                case 0, 1 -> (long) (type == 0 ? bytes(1)[0] & 0xFF : bytes(1)[0]);
                case 2, 3 -> { long v = le(2); yield type == 3 ? (long) (short) v : v; }
                case 4, 5 -> { long v = u32(); yield type == 5 ? (long) (int) v : v; }
                case 6 -> (double) Float.intBitsToFloat((int) u32());
                case 7 -> bytes(1)[0] != 0;
                case 8 -> string("the value of " + key, MAX_KEPT_STRING_BYTES, false);
                case 9 -> { skipArray(keyAt, key); yield null; }
                case 10, 11 -> u64();
                case 12 -> Double.longBitsToDouble(u64());
                default -> throw bad(keyAt, "has metadata '" + key + "' of unknown type " + type);
            };
        }

        private void skipArray(long keyAt, String key) throws IOException, BadGgufException {
            int type = (int) u32();
            long n = count(at, "length of the array " + key);
            int width = switch (type) {
                case 0, 1, 7 -> 1;
                case 2, 3 -> 2;
                case 4, 5, 6 -> 4;
                case 10, 11, 12 -> 8;
                case 8 -> -1;
                default -> throw bad(keyAt, "has an array '" + key + "' of " + (type == 9 ? "arrays" : "unknown type " + type));
            };
            if (width > 0) {
                skip(n * width);
            } else {
                for (long i = 0; i < n; i++) {
                    skip(count(at, "a string's length in " + key));
                }
            }
        }

        /** An unsigned count that cannot exceed what is left of the file. */
        private long count(long where, String what) throws IOException, BadGgufException {
            long n = u64();
            if (n < 0 || n > size - at || n > MAX_ENTRIES && what.endsWith("count")) {
                throw bad(where, "says its " + what + " is " + Long.toUnsignedString(n) + ", more than its " + size
                        + " bytes can hold: the file is damaged");
            }
            return n;
        }

        /** A string; null when it is longer than {@code keep} bytes (skipped), an error when {@code keep} is a hard limit. */
        private String string(String what, int keep, boolean hardLimit) throws IOException, BadGgufException {
            long where = at;
            long n = count(where, what + "'s length");
            if (n > keep) {
                if (hardLimit) {
                    throw bad(where, "has " + what + " of " + n + " bytes (at most " + keep + ")");
                }
                skip(n);
                return null;
            }
            return new String(bytes((int) n), StandardCharsets.UTF_8);
        }

        private long u32() throws IOException {
            return le(4);
        }

        private long u64() throws IOException {
            return le(8);
        }

        private long le(int n) throws IOException {
            byte[] b = bytes(n);
            long v = 0;
            for (int i = n - 1; i >= 0; i--) {
                v = v << 8 | (b[i] & 0xFF);
            }
            return v;
        }

        private byte[] bytes(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new EOFException();
            }
            at += n;
            return b;
        }

        private void skip(long n) throws IOException {
            if (n > size - at) {
                throw new EOFException();
            }
            in.skipNBytes(n);
            at += n;
        }

        private BadGgufException bad(long where, String what) {
            return new BadGgufException(file + " " + what + " (at byte " + where + ")");
        }

        private static String hex(byte[] b) {
            StringBuilder s = new StringBuilder();
            for (byte x : b) {
                s.append(s.isEmpty() ? "" : " ").append(String.format("%02x", x & 0xFF));
            }
            return s.toString();
        }
    }
}
