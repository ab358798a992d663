package dev.symphony.editor.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The stack of ignore files in force at one point of a walk, decided with ripgrep's precedence:
 * {@code .rgignore} over {@code .ignore} over {@code .gitignore} over the repository's
 * {@code info/exclude} and the global excludes file; within one kind the deepest folder decides
 * first, and within one file the last matching rule (JGit's {@link IgnoreNode#checkIgnored}).
 */
final class IgnoreRules {

    private final List<IgnoreLevel> levels = new ArrayList<>();
    private final List<IgnoreNode> excludes = new ArrayList<>();
    private final List<String> excludePrefixes = new ArrayList<>();

    void push(IgnoreLevel level) {
        levels.add(level);
    }

    void pop() {
        levels.remove(levels.size() - 1);
    }

    int depth() {
        return levels.size();
    }

    void truncate(int depth) {
        while (levels.size() > depth) {
            pop();
        }
    }

    /** {@code .git/info/exclude} of the repository at {@code repoRoot} and the user's global excludes. */
    void addRepositoryExcludes(Path repoRoot, String rootFromRepo) throws IOException {
        Path gitDir = repoRoot.resolve(".git");
        addExclude(Files.isDirectory(gitDir) ? gitDir.resolve("info").resolve("exclude") : null, rootFromRepo);
        addExclude(GlobalExcludes.file(), rootFromRepo);
    }

    private void addExclude(Path file, String prefix) throws IOException {
        IgnoreNode node = file == null ? null : IgnoreLevel.parse(file);
        if (node != null) {
            excludes.add(node);
            excludePrefixes.add(prefix);
        }
    }

    /** TRUE ignored, FALSE whitelisted by a {@code !} rule, null when no rule speaks. */
    Boolean check(String relative, boolean directory) {
        for (int kind = 0; kind < 3; kind++) {
            for (int i = levels.size() - 1; i >= 0; i--) {
                IgnoreLevel level = levels.get(i);
                IgnoreNode node = kind == 0 ? level.custom() : kind == 1 ? level.ignore() : level.git();
                if (node != null) {
                    Boolean verdict = node.checkIgnored(level.localPath(relative), directory);
                    if (verdict != null) {
                        return verdict;
                    }
                }
            }
        }
        for (int i = 0; i < excludes.size(); i++) {
            Boolean verdict = excludes.get(i).checkIgnored(excludePrefixes.get(i) + relative, directory);
            if (verdict != null) {
                return verdict;
            }
        }
        return null;
    }
}
