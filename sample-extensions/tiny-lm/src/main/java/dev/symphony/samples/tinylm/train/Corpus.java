package dev.symphony.samples.tinylm.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The training text: the given files, and every Markdown file under the given folders (build output, VCS and
 * hidden folders skipped), in path order, joined by blank lines, line ends normalized to LF. The digest makes a
 * run reproducible: the same digest means the same text.
 */
public record Corpus(List<Path> files, String text) {

    public static Corpus read(List<Path> roots) throws IOException {
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)
                            && !skipped(root, p)).forEach(p -> files.add(p.normalize()));
                }
            } else if (Files.isRegularFile(root)) {
                files.add(root.normalize());
            } else {
                throw new IOException("no such file or folder: " + root);
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no Markdown files under " + roots);
        }
        StringBuilder text = new StringBuilder();
        for (Path f : files) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
        return new Corpus(List.copyOf(new ArrayList<>(files)), text.toString());
    }

    private static boolean skipped(Path root, Path file) {
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String name = rel.getName(i).toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
