package dev.symphony.editor.search;

import dev.symphony.editor.file.AtomicWriter;
import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.text.AsciiScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@link LineReplacer}'s replace-all straight on a file's bytes, for the common case: UTF-8 without
 * a byte-order mark, LF line ends only (no CR anywhere), no NUL where {@link TextDecoder} looks for one, and a
 * per-line pattern with a required literal. One pass over the bytes finds the literal's UTF-8 bytes
 * (from its rarest byte, {@link ByteRarity}); only the lines holding it are decoded,
 * matched and re-encoded, and every other byte is copied as it is. No rope, no whole-file decode:
 * {@code symphony edit --replace} spent most of its own time building and writing back a rope of
 * text that did not change.
 *
 * <p>The result is the same bytes as {@link LineReplacer#replaceAll} on the decoded rope followed
 * by a UTF-8 save ({@code Utf8LineReplaceTest} compares the two on seeded inputs); anything else
 * (other encodings, CR, invalid UTF-8, binary, patterns that span lines) answers {@code null} and
 * the caller takes the rope path.
 */
public final class Utf8LineReplace {

    /**
     * The replaced text as the input's bytes with the changed lines swapped in ({@code lines[k]}
     * replaces {@code input[starts[k], ends[k])}): written out piece by piece, never copied whole.
     */
    public record Result(byte[] input, int length, int[] starts, int[] ends, byte[][] lines, int changed, int matches)
            implements AtomicWriter.Body {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            int copied = 0;
            for (int k = 0; k < changed; k++) {
                out.write(input, copied, starts[k] - copied);
                out.write(lines[k]);
                copied = ends[k];
            }
            out.write(input, copied, length - copied);
        }

        /** The whole result in one array (for tests and small texts). */
        public byte[] toBytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream(length);
            try {
                writeTo(all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all.toByteArray();
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = ONES * '\r';

    private final LineReplacer replacer;
    /** The UTF-8 bytes of the literal every match holds, or null (this path does not apply). */
    private final byte[] needle;
    private final int rare;
    private final long rareWord;

    public Utf8LineReplace(LineReplacer replacer) {
        this.replacer = replacer;
        Optional<String> lit = replacer.prefilterLiteral();
        this.needle = lit.isPresent() && !lit.get().isEmpty() ? lit.get().getBytes(StandardCharsets.UTF_8) : null;
        this.rare = needle == null ? 0 : ByteRarity.rarestIndex(needle);
        this.rareWord = needle == null ? 0 : ONES * (needle[rare] & 0xFF);
    }

    /**
     * The replaced bytes of {@code b[0, n)}, or null when this fast path does not apply (see the class note).
     * One pass over the bytes, eight at a time, stops only at a byte above 0x7F (its UTF-8 sequence is
     * checked), a CR (this path gives up) and the needle's rarest byte (a candidate match): the UTF-8
     * check, the CR check and the literal search used to be three passes plus a Latin-1 copy of the
     * file, which C1 (the {@code edit} command's only compiler) runs as scalar loops.
     */
    public Result replace(byte[] b, int n) {
        if (needle == null || n == 0 || hasBom(b, n) || hasNul(b, Math.min(n, TextDecoder.BINARY_SNIFF))) {
            return null;
        }
        Lines lines = new Lines(b, n);
        byte rareByte = needle[rare];
        int i = 0;
        while (i < n) {
            int k = nextStop(b, i, n, rareByte);
            if (k == n) {
                break;
            }
            int c = b[k];
            if (c == '\r') {
                return null;
            }
            if (c < 0) {
                int len = utf8Length(b, k, n);
                if (len < 0) {
                    return null;
                }
                for (int j = k; j < k + len; j++) { // the rarest byte may be one of this sequence's
                    if (b[j] == rareByte) {
                        lines.candidate(j - rare);
                    }
                }
                i = k + len;
            } else {
                lines.candidate(k - rare);
                i = k + 1;
            }
        }
        return lines.result();
    }

    /** The first index from {@code i} of a byte above 0x7F, a CR or {@code rareByte}; {@code n} if none. */
    private int nextStop(byte[] b, int i, int n, byte rareByte) {
        int j = i;
        for (; j + 8 <= n; j += 8) {
            long w = (long) LONGS.get(b, j);
            long stops = (w & HIGHS) | zeroBytes(w ^ CRS) | zeroBytes(w ^ rareWord);
            if (stops != 0) {
                return j + (Long.numberOfTrailingZeros(stops) >>> 3);
            }
        }
        for (; j < n; j++) {
            byte c = b[j];
            if (c < 0 || c == '\r' || c == rareByte) {
                return j;
            }
        }
        return n;
    }

    /** The changed lines found so far: each line holding the needle is replaced once. */
    private final class Lines {
        private final byte[] b;
        private final int n;
        private final Matcher m = replacer.pattern().matcher("");
        private final StringBuilder line = new StringBuilder();
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private byte[][] texts = new byte[16][];
        private int changed;
        private int matches;
        /** The end (its LF, or n) of the last line handed to the regex: candidates up to it are done. */
        private int doneTo = -1;

        Lines(byte[] b, int n) {
            this.b = b;
            this.n = n;
        }

        void candidate(int at) {
            if (at <= doneTo || at < 0 || at + needle.length > n) {
                return;
            }
            for (int k = 0; k < needle.length; k++) {
                if (b[at + k] != needle[k]) {
                    return;
                }
            }
            int start = at;
            while (start > 0 && b[start - 1] != '\n') {
                start--;
            }
            int end = at + needle.length;
            while (end < n && b[end] != '\n') {
                end++;
            }
            doneTo = end;
            String text = new String(b, start, end - start, StandardCharsets.UTF_8);
            int found = replaceLine(m, text, line);
            if (found > 0) {
                if (changed == starts.length) {
                    starts = Arrays.copyOf(starts, changed * 2);
                    ends = Arrays.copyOf(ends, changed * 2);
                    texts = Arrays.copyOf(texts, changed * 2);
                }
                starts[changed] = start;
                ends[changed] = end;
                texts[changed++] = line.toString().getBytes(StandardCharsets.UTF_8);
                matches += found;
            }
        }

        Result result() {
            return new Result(b, n, starts, ends, texts, changed, matches);
        }
    }

    /** As {@code LineReplacer.replaceIn} over one line: the replaced line into {@code out}, the match count returned. */
    private int replaceLine(Matcher m, String text, StringBuilder out) {
        out.setLength(0);
        m.reset(text);
        m.useAnchoringBounds(true).useTransparentBounds(false);
        int prevEnd = -1;
        int copied = 0;
        int found = 0;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            out.append(text, copied, m.start());
            replacer.template().expand(m, text, out);
            copied = m.end();
            prevEnd = m.end();
            found++;
        }
        out.append(text, copied, text.length());
        return found;
    }

    private static boolean hasBom(byte[] b, int n) {
        return (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF)
                || (n >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF)));
    }

    private static boolean hasNul(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Strict UTF-8 as the JDK's decoder reads it: no overlong forms, no surrogates, nothing above U+10FFFF. */
    static boolean validUtf8(byte[] b, int n) {
        int i = AsciiScan.firstNonAscii(b, 0, n);
        while (i < n) {
            int len = utf8Length(b, i, n);
            if (len < 0) {
                return false;
            }
            i = AsciiScan.firstNonAscii(b, i + len, n);
        }
        return true;
    }

    /** The length of the strict UTF-8 sequence that starts with the non-ASCII byte {@code b[i]}, or -1 if malformed. */
    private static int utf8Length(byte[] b, int i, int n) {
        int c = b[i] & 0xFF;
        int len;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + len > n) {
            return -1;
        }
        int cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        return cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? -1 : len;
    }

    /** The high bit of every zero byte of {@code x}, exactly (no false positives after a zero). */
    private static long zeroBytes(long x) {
        long y = (x & LOW7) + LOW7;
        return ~(y | x | LOW7);
    }
}
