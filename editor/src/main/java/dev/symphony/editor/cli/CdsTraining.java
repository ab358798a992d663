package dev.symphony.editor.cli;

import dev.symphony.editor.file.AtomicWriter;
import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.file.TextFile;
import dev.symphony.editor.file.TextFiles;
import dev.symphony.editor.search.LineReplacer;
import dev.symphony.editor.search.Utf8LineReplace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The launcher writes {@code edit}'s class-data archive on the first {@code edit} run, with
 * {@code -Dsymphony.edit.cdsTraining=true}: the archive holds only the classes that run loaded, so
 * that run also puts both modes through a tiny sample (decode, regex replace, atomic save in a
 * temporary folder), with the two-thread thresholds lowered so those paths run too, and the archive
 * serves {@code --stats} and {@code --replace} alike.
 */
final class CdsTraining {

    static final String PROPERTY = "symphony.edit.cdsTraining";
    private static final String PARALLEL_MIN = "symphony.editor.parallelMin";

    private CdsTraining() {
    }

    /** True when the property asked for training and it ran through. */
    static boolean runIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return false;
        }
        String parallelMin = System.getProperty(PARALLEL_MIN);
        System.setProperty(PARALLEL_MIN, "2");
        try {
            Path dir = Files.createTempDirectory("symphony-edit-cds");
            Path file = dir.resolve("sample.java");
            try {
                TextFile tf = new TextDecoder().decode(file, "int n = list.size();\nint m = map.size();\r\nok\n".getBytes(StandardCharsets.UTF_8));
                LineReplacer.Result r = new LineReplacer(Pattern.compile("(\\w+)\\.size\\(\\)"), "$1.length()").replaceAll(tf.text());
                TextFiles.save(file, r.text(), tf.encoding());
                byte[] sample = "int n = list.size(); // caf\u00e9\nok\n".getBytes(StandardCharsets.UTF_8);
                Utf8LineReplace.Result fast = new Utf8LineReplace(new LineReplacer(Pattern.compile("(\\w+)\\.size\\(\\)"), "$1.length()"))
                        .replace(sample, sample.length);
                AtomicWriter.write(file, fast);
                Files.writeString(file, "caf\u00e9 \ud83d\ude00\n", StandardCharsets.UTF_8);
                return TextFiles.load(file).text().length() == 8 && r.matches() == 2 && fast.matches() == 1;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException | RuntimeException e) {
            // Training only shapes the archive; the command's own result is already out.
            return false;
        } finally {
            if (parallelMin == null) {
                System.clearProperty(PARALLEL_MIN);
            } else {
                System.setProperty(PARALLEL_MIN, parallelMin);
            }
        }
    }
}
