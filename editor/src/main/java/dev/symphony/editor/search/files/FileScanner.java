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
 * longer) into one reused buffer. {@link LiteralFinder} (one SWAR pass, which also notices NUL bytes)
 * finds the UTF-8 bytes of a literal in it, or of the literal every regex match must contain
 * ({@link LiteralPrefilter}); only the lines it finds are
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
    private final LiteralFinder literalFinder;
    private final LiteralFinder requiredFinder;
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
        this.literalFinder = literal == null || literal.isEmpty() ? null : new LiteralFinder(literal.getBytes(StandardCharsets.ISO_8859_1));
        this.requiredFinder = required == null || required.isEmpty() ? null : new LiteralFinder(required.getBytes(StandardCharsets.ISO_8859_1));
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
                        if (chunk(0, len, lineBase, first, true, out) < 0) {
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
                long lines = chunk(0, lastLf + 1, lineBase, first, false, out);
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

    /**
     * Searches buf[from, to) (whole lines); returns its line count (0 may stand for it when {@code last}:
     * no chunk follows to number), or -1 if it is binary.
     */
    private long chunk(int from, int to, long lineBase, boolean first, boolean last, List<LineMatch> out) {
        if (first && to - from >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            from = 3;
        }
        if (literalFinder == null && requiredFinder == null) {
            long scan = AsciiScan.lineFeedsOrNul(buf, from, to);
            if ((scan & AsciiScan.HAS_NUL) != 0) {
                return binary();
            }
            String text = new String(buf, from, to - from, (scan & AsciiScan.NON_ASCII) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            searchAllLines(text, lineBase, out);
            return scan & LINE_COUNT;
        }
        // Found by one SWAR pass that also checks for NUL (LiteralFinder): no Latin-1 copy of the chunk,
        // and lines are counted only up to the matches (and past the last one when more chunks follow).
        // Every byte is still checked for NUL once: a NUL after some matches makes the file binary too.
        LiteralFinder finder = literalFinder != null ? literalFinder : requiredFinder;
        int counted = from;
        long line = lineBase;
        int i = finder.find(buf, from, to);
        while (i >= 0) {
            int lineStart = i;
            while (lineStart > from && buf[lineStart - 1] != '\n') {
                lineStart--;
            }
            int lineEnd = i;
            for (; lineEnd < to && buf[lineEnd] != '\n'; lineEnd++) {
                if (buf[lineEnd] == 0) {
                    return binary();
                }
            }
            line += AsciiScan.lineFeeds(buf, counted, lineStart) & LINE_COUNT;
            counted = lineStart;
            LineMatch m = literalFinder != null ? literalLine(lineStart, lineEnd, i, line)
                    : regexLine(new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8), line);
            if (m != null) {
                out.add(m);
            }
            i = lineEnd + 1 < to ? finder.find(buf, lineEnd + 1, to) : -1;
        }
        if (i == LiteralFinder.NUL) {
            return binary();
        }
        return last ? line - lineBase : (line - lineBase) + (AsciiScan.lineFeeds(buf, counted, to) & LINE_COUNT);
    }

    private long binary() {
        skipped = SkippedFile.Reason.BINARY;
        return -1;
    }

    /** The matches of the literal in the line buf[lineStart, lineEnd), the first at {@code first} (all indexes into buf). */
    private LineMatch literalLine(int lineStart, int lineEnd, int first, long line) {
        int width = literalFinder.length();
        List<Integer> found = new ArrayList<>();
        for (int j = first; j >= 0 && j + width <= lineEnd; j = literalFinder.find(buf, j + width, lineEnd)) {
            found.add(j);
        }
        if (found.isEmpty()) {
            return null;
        }
        int[] starts = new int[found.size()];
        int[] ends = new int[found.size()];
        boolean ascii = (AsciiScan.lineFeeds(buf, lineStart, lineEnd) & AsciiScan.NON_ASCII) == 0;
        String text = new String(buf, lineStart, lineEnd - lineStart, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        int literalUnits = ascii ? width : utf16Length(found.get(0), found.get(0) + width);
        int bytePos = lineStart;
        int unitPos = 0;
        for (int k = 0; k < starts.length; k++) { // UTF-16 offsets by decoding only the gaps between matches
            int b = found.get(k);
            unitPos += ascii ? b - bytePos : utf16Length(bytePos, b);
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
