package dev.symphony.samples.localgguf.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipe's file read back by an independent reader, and by llama.cpp itself. */
class DemoModelRecipeTest {
    private static final String CORPUS = "The queue is quick. A quiet quorum queries the queue.\nThe conductor plays.\n";

    @Test
    void theFileReadsBackAsTheLlamaModelTheRecipeDescribes(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.md"), CORPUS);
        Path model = dir.resolve("m.gguf");
        DemoModelRecipe.write(List.of(corpus), model);
        GgufFile gguf = new GgufFile(model);
        assertEquals(3, gguf.version);
        assertEquals("llama", gguf.metadata.get("general.architecture"));
        assertEquals(128L, gguf.metadata.get("llama.embedding_length"));
        assertTrue(((String) gguf.metadata.get("symphony.demo.corpus")).startsWith("corpus.md sha256:"));
        int vocab = new DemoVocabulary().size();
        assertEquals(vocab, ((List<?>) gguf.metadata.get("tokenizer.ggml.tokens")).size());
        assertEquals("\u2581", ((List<?>) gguf.metadata.get("tokenizer.ggml.tokens")).get(DemoVocabulary.FIRST_CHAR));
        assertArrayEquals(new long[] {128, vocab}, gguf.tensors.get("output.weight").ne());
        assertEquals(12, gguf.tensors.size());
        for (GgufFile.TensorInfo t : gguf.tensors.values()) {
            assertEquals(0, (gguf.dataStart() + t.offset()) % 32, t.name() + " is not aligned");
        }
        // After 'q' the corpus always has 'u': the output row of 'u' is the largest logit in the 'q' column.
        float[] output = gguf.floats("output.weight");
        DemoVocabulary v = new DemoVocabulary();
        int q = v.contextClass(v.encode("q")[0]);
        int best = 0;
        for (int token = 1; token < vocab; token++) {
            if (output[token * 128 + q] > output[best * 128 + q]) {
                best = token;
            }
        }
        assertEquals(v.encode("u")[0], best);
        float[] embedding = gguf.floats("token_embd.weight");
        assertEquals(1f, embedding[v.encode("q")[0] * 128 + q]);
    }

    @Test
    void theSameCorpusGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.md"), CORPUS);
        DemoModelRecipe.write(List.of(corpus), dir.resolve("a.gguf"));
        DemoModelRecipe.write(List.of(corpus), dir.resolve("b.gguf"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.gguf")), Files.readAllBytes(dir.resolve("b.gguf")));
    }

    @Test
    void llamaCppTokenizesAsTheRecipeCounted(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.md"), CORPUS);
        Path model = dir.resolve("m.gguf");
        DemoModelRecipe.write(List.of(corpus), model);
        String text = DemoVocabulary.normalize("Caf\u00e9 \u2014 a queue\n{x: 1}\ttab");
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { }); // llama.cpp's loading chatter
        try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(model.toString()).setCtxSize(256).setThreads(1))) {
            assertArrayEquals(new DemoVocabulary().encode(text), llama.encode(text));
            assertEquals(text, llama.decode(llama.encode(text)));
        }
    }
}
