package dev.symphony.samples.localgguf.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The recipe of the <b>demo model</b> {@code symphony-demo-bigram.gguf}: a llama-architecture GGUF whose weights are
 * the character bigram statistics of some of the project's own Markdown. It writes doc-flavoured gibberish; it is
 * not an assistant. The build runs it (exec-maven-plugin, {@code process-classes}), so the file is always the one
 * this code and the named corpus files give, byte for byte (no clock, no randomness, no map iteration order).
 *
 * <p>How a bigram table becomes llama weights (one block, {@code n_embd} {@value #EMBEDDING}):
 * <ul>
 *   <li>{@code token_embd}: each token's row is a one-hot vector of its <em>context class</em> ({@link DemoVocabulary}).</li>
 *   <li>The block's attention and feed-forward weights are zero, so both add nothing and the residual stream still
 *       holds the one-hot vector after the block (the graph llama.cpp runs is the full llama graph all the same).</li>
 *   <li>{@code output_norm} = 1/√n_embd undoes RMS normalization's scaling of a one-hot vector (√n_embd), so the
 *       final hidden state is exactly the one-hot vector.</li>
 *   <li>{@code output}: row {@code v}, column {@code c} = ln P(v | c), the smoothed bigram log-probability. The
 *       logits are therefore the bigram distribution after the last token.</li>
 * </ul>
 * End of sequence is counted once at the end of every corpus file, so the model rarely stops on its own.
 *
 * <p>Usage: {@code DemoModelRecipe OUT.gguf CORPUS_FILE...} (the build passes the project's README and
 * {@code docs/architecture.md}); the corpus files' names and SHA-256 are written into the model's metadata.
 */
public final class DemoModelRecipe {
    public static final String FILE_NAME = "symphony-demo-bigram.gguf";
    public static final String MODEL_NAME = "symphony-demo-bigram (DEMO, not an assistant)";
    static final int EMBEDDING = 128;
    static final int FEED_FORWARD = 32;
    static final int HEADS = 4;
    static final int CONTEXT = 2048;
    static final float SMOOTHING = 0.1f;
    /** Logit of a token the model never emits (unknown, begin of sequence, bytes other than a line feed). */
    static final float NEVER = -1000f;

    private DemoModelRecipe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DemoModelRecipe OUT.gguf CORPUS_FILE...");
            System.exit(2);
        }
        List<Path> corpus = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            corpus.add(Path.of(args[i]));
        }
        Path out = Path.of(args[0]);
        write(corpus, out);
        System.out.println("demo model: " + out + " (" + Files.size(out) + " bytes) from " + corpus);
    }

    /** Writes the demo model made from {@code corpus} to {@code out}. */
    public static void write(List<Path> corpus, Path out) throws IOException {
        DemoVocabulary vocabulary = new DemoVocabulary();
        int n = vocabulary.size();
        int classes = DemoVocabulary.CLASSES;
        double[][] counts = new double[classes][n];
        StringBuilder provenance = new StringBuilder();
        for (Path file : corpus) {
            byte[] raw = Files.readAllBytes(file);
            provenance.append(provenance.length() == 0 ? "" : ", ").append(file.getFileName()).append(" sha256:").append(sha256(raw));
            int[] tokens = vocabulary.encode(DemoVocabulary.normalize(new String(raw, StandardCharsets.UTF_8)));
            int context = DemoVocabulary.LINE_START_CLASS;
            for (int token : tokens) {
                counts[context][token]++;
                context = vocabulary.contextClass(token);
            }
            counts[context][DemoVocabulary.EOS]++;
        }
        float[] output = new float[n * EMBEDDING];
        double[] unigram = new double[n];
        for (double[] row : counts) {
            for (int v = 0; v < n; v++) {
                unigram[v] += row[v];
            }
        }
        for (int c = 0; c < EMBEDDING; c++) {
            double[] row = c < classes && sum(counts[c]) > 0 ? counts[c] : unigram;
            double total = sum(row) + SMOOTHING * vocabulary.emittable();
            for (int v = 0; v < n; v++) {
                output[v * EMBEDDING + c] = vocabulary.isEmittable(v) ? (float) Math.log((row[v] + SMOOTHING) / total) : NEVER;
            }
        }
        float[] embedding = new float[n * EMBEDDING];
        for (int t = 0; t < n; t++) {
            embedding[t * EMBEDDING + vocabulary.contextClass(t)] = 1f;
        }
        float[] ones = filled(EMBEDDING, 1f);
        GgufWriter gguf = new GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", MODEL_NAME)
                .string("general.description", "DEMO MODEL: character bigram statistics of Symphony's docs written as a one-block llama."
                        + " It writes gibberish that looks like the docs. Not an assistant; made by " + DemoModelRecipe.class.getName())
                .string("general.license", "same as the Symphony repository")
                .string("symphony.demo.corpus", provenance.toString())
                .uint32("llama.context_length", CONTEXT)
                .uint32("llama.embedding_length", EMBEDDING)
                .uint32("llama.block_count", 1)
                .uint32("llama.feed_forward_length", FEED_FORWARD)
                .uint32("llama.attention.head_count", HEADS)
                .uint32("llama.attention.head_count_kv", HEADS)
                .uint32("llama.rope.dimension_count", EMBEDDING / HEADS)
                .float32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .uint32("llama.vocab_size", n);
        vocabulary.describe(gguf);
        gguf.tensor("token_embd.weight", new long[] {EMBEDDING, n}, embedding)
                .tensor("output_norm.weight", new long[] {EMBEDDING}, filled(EMBEDDING, (float) (1 / Math.sqrt(EMBEDDING))))
                .tensor("output.weight", new long[] {EMBEDDING, n}, output)
                .tensor("blk.0.attn_norm.weight", new long[] {EMBEDDING}, ones)
                .tensor("blk.0.attn_q.weight", new long[] {EMBEDDING, EMBEDDING}, new float[EMBEDDING * EMBEDDING])
                .tensor("blk.0.attn_k.weight", new long[] {EMBEDDING, EMBEDDING}, new float[EMBEDDING * EMBEDDING])
                .tensor("blk.0.attn_v.weight", new long[] {EMBEDDING, EMBEDDING}, new float[EMBEDDING * EMBEDDING])
                .tensor("blk.0.attn_output.weight", new long[] {EMBEDDING, EMBEDDING}, new float[EMBEDDING * EMBEDDING])
                .tensor("blk.0.ffn_norm.weight", new long[] {EMBEDDING}, ones)
                .tensor("blk.0.ffn_gate.weight", new long[] {EMBEDDING, FEED_FORWARD}, new float[EMBEDDING * FEED_FORWARD])
                .tensor("blk.0.ffn_up.weight", new long[] {EMBEDDING, FEED_FORWARD}, new float[EMBEDDING * FEED_FORWARD])
                .tensor("blk.0.ffn_down.weight", new long[] {FEED_FORWARD, EMBEDDING}, new float[EMBEDDING * FEED_FORWARD])
                .write(out);
    }

    private static double sum(double[] row) {
        double s = 0;
        for (double v : row) {
            s += v;
        }
        return s;
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
