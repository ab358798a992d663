package dev.symphony.samples.git;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FS;

/**
 * Run in a JVM of its own by {@link FileStoreTimingTest} (JGit keeps what it measured per JVM): asks JGit for the
 * attributes of a folder's file store, after {@link FileStoreTiming#inBackground} when the second argument is
 * {@code background}, and prints {@code fallback} when JGit answered without measuring, else {@code measured}.
 */
public final class FileStoreProbe {
    private FileStoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("background")) {
            FileStoreTiming.inBackground();
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        FS.FileStoreAttributes attributes = FS.FileStoreAttributes.get(dir);
        System.out.println(attributes == FS.FileStoreAttributes.FALLBACK_FILESTORE_ATTRIBUTES ? "fallback" : "measured");
    }
}
