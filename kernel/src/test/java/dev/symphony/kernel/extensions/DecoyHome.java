package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A user's home folder to attack: an autostart folder, a shell profile, SSH keys, and Symphony's own
 * folder inside. {@link #listing()} is every path under it with its type, and a file's size and
 * modification time (a folder's own time only says an entry came or went, which the paths show), links not followed, so a before/after comparison sees anything an attack created or changed.
 */
public record DecoyHome(Path root) {
    public static DecoyHome create(Path root) throws IOException {
        Files.createDirectories(root.resolve(".config/autostart"));
        Files.createDirectories(root.resolve(".ssh"));
        Files.createDirectories(root.resolve("Downloads"));
        Files.writeString(root.resolve(".bashrc"), "export PS1='$ '\n");
        Files.writeString(root.resolve(".ssh/authorized_keys"), "ssh-ed25519 AAAA decoy\n");
        return new DecoyHome(root);
    }

    public Path symphonyHome() {
        return root.resolve(".symphony");
    }

    public Path downloads() {
        return root.resolve("Downloads");
    }

    /** Everything below the root except the downloads folder (where the test puts its archives). */
    public Map<String, String> listing() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(p -> !p.startsWith(downloads())).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String type = a.isSymbolicLink() ? "link" : a.isDirectory() ? "dir" : a.isRegularFile() ? "file" : "other";
                out.put(root.relativize(p).toString(), a.isDirectory() ? type : type + " " + a.size() + " " + a.lastModifiedTime().toMillis());
            }
        }
        return out;
    }
}
