package dev.symphony.editor.search.files;

import dev.symphony.editor.search.LiteralPrefilter;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.text.AsciiScan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches one file at a time for one worker thread (not thread-safe; each worker has its own).
 *
 * <p>A file is read in chunks of whole lines (at most {@link #CHUNK} bytes unless a line is
 * longer) into one reused buffer. Each chunk is viewed as a Latin-1 string of its bytes, so that
 * {@link String#indexOf} (vectorised by the JIT) finds the UTF-8 bytes of a literal, or of the
 * literal every regex match must contain ({@link LiteralPrefilter}); only the lines it finds are
 * decoded and run through the regex. A regex without such a literal runs over every line of the
 * decoded chunk. Matching is line by line like ripgrep: {@code ^}/{@code $} are line anchors and
 * no match spans a line break. A NUL byte marks the file binary (skipped); a UTF-16 byte-order mark
 * makes it decoded as UTF-16 first; a UTF-8 one is skipped.
 */
final class FileScanner {

    static final int CHUNK = 4 << 20;
    private static final long LINE_COUNT = (1L << 40) - 1;

    private final Pattern pattern;
    private final Matcher matcher;
    /** The query's bytes (UTF-8, one char per byte) when it is a case-sensitive literal; else null. */
    private final String literal;
    /** Bytes every match contains, for a regex; null when there are none to rely on. */
    private final String required;
    private final String requiredChars;
    private byte[] buf = new byte[64 << 10];

    /** Set by {@link #scan}: why the last file was skipped, or null. */
    SkippedFile.Reason skipped;

    FileScanner(SearchQuery query) {
        this.pattern = LinePattern.compile(query);
        this.matcher = pattern.matcher("");
        boolean plainLiteral = !query.regex() && query.caseSensitive() && !query.wholeWord();
        this.literal = plainLiteral ? latin1(query.text()) : null;
        String req = null;
        if (!plainLiteral && query.caseSensitive()) {
            req = query.regex()
                    ? LiteralPrefilter.requiredLiteral(new SearchQuery(query.text(), true, true, false).compile()).orElse(null)
                    : query.text();
        }
        this.requiredChars = req;
        this.required = req == null ? null : latin1(req);
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The file's matching lines (empty when none), or null when skipped ({@link #skipped} says why). */
    List<LineMatch> scan(Path file, long size) throws IOException {
        skipped = null;
        List<LineMatch> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int want = (int) Math.min(Math.max(size + 1, 4096), CHUNK);
            if (buf.length < want) {
                buf = new byte[want];
            }
            int len = 0;
            long lineBase = 1;
            boolean first = true;
            while (true) {
                int n = len == buf.length ? 0 : ch.read(ByteBuffer.wrap(buf, len, buf.length - len));
                if (n < 0) {
                    if (len > 0 || first) {
                        if (first && isUtf16(len)) {
                            return utf16(ch, len, out);
                        }
                        if (chunk(0, len, lineBase, first, out) < 0) {
                            return null;
                        }
                    }
                    return out;
                }
                len += n;
                if (len < buf.length) {
                    continue;
                }
                if (first && isUtf16(len)) {
                    return utf16(ch, len, out);
                }
                int lastLf = lastLineFeed(len);
                if (lastLf < 0) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2); // one line longer than the buffer
                    continue;
                }
                long lines = chunk(0, lastLf + 1, lineBase, first, out);
                if (lines < 0) {
                    return null;
                }
                lineBase += lines;
                first = false;
                System.arraycopy(buf, lastLf + 1, buf, 0, len - lastLf - 1);
                len -= lastLf + 1;
            }
        }
    }

    private boolean isUtf16(int len) {
        return len >= 2 && ((buf[0] == (byte) 0xFF && buf[1] == (byte) 0xFE) || (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF));
    }

    private int lastLineFeed(int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Searches buf[from, to) (whole lines); returns its line count, or -1 if it is binary. */
    private long chunk(int from, int to, long lineBase, boolean first, List<LineMatch> out) {
        if (first && to - from >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            from = 3;
        }
        String needle = literal != null ? literal : required;
        if (needle == null) {
            long scan = AsciiScan.lineFeedsOrNul(buf, from, to);
            if ((scan & AsciiScan.HAS_NUL) != 0) {
                return binary();
            }
            String text = new String(buf, from, to - from, (scan & AsciiScan.NON_ASCII) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            searchAllLines(text, lineBase, out);
            return scan & LINE_COUNT;
        }
        // The NUL check rides on the line count between matches, which covers every byte of the chunk
        // once: a NUL found after some matches still makes the whole file binary (scan drops them).
        String s = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        int counted = 0;
        long line = lineBase;
        int i = s.indexOf(needle);
        while (i >= 0) {
            int lineStart = s.lastIndexOf('\n', i - 1) + 1;
            int lineEnd = s.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = s.length();
            }
            long gap = AsciiScan.lineFeedsOrNul(buf, from + counted, from + lineStart);
            if ((gap & AsciiScan.HAS_NUL) != 0) {
                return binary();
            }
            line += gap & LINE_COUNT;
            counted = lineStart;
            LineMatch m = literal != null ? literalLine(s, from, lineStart, lineEnd, i, line)
                    : regexLine(new String(buf, from + lineStart, lineEnd - lineStart, StandardCharsets.UTF_8), line);
            if (m != null) {
                out.add(m);
            }
            i = lineEnd + 1 < s.length() ? s.indexOf(needle, lineEnd + 1) : -1;
        }
        long rest = AsciiScan.lineFeedsOrNul(buf, from + counted, to);
        if ((rest & AsciiScan.HAS_NUL) != 0) {
            return binary();
        }
        return (line - lineBase) + (rest & LINE_COUNT);
    }

    private long binary() {
        skipped = SkippedFile.Reason.BINARY;
        return -1;
    }

    private LineMatch literalLine(String s, int from, int lineStart, int lineEnd, int first, long line) {
        List<Integer> found = new ArrayList<>();
        for (int j = first; j >= 0 && j + literal.length() <= lineEnd; j = s.indexOf(literal, j + literal.length())) {
            found.add(j);
        }
        int[] starts = new int[found.size()];
        int[] ends = new int[found.size()];
        boolean ascii = (AsciiScan.lineFeeds(buf, from + lineStart, from + lineEnd) & AsciiScan.NON_ASCII) == 0;
        String text = ascii ? s.substring(lineStart, lineEnd)
                : new String(buf, from + lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        int literalUnits = ascii ? literal.length() : utf16Length(from + found.get(0), from + found.get(0) + literal.length());
        int bytePos = lineStart;
        int unitPos = 0;
        for (int k = 0; k < starts.length; k++) { // UTF-16 offsets by decoding only the gaps between matches
            int b = found.get(k);
            unitPos += ascii ? b - bytePos : utf16Length(from + bytePos, from + b);
            starts[k] = unitPos;
            ends[k] = unitPos + literalUnits;
            bytePos = b;
        }
        return new LineMatch(line, stripCr(text), starts, ends);
    }

    private int utf16Length(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8).length();
    }

    private LineMatch regexLine(String text, long line) {
        matcher.reset(text);
        int[] starts = null;
        int[] ends = null;
        int n = 0;
        while (matcher.find()) {
            if (starts == null) {
                starts = new int[4];
                ends = new int[4];
            } else if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                ends = java.util.Arrays.copyOf(ends, n * 2);
            }
            starts[n] = matcher.start();
            ends[n++] = matcher.end();
        }
        return n == 0 ? null : new LineMatch(line, stripCr(text), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
    }

    /** Every line of {@code text} through the regex (no required literal to narrow it down). */
    private void searchAllLines(String text, long lineBase, List<LineMatch> out) {
        long line = lineBase;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            matcher.reset(text).region(pos, end);
            if (matcher.find()) {
                LineMatch m = regexLine(text.substring(pos, end), line);
                if (m != null) {
                    out.add(m);
                }
            }
            line++;
            pos = end + 1;
        }
    }

    private List<LineMatch> utf16(FileChannel ch, int len, List<LineMatch> out) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(Math.max(len, 16));
        all.write(buf, 0, len);
        ByteBuffer more = ByteBuffer.allocate(64 << 10);
        while (ch.read(more.clear()) > 0) {
            all.write(more.array(), 0, more.position());
        }
        String text = new String(all.toByteArray(), StandardCharsets.UTF_16); // honours and drops the BOM
        searchAllLines(text, 1, out);
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    String requiredLiteral() {
        return literal != null ? null : requiredChars;
    }
}
