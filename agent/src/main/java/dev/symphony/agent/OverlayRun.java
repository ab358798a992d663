package dev.symphony.agent;

import dev.symphony.editor.workspace.WorkspaceWalker;
import dev.symphony.agent.checkpoint.WorkspaceFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A command that ran in an {@link OverlayShell}: its result and what it changed, read from the overlay's upper layer —
 * a regular file or symbolic link there was written, a whiteout (a character device 0/0) was deleted, a folder marked
 * opaque ({@code user.overlay.opaque}) replaced the workspace's folder of that name. {@link #apply} makes the workspace
 * so; {@link #close} drops the layer, so a rejected or stopped command leaves the workspace as it was.
 */
public final class OverlayRun implements AutoCloseable {
    /** What happened to one path (relative, {@code /}): written, deleted, or a folder emptied and made anew. */
    public enum Kind { WRITTEN, DELETED, REPLACED_FOLDER }

    private final Path workspace;
    private final Path dir;
    private final Path upper;
    private final CommandRunner.Result result;
    private final Map<String, Kind> changes;
    private final Map<String, String> seed;

    OverlayRun(Path workspace, Path dir, Path upper, CommandRunner.Result result, Map<String, String> seed) throws IOException {
        this.workspace = workspace;
        this.dir = dir;
        this.upper = upper;
        this.result = result;
        this.seed = seed;
        this.changes = read();
    }

    /** True for a file written into the layer before the command ran and left as it was, or a folder made only to hold one. */
    private boolean seededUnchanged(String rel, Path inUpper) throws IOException {
        if (Files.isDirectory(inUpper, LinkOption.NOFOLLOW_LINKS)) {
            String prefix = rel + "/";
            return seed.keySet().stream().anyMatch(s -> s.startsWith(prefix));
        }
        String seeded = seed.get(rel);
        return seeded != null && Files.isRegularFile(inUpper, LinkOption.NOFOLLOW_LINKS)
                && java.util.Arrays.equals(Files.readAllBytes(inUpper), seeded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public CommandRunner.Result result() {
        return result;
    }

    /** Every changed path in the order of a walk of the upper layer (a folder before what is in it). */
    public Map<String, Kind> changes() {
        return changes;
    }

    /** One line per change ({@code + path}, {@code - path}, {@code ~ folder/}), for the person and the model. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        changes.forEach((p, k) -> b.append(k == Kind.WRITTEN ? "+ " : k == Kind.DELETED ? "- " : "~ ").append(p)
                .append(k == Kind.REPLACED_FOLDER ? "/" : "").append('\n'));
        return b.toString().stripTrailing();
    }

    /**
     * The workspace's regular files {@link #apply} may write or delete that a checkpoint records: the written files and
     * every file now under a deleted or replaced path, but not {@code .git} nor what the ignore files leave out (as
     * {@link WorkspaceFiles#snapshot} leaves them out: a build's output is not copied).
     */
    public List<String> files() throws IOException {
        WorkspaceWalker recorded = new WorkspaceWalker(workspace, WorkspaceFiles.WALK);
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<String, Kind> e : changes.entrySet()) {
            Path in = workspace.resolve(e.getKey());
            if (!recorded.accepts(in)) {
                continue;
            }
            if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) { // deleted, replaced, or a file or link takes its place
                try (Stream<Path> s = Files.walk(in)) {
                    for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                        if (recorded.accepts(p)) {
                            out.add(workspace.relativize(p).toString().replace('\\', '/'));
                        }
                    }
                }
            }
            if (e.getValue() != Kind.REPLACED_FOLDER && !Files.isDirectory(upper.resolve(e.getKey()), LinkOption.NOFOLLOW_LINKS)) {
                out.add(e.getKey());
            }
        }
        return new ArrayList<>(out);
    }

    /** Makes the workspace what the command left in the overlay. */
    public void apply() throws IOException {
        for (Map.Entry<String, Kind> e : changes.entrySet()) {
            Path target = workspace.resolve(e.getKey());
            Path source = upper.resolve(e.getKey());
            switch (e.getValue()) {
                case DELETED -> delete(target);
                case REPLACED_FOLDER -> {
                    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        delete(target);
                    } else {
                        try (Stream<Path> s = Files.list(target)) {
                            for (Path child : s.toList()) {
                                delete(child); // what the layer has comes back below
                            }
                        }
                    }
                    Files.createDirectories(target);
                }
                case WRITTEN -> {
                    if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                            delete(target);
                            Files.createDirectories(target);
                        }
                    } else {
                        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                            delete(target);
                        }
                        Files.createDirectories(target.getParent());
                        Path tmp = target.resolveSibling(".symphony-overlay-" + target.getFileName() + ".tmp");
                        Files.deleteIfExists(tmp);
                        Files.copy(source, tmp, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try { // overlayfs leaves its work folder's inner folder with no permissions
            Files.setPosixFilePermissions(dir.resolve("work").resolve("work"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            // absent, or not ours: deleteTree does what it can
        }
        deleteTree(dir);
    }

    /** Deletes a file, link or folder of the workspace (not following links); an IOException names what could not go. */
    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private Map<String, Kind> read() throws IOException {
        List<String> order = new ArrayList<>();
        Map<String, Kind> kinds = new java.util.HashMap<>();
        Files.walkFileTree(upper, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(upper)) {
                    String rel = rel(d);
                    order.add(rel);
                    kinds.put(rel, opaque(d) ? Kind.REPLACED_FOLDER : Kind.WRITTEN);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                String rel = rel(f);
                order.add(rel);
                kinds.put(rel, attrs.isOther() && whiteout(f) ? Kind.DELETED : Kind.WRITTEN);
                return FileVisitResult.CONTINUE;
            }
        });
        Map<String, Kind> ordered = new java.util.LinkedHashMap<>();
        for (String p : order) {
            // a folder that only holds changes is no change itself, unless it is new or replaced
            if (kinds.get(p) == Kind.WRITTEN && Files.isDirectory(upper.resolve(p), LinkOption.NOFOLLOW_LINKS)
                    && Files.isDirectory(workspace.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (kinds.get(p) == Kind.WRITTEN && !seed.isEmpty() && seededUnchanged(p, upper.resolve(p))) {
                continue;
            }
            ordered.put(p, kinds.get(p));
        }
        return java.util.Collections.unmodifiableMap(ordered);
    }

    private String rel(Path p) {
        return upper.relativize(p).toString().replace('\\', '/');
    }

    private static boolean whiteout(Path f) throws IOException {
        Map<String, Object> a = Files.readAttributes(f, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        return ((Integer) a.get("mode") & 0170000) == 0020000 && ((Long) a.get("rdev")) == 0L;
    }

    private static boolean opaque(Path d) {
        try {
            UserDefinedFileAttributeView v = Files.getFileAttributeView(d, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (v == null || !v.list().contains("overlay.opaque")) {
                return false;
            }
            ByteBuffer b = ByteBuffer.allocate(v.size("overlay.opaque"));
            v.read("overlay.opaque", b);
            return b.position() > 0 && b.get(0) == 'y';
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Deletes a file or folder (not following links); quietly does nothing for null or absent. */
    static void deleteTree(Path p) {
        if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                q.toFile().setWritable(true);
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            // left for the stale manager / the next window; never the workspace's business
        }
    }
}
