package dev.symphony.editor.search;

import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.text.AsciiScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@link LineReplacer}'s replace-all straight on a file's bytes, for the common case: UTF-8 without
 * a byte-order mark, LF line ends only (no CR anywhere), no NUL where {@link TextDecoder} looks for one, and a
 * per-line pattern with a required literal. The bytes are viewed as a Latin-1 string, so
 * {@link String#indexOf} finds the literal's UTF-8 bytes; only the lines holding it are decoded,
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
    public record Result(byte[] input, int length, int[] starts, int[] ends, byte[][] lines, int changed, int matches) {

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

    private final LineReplacer replacer;
    private final String needle;

    public Utf8LineReplace(LineReplacer replacer) {
        this.replacer = replacer;
        Optional<String> lit = replacer.prefilterLiteral();
        this.needle = lit.map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).orElse(null);
    }

    /** The replaced bytes of {@code b[0, n)}, or null when this fast path does not apply (see the class note). */
    public Result replace(byte[] b, int n) {
        if (needle == null || needle.isEmpty() || n == 0 || hasBom(b, n) || hasNul(b, Math.min(n, TextDecoder.BINARY_SNIFF))) {
            return null;
        }
        if (!validUtf8(b, n)) {
            return null;
        }
        String s = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        if (s.indexOf('\r') >= 0) {
            return null;
        }
        Matcher m = replacer.pattern().matcher("");
        StringBuilder line = new StringBuilder();
        int[] starts = new int[16];
        int[] ends = new int[16];
        byte[][] lines = new byte[16][];
        int changed = 0;
        int matches = 0;
        int i = s.indexOf(needle);
        while (i >= 0) {
            int start = s.lastIndexOf('\n', i - 1) + 1;
            int end = s.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            String text = new String(b, start, end - start, StandardCharsets.UTF_8);
            int found = replaceLine(m, text, line);
            if (found > 0) {
                if (changed == starts.length) {
                    starts = Arrays.copyOf(starts, changed * 2);
                    ends = Arrays.copyOf(ends, changed * 2);
                    lines = Arrays.copyOf(lines, changed * 2);
                }
                starts[changed] = start;
                ends[changed] = end;
                lines[changed++] = line.toString().getBytes(StandardCharsets.UTF_8);
                matches += found;
            }
            i = end + 1 < n ? s.indexOf(needle, end + 1) : -1;
        }
        return new Result(b, n, starts, ends, lines, changed, matches);
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
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i = AsciiScan.firstNonAscii(b, i + 1, n);
                continue;
            }
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
                return false;
            }
            if (i + len > n) {
                return false;
            }
            int cp = c & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += len;
        }
        return true;
    }
}
