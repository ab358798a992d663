package dev.symphony.editor.file;

import dev.symphony.editor.text.AsciiScan;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.RopeBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes to rope, streaming through one reused 1 MB block and one chunk at a time (no whole-file
 * byte array, no whole-document String): BOM sniffing, binary refusal, strict UTF-8 with a lossless
 * ISO-8859-1 fallback, UTF-16 with BOM.
 */
public final class TextDecoder {

    /** Like git: a NUL byte in the first 8000 bytes (of a file without a UTF-16 BOM) means binary. */
    public static final int BINARY_SNIFF = 8000;
    private static final int BLOCK = 1 << 20;
    /** Files from this size on are decoded by two threads (each half into its own rope, then joined). */
    static final long PARALLEL_MIN = 16L << 20;

    private final int maxChunk;
    private final int maxChildren;
    private final long parallelMin;

    public TextDecoder() {
        this(Rope.DEFAULT_MAX_CHUNK, Rope.DEFAULT_MAX_CHILDREN);
    }

    /** The two-thread threshold can be moved with {@code -Dsymphony.editor.parallelMin=BYTES} (as for {@code LineReplacer}). */
    public TextDecoder(int maxChunk, int maxChildren) {
        this(maxChunk, maxChildren, Long.getLong("symphony.editor.parallelMin", PARALLEL_MIN));
    }

    /** Tests lower {@code parallelMin} to run the two-thread path on small files. */
    TextDecoder(int maxChunk, int maxChildren, long parallelMin) {
        this.maxChunk = maxChunk;
        this.maxChildren = maxChildren;
        this.parallelMin = parallelMin;
    }

