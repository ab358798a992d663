package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Rope to bytes, chunk by chunk, BOM first. A surrogate pair split across two chunks is joined
 * before encoding. Characters the encoding cannot represent (e.g. a non-Latin-1 char typed into an
 * ISO-8859-1-fallback file) are refused rather than silently replaced.
 */
public final class TextEncoder {

    private TextEncoder() {
    }

    public static void write(Rope text, TextEncoding encoding, OutputStream out) throws IOException {
        out.write(encoding.bom());
        boolean latin1 = encoding == TextEncoding.ISO_8859_1_FALLBACK;
        String carry = "";
        int offset = 0;
        for (String chunk : text.chunks()) {
            String s = carry.isEmpty() ? chunk : carry + chunk;
            int sStart = offset - carry.length();
            carry = "";
            if (Character.isHighSurrogate(s.charAt(s.length() - 1)) && offset + chunk.length() < text.length()) {
                carry = s.substring(s.length() - 1);
                s = s.substring(0, s.length() - 1);
            }
            if (latin1) {
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > 0xFF) {
                        throw new IOException("character U+" + Integer.toHexString(s.charAt(i)).toUpperCase()
                                + " at offset " + (sStart + i)
                                + " cannot be saved in the file's original 8-bit encoding; save as UTF-8 instead");
                    }
                }
            }
            out.write(s.getBytes(encoding.charset()));
            offset += chunk.length();
        }
        if (!carry.isEmpty()) {
            out.write(carry.getBytes(encoding.charset()));
        }
    }
}
