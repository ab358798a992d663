package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.RopeBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes to rope, one chunk at a time (no whole-document String): BOM sniffing, binary refusal,
 * strict UTF-8 with a lossless ISO-8859-1 fallback, UTF-16 with BOM.
 */
public final class TextDecoder {

    /** Like git: a NUL byte in the first 8000 bytes (of a file without a UTF-16 BOM) means binary. */
    static final int BINARY_SNIFF = 8000;

    private final int maxChunk;
    private final int maxChildren;

    public TextDecoder() {
        this(Rope.DEFAULT_MAX_CHUNK, Rope.DEFAULT_MAX_CHILDREN);
    }

    public TextDecoder(int maxChunk, int maxChildren) {
        this.maxChunk = maxChunk;
        this.maxChildren = maxChildren;
    }

    public TextFile load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new NotTextException(file, "is a directory");
        }
        return decode(file, Files.readAllBytes(file));
    }

    public TextFile decode(Path file, byte[] b) throws NotTextException {
        TextEncoding enc = sniff(b);
        Rope rope;
        if (enc == TextEncoding.UTF_16LE || enc == TextEncoding.UTF_16BE) {
            rope = decodeUtf16(file, b, enc);
        } else {
            int sniff = Math.min(b.length, BINARY_SNIFF);
            for (int i = 0; i < sniff; i++) {
                if (b[i] == 0) {
                    throw new NotTextException(file, "looks like a binary file (NUL byte at offset " + i
                            + "); it is not opened as text");
                }
            }
            rope = decodeUtf8(b, enc.bomLength());
            if (rope == null) {
                enc = TextEncoding.ISO_8859_1_FALLBACK;
                rope = new RopeBuilder(maxChunk, maxChildren).appendLatin1(b, 0, b.length).build();
            }
        }
        return new TextFile(rope, enc, LineEnding.detect(rope), b.length);
    }

    static TextEncoding sniff(byte[] b) {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return TextEncoding.UTF_8_BOM;
        }
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return TextEncoding.UTF_16LE;
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return TextEncoding.UTF_16BE;
        }
        return TextEncoding.UTF_8;
    }

    /**
     * Chunk-sized slices on UTF-8 character boundaries; {@code new String(.., UTF_8)} has a vectorised
     * ASCII path, and a slice that decodes to as many chars as bytes was pure ASCII. Non-ASCII slices
     * are validated strictly. Returns null when the bytes are not valid UTF-8.
     */
    private Rope decodeUtf8(byte[] b, int start) {
        RopeBuilder out = new RopeBuilder(maxChunk, maxChildren);
        CharsetDecoder strict = null;
        int i = start;
        while (i < b.length) {
            int end = Math.min(b.length, i + maxChunk);
            if (end < b.length) {
                int back = end;
                while (back > i && back > end - 4 && (b[back] & 0xC0) == 0x80) {
                    back--;
                }
                if (back > i) {
                    end = back;
                }
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
            i = end;
        }
        return out.build();
    }

    private Rope decodeUtf16(Path file, byte[] b, TextEncoding enc) throws NotTextException {
        if ((b.length & 1) != 0) {
            throw new NotTextException(file, "has a " + enc.label() + " byte-order mark but an odd number of bytes");
        }
        CharsetDecoder strict = enc.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        RopeBuilder out = new RopeBuilder(maxChunk, maxChildren);
        int i = 2;
        boolean le = enc == TextEncoding.UTF_16LE;
        while (i < b.length) {
            int end = Math.min(b.length, i + 2 * maxChunk);
            if (end < b.length) {
                int unit = le ? (b[end - 2] & 0xFF) | (b[end - 1] & 0xFF) << 8 : (b[end - 2] & 0xFF) << 8 | (b[end - 1] & 0xFF);
                if (Character.isHighSurrogate((char) unit)) {
                    end -= 2;
                }
            }
            try {
                out.append(strict.decode(ByteBuffer.wrap(b, i, end - i)).toString());
            } catch (CharacterCodingException e) {
                throw new NotTextException(file, "is not valid " + enc.label() + " near byte " + i + " (" + e.getMessage() + ")");
            }
            i = end;
        }
        return out.build();
    }
}
