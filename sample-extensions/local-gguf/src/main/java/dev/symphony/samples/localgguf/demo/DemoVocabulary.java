package dev.symphony.samples.localgguf.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo model's tokenizer, in llama.cpp's SentencePiece ("llama") form so llama.cpp tokenizes and detokenizes it
 * itself: {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte tokens {@code <0x00>}…{@code <0xFF>} (byte
 * fallback), then one token per printable ASCII character, the space written {@code ▁} (U+2581) as SentencePiece
 * does. No token is longer than one character, so llama.cpp's merges never apply and {@link #encode} here gives the
 * same ids llama.cpp does.
 *
 * <p>The <em>context class</em> of a token is its row in the embedding: one per character token, one for a line
 * feed (also used after {@code <s>}: a text starts like a line), one shared by everything else.
 */
final class DemoVocabulary {
    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS = 2;
    static final int FIRST_BYTE = 3;
    static final int FIRST_CHAR = FIRST_BYTE + 256;
    static final int LINE_FEED = FIRST_BYTE + '\n';
    static final char SPACE_MARK = '\u2581';
    /** Printable ASCII, 0x20 (written ▁) to 0x7E. */
    static final int CHARS = 0x7F - 0x20;
    static final int LINE_START_CLASS = CHARS;
    static final int OTHER_CLASS = CHARS + 1;
    static final int CLASSES = CHARS + 2;
    private static final int TYPE_NORMAL = 1;
    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_BYTE = 6;

    int size() {
        return FIRST_CHAR + CHARS;
    }

    /** Tokens the model may produce: the characters, a line feed and end of sequence. */
    boolean isEmittable(int token) {
        return token >= FIRST_CHAR || token == LINE_FEED || token == EOS;
    }

    int emittable() {
        return CHARS + 2;
    }

    int contextClass(int token) {
        if (token >= FIRST_CHAR) {
            return token - FIRST_CHAR;
        }
        return token == LINE_FEED || token == BOS ? LINE_START_CLASS : OTHER_CLASS;
    }

    /**
     * The corpus as this vocabulary's characters: Unicode compatibility-decomposed, accents dropped, a few symbols
     * the docs use spelled in ASCII, tabs as spaces, other characters removed; line feeds kept.
     */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.replace("\r", ""), Normalizer.Form.NFKD)
                .replace("\u2014", "-").replace("\u2013", "-").replace("\u2192", "->").replace("\u2190", "<-")
                .replace("\u00d7", "x").replace("\u2264", "<=").replace("\u2265", ">=").replace("\u2026", "...")
                .replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", "\"").replace("\u201d", "\"")
                .replace('\t', ' ');
        StringBuilder ascii = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == '\n' || c >= 0x20 && c < 0x7F) {
                ascii.append(c);
            }
        }
        return ascii.toString();
    }

    /** Token ids of normalized text (as llama.cpp would tokenize it without a leading space or {@code <s>}). */
    int[] encode(String normalized) {
        int[] ids = new int[normalized.length()];
        for (int i = 0; i < ids.length; i++) {
            char c = normalized.charAt(i);
            ids[i] = c == '\n' ? LINE_FEED : c >= 0x20 && c < 0x7F ? FIRST_CHAR + (c - 0x20) : UNK;
        }
        return ids;
    }

    /** The {@code tokenizer.ggml.*} metadata. */
    void describe(GgufWriter gguf) {
        List<String> tokens = new ArrayList<>(size());
        int[] types = new int[size()];
        tokens.add("<unk>");
        types[UNK] = TYPE_UNKNOWN;
        tokens.add("<s>");
        types[BOS] = TYPE_CONTROL;
        tokens.add("</s>");
        types[EOS] = TYPE_CONTROL;
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types[FIRST_BYTE + b] = TYPE_BYTE;
        }
        for (int c = 0x20; c < 0x7F; c++) {
            tokens.add(c == ' ' ? String.valueOf(SPACE_MARK) : String.valueOf((char) c));
            types[FIRST_CHAR + c - 0x20] = TYPE_NORMAL;
        }
        gguf.string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .floats("tokenizer.ggml.scores", new float[size()])
                .ints("tokenizer.ggml.token_type", types)
                .uint32("tokenizer.ggml.bos_token_id", BOS)
                .uint32("tokenizer.ggml.eos_token_id", EOS)
                .uint32("tokenizer.ggml.unknown_token_id", UNK)
                .bool("tokenizer.ggml.add_bos_token", true)
                .bool("tokenizer.ggml.add_eos_token", false)
                .bool("tokenizer.ggml.add_space_prefix", false);
    }
}
