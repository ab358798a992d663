package dev.symphony.editor.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walker's filters, and {@link WorkspaceWalker#accepts} agreeing with the walk on every file (seeded trees). */
class WorkspaceWalkerTest {

    @TempDir
    Path root;

    private List<String> walk(WalkOptions options) throws IOException {
        List<String> files = new ArrayList<>();
        new WorkspaceWalker(root, options).walk(() -> false, (file, relative, size) -> files.add(relative));
        return new ArrayList<>(new TreeSet<>(files));
    }

    private void write(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x\n");
    }

    @Test
    void ignoreFilesHiddenFilesGlobsAndFilesExclude() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".gitignore"), "*.log\n!keep.log\nbuild/\n/rootonly.txt\n");
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/.ignore"), "secret.txt\n");
        for (String f : List.of("x.log", "keep.log", "build/out.txt", "rootonly.txt", "a/rootonly.txt", "a/secret.txt",
                "a/ok.txt", ".hidden/h.txt", ".env", "target/t.txt", "src/Main.java")) {
            write(f);
        }
        assertEquals(List.of("a/ok.txt", "a/rootonly.txt", "keep.log", "src/Main.java", "target/t.txt"), walk(WalkOptions.defaults()));
        assertEquals(List.of("a/ok.txt", "a/rootonly.txt", "keep.log", "src/Main.java"),
                walk(WalkOptions.defaults().withExtraExcludes(List.of("target"))));
        assertEquals(List.of("src/Main.java"), walk(WalkOptions.defaults().withGlobs(List.of("*.java"))));
        assertEquals(List.of("a/ok.txt", "a/rootonly.txt", "keep.log", "target/t.txt"),
                walk(WalkOptions.defaults().withGlobs(List.of("!src/**"))));
        assertEquals(List.of(".env", ".gitignore", ".hidden/h.txt", "a/.ignore", "a/ok.txt", "a/rootonly.txt", "keep.log",
                "src/Main.java", "target/t.txt"), walk(WalkOptions.defaults().withHidden(true)).stream()
                .filter(f -> !f.startsWith(".git/")).toList());
        assertEquals(11 + 2, walk(WalkOptions.defaults().withHidden(true).withIgnoreFiles(false)).stream()
                .filter(f -> !f.startsWith(".git/")).count(), "everything, with the two ignore files");
    }

    @Test
    void acceptsAgreesWithTheWalkOnEveryFile() {
        Seeds.run("walker accepts vs walk", r -> {
            try {
                randomTree(r);
                WalkOptions options = WalkOptions.defaults().withExtraExcludes(List.of("gen"));
                List<String> walked = walk(options);
                WorkspaceWalker walker = new WorkspaceWalker(root, options);
                List<String> accepted = new ArrayList<>();
                try (Stream<Path> all = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                        if (walker.accepts(p)) {
                            accepted.add(root.relativize(p).toString().replace('\\', '/'));
                        }
                    }
                }
                assertEquals(walked, new ArrayList<>(new TreeSet<>(accepted)));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    private void randomTree(Random r) throws IOException {
        Files.createDirectories(root.resolve(".git"));
        String[] dirs = {"", "a/", "a/b/", "gen/", "c/", ".dot/", "a/gen/"};
        String[] names = {"x.txt", "y.log", "z.java", ".h", "keep.log", "out.o"};
        String[] rules = {"*.log", "!keep.log", "*.o", "b/", "/x.txt", "z.*", "!z.java", "c"};
        for (String d : dirs) {
            for (String n : names) {
                if (r.nextBoolean()) {
                    write(d + n);
                }
            }
            if (r.nextInt(3) == 0 && !d.startsWith(".")) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 3; i++) {
                    sb.append(rules[r.nextInt(rules.length)]).append('\n');
                }
                Files.createDirectories(root.resolve(d.isEmpty() ? "." : d));
                Files.writeString(root.resolve(d + (r.nextBoolean() ? ".gitignore" : ".ignore")), sb.toString());
            }
        }
    }
}
