package dev.symphony.editor.file;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings a text file is opened with and saved back in, BOM included. */
public enum TextEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8, new byte[0]),
    UTF_8_BOM("UTF-8-BOM", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
    UTF_16LE("UTF-16LE", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
    UTF_16BE("UTF-16BE", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF}),
    /** Not valid UTF-8: every byte is kept as the char of the same value, so saving is byte-exact. */
    ISO_8859_1_FALLBACK("ISO-8859-1-fallback", StandardCharsets.ISO_8859_1, new byte[0]);

    private final String label;
    private final Charset charset;
    private final byte[] bom;

    TextEncoding(String label, Charset charset, byte[] bom) {
        this.label = label;
        this.charset = charset;
        this.bom = bom;
    }

    /** The name used in {@code edit --stats} output and in the UI. */
    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    public byte[] bom() {
        return bom.clone();
    }

    int bomLength() {
        return bom.length;
    }
}