    public TextFile load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new NotTextException(file, "is a directory");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            TextFile tf = size >= parallelMin && size >= 2 && Runtime.getRuntime().availableProcessors() > 1
                    ? decodeInHalves(file, ch, size) : decode(file, ch, size);
            if (tf != null) {
                return tf;
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return fallback(ch, ch.size());
        }
    }

    public TextFile decode(Path file, byte[] b) throws IOException {
        TextFile tf = decode(file, Channels.newChannel(new ByteArrayInputStream(b)), b.length);
        return tf != null ? tf : fallback(Channels.newChannel(new ByteArrayInputStream(b)), b.length);
    }

    /** Null when the bytes turn out not to be valid UTF-8 (the caller re-reads them as the fallback). */
    private TextFile decode(Path file, ReadableByteChannel ch, long size) throws IOException {
        Blocks in = new Blocks(ch, Math.max(BINARY_SNIFF, 4 * maxChunk + 8));
        in.ensure(BINARY_SNIFF);
        TextEncoding enc = sniff(in);
        Rope rope;
        if (enc == TextEncoding.UTF_16LE || enc == TextEncoding.UTF_16BE) {
            rope = decodeUtf16(file, in, enc, size);
        } else {
            for (int i = 0; i < Math.min(in.lim, BINARY_SNIFF); i++) {
                if (in.buf[i] == 0) {
                    throw new NotTextException(file, "looks like a binary file (NUL byte at offset " + i
                            + "); it is not opened as text");
                }
            }
            in.pos = enc.bomLength();
            rope = decodeUtf8(in);
            if (rope == null) {
                return null;
            }
        }
        return new TextFile(rope, enc, LineEnding.detect(rope), size);
    }

    /**
     * Big UTF-8 files: the second half (from a character boundary) decodes on another thread while
     * this one does the first; the two ropes are joined in O(log n). UTF-16 files and anything the
     * sniff does not call UTF-8 take the sequential path.
     */
    private TextFile decodeInHalves(Path file, FileChannel ch, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(BINARY_SNIFF);
        while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
            // fill the sniff window
        }
        Blocks sniffed = new Blocks(Channels.newChannel(new ByteArrayInputStream(head.array(), 0, head.position())), 0);
        sniffed.ensure(BINARY_SNIFF);
        TextEncoding enc = sniff(sniffed);
        if (enc != TextEncoding.UTF_8 && enc != TextEncoding.UTF_8_BOM) {
            return decode(file, new RangeChannel(ch, 0, size), size);
        }
        for (int i = 0; i < sniffed.lim; i++) {
            if (sniffed.buf[i] == 0) {
                throw new NotTextException(file, "looks like a binary file (NUL byte at offset " + i + "); it is not opened as text");
            }
        }
        long mid = size / 2;
        ByteBuffer probe = ByteBuffer.allocate(4);
        ch.read(probe, mid);
        for (int i = 0; i < probe.position() && (probe.get(i) & 0xC0) == 0x80; i++) {
            mid++;
        }
        long split = mid;
        Rope[] second = new Rope[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                second[0] = decodeUtf8(new Blocks(new RangeChannel(ch, split, size), 4 * maxChunk + 8));
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "text-decoder");
        worker.start();
        Blocks first = new Blocks(new RangeChannel(ch, 0, split), 4 * maxChunk + 8);
        first.ensure(3);
        first.pos = enc.bomLength();
        Rope one = decodeUtf8(first);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding " + file, e);
        }
        if (failure[0] instanceof IOException) {
            throw (IOException) failure[0];
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        if (one == null || second[0] == null) {
            return null;
        }
        Rope rope = one.concat(second[0]);
        return new TextFile(rope, enc, LineEnding.detect(rope), size);
    }

    /** Positional reads of {@code [from, to)} of a shared file channel (safe from several threads). */
    private static final class RangeChannel implements ReadableByteChannel {
        private final FileChannel ch;
        private long pos;
        private final long end;

        RangeChannel(FileChannel ch, long from, long to) {
            this.ch = ch;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (pos >= end) {
                return -1;
            }
            int limit = dst.limit();
            if (dst.remaining() > end - pos) {
                dst.limit(dst.position() + (int) (end - pos));
            }
            int n = ch.read(dst, pos);
            dst.limit(limit);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return ch.isOpen();
        }

        @Override
        public void close() {
            // the shared channel is closed by its owner
        }
    }

    private TextFile fallback(ReadableByteChannel ch, long size) throws IOException {
        Blocks in = new Blocks(ch, BLOCK);
        RopeBuilder out = new RopeBuilder(maxChunk, maxChildren);
        while (in.ensure(1) > 0) {
            out.appendLatin1(in.buf, in.pos, in.lim - in.pos);
            in.pos = in.lim;
        }
        Rope rope = out.build();
        return new TextFile(rope, TextEncoding.ISO_8859_1_FALLBACK, LineEnding.detect(rope), size);
    }

    private static TextEncoding sniff(Blocks in) {
        byte[] b = in.buf;
        if (in.lim >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return TextEncoding.UTF_8_BOM;
        }
        if (in.lim >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return TextEncoding.UTF_16LE;
        }
        if (in.lim >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return TextEncoding.UTF_16BE;
        }
        return TextEncoding.UTF_8;
    }

    /**
     * Chunk-sized slices on UTF-8 character boundaries. {@code new String(.., UTF_8)} has a vectorised
     * ASCII path; a slice that decodes to as many chars as bytes without U+FFFD was pure ASCII.
     * Other slices are validated strictly. Returns null when the bytes are not valid UTF-8.
     */
    private Rope decodeUtf8(Blocks in) throws IOException {
        RopeBuilder out = new RopeBuilder(maxChunk, maxChildren);
        CharsetDecoder strict = null;
        int slice = out.chunkFill();
        while (in.ensure(slice + 4) > 0) {
            byte[] b = in.buf;
            int i = in.pos;
            int end = Math.min(in.lim, i + slice);
            if (end < in.lim) {
                int back = end;
                while (back > i && back > end - 4 && (b[back] & 0xC0) == 0x80) {
                    back--;
                }
                if (back > i) {
                    end = back;
                } else {
                    // One character longer than a (tiny, test-sized) slice: take all of it.
                    end = i + 1;
                    while (end < in.lim && (b[end] & 0xC0) == 0x80) {
                        end++;
                    }
                }
            }
            long scan = AsciiScan.scan(b, i, end);
            if (scan >= 0 && (scan & AsciiScan.HAS_CR) == 0) {
                // ASCII without CR (most source files): copy the bytes as Latin-1, summary from the scan.
                out.appendAsciiWithoutCr(new String(b, i, end - i, StandardCharsets.ISO_8859_1), scan);
                in.pos = end;
                continue;
            }
            String s = new String(b, i, end - i, StandardCharsets.UTF_8);
            if (s.length() == end - i && s.indexOf('\uFFFD') < 0) {
                out.appendKnownLatin1(s);
            } else {
                if (strict == null) {
                    strict = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                }
                try {
                    out.append(strict.decode(ByteBuffer.wrap(b, i, end - i)).toString());
                } catch (CharacterCodingException e) {
                    return null;
                }
            }
            in.pos = end;
        }
        return out.build();
    }

    private Rope decodeUtf16(Path file, Blocks in, TextEncoding enc, long size) throws IOException {
        if ((size & 1) != 0) {
            throw new NotTextException(file, "has a " + enc.label() + " byte-order mark but an odd number of bytes");
        }
        CharsetDecoder strict = enc.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        RopeBuilder out = new RopeBuilder(maxChunk, maxChildren);
        boolean le = enc == TextEncoding.UTF_16LE;
        in.pos = 2;
        long offset = 2;
        while (in.ensure(2 * maxChunk + 2) > 0) {
            byte[] b = in.buf;
            int i = in.pos;
            int end = Math.min(in.lim, i + 2 * maxChunk);
            if (end < in.lim) {
                int unit = le ? (b[end - 2] & 0xFF) | (b[end - 1] & 0xFF) << 8 : (b[end - 2] & 0xFF) << 8 | (b[end - 1] & 0xFF);
                if (Character.isHighSurrogate((char) unit)) {
                    end -= 2;
                }
            }
            try {
                out.append(strict.decode(ByteBuffer.wrap(b, i, end - i)).toString());
            } catch (CharacterCodingException e) {
                throw new NotTextException(file, "is not valid " + enc.label() + " near byte " + offset + " (" + e.getMessage() + ")");
            }
            offset += end - i;
            in.pos = end;
        }
        return out.build();
    }

    /** A reused read buffer over a channel: {@code buf[pos, lim)} is unread data. */
    private static final class Blocks {
        final ReadableByteChannel ch;
        final byte[] buf;
        int pos;
        int lim;
        boolean eof;

        Blocks(ReadableByteChannel ch, int min) {
            this.ch = ch;
            this.buf = new byte[Math.max(BLOCK, min)];
        }

        /** Makes at least {@code n} bytes available unless the input ends first; returns what is available. */
        int ensure(int n) throws IOException {
            if (lim - pos < n && !eof) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
                ByteBuffer bb = ByteBuffer.wrap(buf);
                while (lim < buf.length && !eof) {
                    bb.limit(buf.length).position(lim);
                    int r = ch.read(bb);
                    if (r < 0) {
                        eof = true;
                    } else {
                        lim += r;
                    }
                }
            }
            return lim - pos;
        }
    }
}
