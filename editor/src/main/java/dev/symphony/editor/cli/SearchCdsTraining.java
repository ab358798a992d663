package dev.symphony.editor.cli;

import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.files.FileSearch;
import dev.symphony.editor.search.files.FileSearchOptions;
import dev.symphony.editor.search.files.SearchListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The launcher writes {@code search}'s class-data archive on the first {@code search} run, with
 * {@code -Dsymphony.search.cdsTraining=true}. The archive holds only the classes that run loaded, and
 * a first search outside a git repository never loads the ignore-file classes (JGit's): so that run
 * also searches a tiny temporary git folder with a {@code .gitignore}, literally and by regex.
 */
final class SearchCdsTraining {

    static final String PROPERTY = "symphony.search.cdsTraining";

    private SearchCdsTraining() {
    }

    /** True when the property asked for training and it ran through. */
    static boolean runIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return false;
        }
        try {
            Path dir = Files.createTempDirectory("symphony-search-cds");
            try {
                Files.createDirectories(dir.resolve(".git"));
                Files.writeString(dir.resolve(".gitignore"), "*.log\nbuild/\n!keep.log\n", StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("a.java"), "synchronized (x) {}\ncaf\u00e9 synchronised\n", StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("b.log"), "synchronized\n", StandardCharsets.UTF_8);
                long found = 0;
                for (SearchQuery q : new SearchQuery[] {SearchQuery.literal("synchronized"), SearchQuery.regex("\\bsynchroni[sz]ed\\s*\\(")}) {
                    found += FileSearch.start(dir, FileSearchOptions.of(q), new SearchListener() { }).summary().join().matches();
                }
                return found == 2;
            } finally {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // training only shapes the archive; the command's own result is already out
        }
    }
}
