package dev.symphony.editor.workspace;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Walks a folder and hands every file that passes {@link WalkOptions} to a {@link Visitor}, on the
 * calling thread, in directory order. Ignore files are read as the walk enters each folder (and
 * once from the root's ancestors, like ripgrep); a folder that is left out is not entered.
 */
public final class WorkspaceWalker {

    /** Receives the files of a walk. */
    public interface Visitor {
        /** A regular file (symbolic links are not followed) with its size and '/'-separated path from the root. */
        void file(Path file, String relative, long size);

        /** A folder or file the walk could not read; the walk goes on. */
        default void error(Path path, IOException e) {
        }
    }

    private final Path root;
    private final WalkOptions options;

    public WorkspaceWalker(Path root, WalkOptions options) {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
    }

    public Path root() {
        return root;
    }

    /** Walks until done or until {@code cancelled} says so (checked before each entry). */
    public void walk(BooleanSupplier cancelled, Visitor visitor) throws IOException {
        IgnoreRules rules = new IgnoreRules();
        boolean rootInRepo = options.respectIgnoreFiles() && loadAncestors(rules);
        Deque<Boolean> pushed = new ArrayDeque<>();
        Deque<Boolean> inRepo = new ArrayDeque<>();
        Deque<String> dirs = new ArrayDeque<>(); // the '/'-separated path of each folder being walked, from the root
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (cancelled.getAsBoolean()) {
                            return FileVisitResult.TERMINATE;
                        }
                        String name = dirs.isEmpty() ? "" : dir.getFileName().toString();
                        String rel = dirs.isEmpty() ? relative(dir) : child(dirs.peek(), name);
                        if (!rel.isEmpty() && excluded(rules, rel, true, name)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        boolean repo = inRepo.isEmpty() ? rootInRepo : inRepo.peek();
                        if (options.respectIgnoreFiles()) {
                            repo |= exists(dir, ".git");
                            IgnoreLevel level;
                            try {
                                level = IgnoreLevel.read(dir, repo, rel.isEmpty() ? 0 : rel.length() + 1, null);
                            } catch (IOException e) {
                                visitor.error(dir, e);
                                level = null;
                            }
                            if (level != null) {
                                rules.push(level);
                            }
                            pushed.push(level != null);
                        }
                        inRepo.push(repo);
                        dirs.push(rel);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (cancelled.getAsBoolean()) {
                            return FileVisitResult.TERMINATE;
                        }
                        if (attrs.isRegularFile()) {
                            String name = file.getFileName().toString();
                            String rel = dirs.isEmpty() ? relative(file) : child(dirs.peek(), name);
                            if (!excluded(rules, rel, false, name)) {
                                visitor.file(file, rel, attrs.size());
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        visitor.error(file, e);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) {
                            visitor.error(dir, e);
                        }
                        if (options.respectIgnoreFiles() && pushed.pop()) {
                            rules.pop();
                        }
                        inRepo.pop();
                        dirs.pop();
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /**
     * Whether a walk would hand {@code file} (below the root) to its visitor, reading the ignore
     * files on the way down: for one path at a time, e.g. a file the file watcher saw appear.
     */
    public boolean accepts(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root)) {
            return false;
        }
        IgnoreRules rules = new IgnoreRules();
        boolean repo = options.respectIgnoreFiles() && loadAncestors(rules);
        Path dir = root;
        for (int i = 0; i < root.relativize(abs).getNameCount(); i++) {
            String rel = relative(dir);
            if (options.respectIgnoreFiles()) {
                repo |= Files.exists(dir.resolve(".git"));
                IgnoreLevel level = IgnoreLevel.read(dir, repo, rel.isEmpty() ? 0 : rel.length() + 1, null);
                if (level != null) {
                    rules.push(level);
                }
            }
            dir = dir.resolve(root.relativize(abs).getName(i));
            boolean last = dir.equals(abs);
            if (excluded(rules, relative(dir), !last, dir.getFileName().toString())) {
                return false;
            }
        }
        return true;
    }

    /** Reads the ignore files of the root's ancestors; true when the root is inside a git repository. */
    private boolean loadAncestors(IgnoreRules rules) throws IOException {
        List<Path> ancestors = new ArrayList<>();
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            ancestors.add(0, p);
        }
        Path repo = Files.exists(root.resolve(".git")) ? root : null;
        for (int i = ancestors.size() - 1; i >= 0 && repo == null; i--) {
            if (Files.exists(ancestors.get(i).resolve(".git"))) {
                repo = ancestors.get(i);
            }
        }
        for (Path a : ancestors) {
            boolean gitApplies = repo != null && a.startsWith(repo);
            IgnoreLevel level = IgnoreLevel.read(a, gitApplies, 0, slashed(a.relativize(root)) + "/");
            if (level != null) {
                rules.push(level);
            }
        }
        if (repo != null) {
            String fromRepo = repo.equals(root) ? "" : slashed(repo.relativize(root)) + "/";
            rules.addRepositoryExcludes(repo, fromRepo);
        }
        return repo != null;
    }

    private boolean excluded(IgnoreRules rules, String rel, boolean directory, String name) {
        GlobFilter.Verdict glob = options.globs().check(rel, directory);
        if (glob != GlobFilter.Verdict.NONE) {
            return glob == GlobFilter.Verdict.EXCLUDE;
        }
        if (options.extraExcludes().check(rel, directory) == GlobFilter.Verdict.EXCLUDE) {
            return true;
        }
        if (options.respectIgnoreFiles()) {
            Boolean ignored = rules.check(rel, directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return options.skipHidden() && name.startsWith(".");
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /**
     * Whether {@code dir/name} exists, by {@link File#exists}: {@code Files.exists} reports a missing
     * file by throwing inside (a {@code NoSuchFileException} with its stack), once per folder of a walk.
     */
    static boolean exists(Path dir, String name) {
        return new File(dir.toString(), name).exists();
    }

    private String relative(Path p) {
        return p.equals(root) ? "" : slashed(root.relativize(p));
    }

    private static String slashed(Path p) {
        String s = p.toString();
        return File.separatorChar == '/' ? s : s.replace(File.separatorChar, '/');
    }
}
