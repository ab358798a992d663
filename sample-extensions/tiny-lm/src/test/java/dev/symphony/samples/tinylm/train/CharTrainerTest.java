package dev.symphony.samples.tinylm.train;

import ai.djl.ndarray.NDManager;
import dev.symphony.samples.tinylm.model.CharLm;
import dev.symphony.samples.tinylm.model.DjlRuntime;
import dev.symphony.samples.tinylm.model.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** Real (small) training runs on DJL/PyTorch: the loss falls, a seed fixes the run, the file loads back. */
class CharTrainerTest {
    static final long SEED = Long.getLong("tinylm.test.seed", 11);
    static final String TEXT = ("# Symphony\n\nThe conductor runs a melody of extension calls. Each node is an "
            + "instrument or an operator; the kernel routes every call over the bus and records it.\n\n").repeat(30);
    static final CharTrainer.Options SMALL = new CharTrainer.Options(4, SEED, 48, 24, 8, 1e-2f, 25, 1);

    @Test
    void lossFallsAndTheSeedFixesTheRun(@TempDir Path dir) throws Exception {
        List<CharTrainer.Epoch> a = train(dir.resolve("a.params"));
        List<CharTrainer.Epoch> b = train(dir.resolve("b.params"));
        String seed = " (seed " + SEED + ", -Dtinylm.test.seed)";
        assertEquals(SMALL.epochs(), a.size());
        assertTrue(a.get(a.size() - 1).trainLoss() < 0.75 * a.get(0).trainLoss(), "training loss " + a + seed);
        assertTrue(a.get(a.size() - 1).validLoss() < a.get(0).validLoss(), "held-out loss " + a + seed);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss(), 1e-4, "same seed, same losses" + seed);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.params")), Files.readAllBytes(dir.resolve("b.params")));

        try (InputStream in = Files.newInputStream(dir.resolve("a.params"));
             CharLm lm = ModelFile.load(in, NDManager.newBaseManager("PyTorch"), "a.params")) {
            assertEquals("{\"test\":true}", lm.provenance());
            float[] logits = lm.feed(lm.vocabulary().encode("The conductor runs a melod"), lm.newState());
            assertEquals(lm.vocabulary().size(), logits.length);
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            assertEquals('y', lm.vocabulary().character(best), "a trained model finishes a word it saw 30 times" + seed);
        }
    }

    private static List<CharTrainer.Epoch> train(Path out) throws Exception {
        List<CharTrainer.Epoch> epochs = new ArrayList<>();
        DjlRuntime.call(null, true, () -> {
            new CharTrainer(SMALL).train(TEXT, epochs::add, (vocabulary, block) -> ModelFile.save(out, vocabulary, block, "{\"test\":true}"));
            return null;
        });
        return epochs;
    }

    @Test
    void commandPrintsOneJsonLinePerEpochThenTheSummary(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("repo/docs"));
        Files.writeString(corpus.resolve("a.md"), TEXT);
        Files.createDirectories(dir.resolve("repo/target"));
        Files.writeString(dir.resolve("repo/target/skipped.md"), "build output is not corpus");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrainCommand.run(new String[] {"--corpus", dir.resolve("repo").toString(), "--out", dir.resolve("m.params").toString(),
                "--epochs", "2", "--seed", "3", "--hidden", "16", "--window", "16", "--batch", "4", "--steps", "5"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertEquals(3, lines.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].startsWith("{\"epoch\":1,\"steps\":5,\"trainLoss\":"), lines[0]);
        assertTrue(lines[2].contains("\"corpusFiles\":1") && lines[2].contains("\"corpusChars\":" + TEXT.length()), lines[2]);
        assertTrue(Files.size(dir.resolve("m.params")) > 1000);
    }

    @Test
    void badUsageExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, TrainCommand.run(new String[] {"--out", "x.params"}, System.out, e));
        assertEquals(2, TrainCommand.run(new String[] {"--corpus", "docs", "--out", "x", "--epochs", "0"}, System.out, e));
        assertEquals(2, TrainCommand.run(new String[] {"--bogus"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: tiny-lm train"));
    }
}
