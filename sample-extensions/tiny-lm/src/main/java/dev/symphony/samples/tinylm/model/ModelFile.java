package dev.symphony.samples.tinylm.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One file per model:
 * <pre>
 *   UTF "symphony-tiny-lm" | int format (1) | UTF vocabulary characters | int hidden size
 *   | UTF provenance (JSON: corpus, seed, epochs, loss…) | DJL block parameters (Block.saveParameters)
 * </pre>
 * The header comes first because the block cannot be built (and DJL's parameters cannot be read) before the
 * vocabulary and hidden size are known.
 */
public final class ModelFile {
    public static final String MAGIC = "symphony-tiny-lm";
    public static final int FORMAT = 1;

    private ModelFile() {
    }

    /** What a file says about itself besides the weights. */
    public record Header(CharVocabulary vocabulary, int hidden, String provenance) {
    }

    /** Writes atomically (temporary file beside {@code out}, then a move). */
    public static void save(Path out, CharVocabulary vocabulary, CharGruBlock block, String provenance) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tiny-lm-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream data = new DataOutputStream(new BufferedOutputStream(os))) {
                data.writeUTF(MAGIC);
                data.writeInt(FORMAT);
                data.writeUTF(vocabulary.chars());
                data.writeInt(block.hidden());
                data.writeUTF(provenance);
                block.saveParameters(data);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a model; the block's arrays belong to {@code manager}. */
    public static CharLm load(InputStream in, NDManager manager, String source) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        Header header = readHeader(data, source);
        CharGruBlock block = new CharGruBlock(header.vocabulary().size(), header.hidden());
        try {
            block.loadParameters(manager, data);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(source + ": the parameters do not fit a tiny-lm block (" + e.getMessage() + ")", e);
        }
        return new CharLm(header, block, manager);
    }

    private static Header readHeader(DataInputStream data, String source) throws IOException {
        String magic;
        try {
            magic = data.readUTF();
        } catch (IOException e) {
            throw new IOException(source + " is not a tiny-lm model file", e);
        }
        if (!MAGIC.equals(magic)) {
            throw new IOException(source + " is not a tiny-lm model file");
        }
        int format = data.readInt();
        if (format != FORMAT) {
            throw new IOException(source + " has format " + format + ", this build reads " + FORMAT + ": retrain it");
        }
        CharVocabulary vocabulary = new CharVocabulary(data.readUTF());
        int hidden = data.readInt();
        return new Header(vocabulary, hidden, data.readUTF());
    }
}
