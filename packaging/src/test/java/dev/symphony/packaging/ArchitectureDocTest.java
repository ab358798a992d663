package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md is where a newcomer looks first ("where is a call validated?"), so what it names must exist:
 * every relative link leads to a file, and every class it names by package ({@code extensions.HostProcess.start},
 * {@code sdk.internal.CapabilityDispatcher}) is a source file of the repository, with the method named after it.
 */
class ArchitectureDocTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOC = REPO.resolve("docs/architecture.md");
    /** A package-qualified class: lower-case package segments, the class, then perhaps a member ({@code .start}). */
    private static final Pattern QUALIFIED = Pattern.compile("((?:[a-z][a-z0-9]*\\.)+)([A-Z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?(?:\\(\\))?");
    private static String text;
    /** Every main source file of the repository, as {@code /dev/symphony/.../Name.java} → its path. */
    private static Map<String, Path> sources;

    @BeforeAll
    static void read() throws IOException {
        // code blocks hold the dependency graph, whose lines are prose, not names to look up
        text = Files.readString(DOC).replaceAll("(?s)```.*?```", "");
        sources = new HashMap<>();
        Files.walkFileTree(REPO, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = String.valueOf(dir.getFileName());
                return name.equals("target") || name.equals("node_modules") || name.startsWith(".") && !dir.equals(REPO)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = file.toString().replace(java.io.File.separatorChar, '/');
                int root = path.indexOf("/src/main/java/");
                if (root >= 0 && path.endsWith(".java")) {
                    sources.putIfAbsent(path.substring(root + "/src/main/java".length()), file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Test
    void everyLinkLeadsToAFile() {
        Matcher link = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)").matcher(text);
        List<String> broken = new ArrayList<>();
        int links = 0;
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("[a-z]+:.*")) {
                continue; // https: and the like
            }
            links++;
            if (!Files.exists(DOC.getParent().resolve(target))) {
                broken.add(target);
            }
        }
        assertTrue(links > 0, "no relative link in " + DOC);
        assertTrue(broken.isEmpty(), DOC + " links to files that do not exist: " + broken);
    }

    @Test
    void everyClassNamedByPackageExists() throws IOException {
        Matcher code = Pattern.compile("`([^`\\n]+)`").matcher(text);
        List<String> missing = new ArrayList<>();
        int names = 0;
        while (code.find()) {
            Matcher name = QUALIFIED.matcher(code.group(1));
            if (!name.matches()) {
                continue;
            }
            names++;
            String file = "/" + name.group(1).replace('.', '/') + name.group(2) + ".java";
            Path source = sources.entrySet().stream().filter(e -> e.getKey().endsWith(file)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (source == null) {
                missing.add(code.group(1) + " (no file ending " + file + ")");
            } else if (name.group(3) != null && !Files.readString(source).contains(" " + name.group(3) + "(")) {
                missing.add(code.group(1) + " (" + REPO.relativize(source) + " has no method " + name.group(3) + ")");
            }
        }
        assertTrue(names > 0, "no package-qualified class in " + DOC);
        assertTrue(missing.isEmpty(), DOC + " names classes or methods that do not exist: " + missing);
    }
}
