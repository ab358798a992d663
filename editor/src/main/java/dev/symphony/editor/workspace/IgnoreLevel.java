package dev.symphony.editor.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The ignore files of one folder: {@code .rgignore}, {@code .ignore} and (in a git repository)
 * {@code .gitignore}; each null when absent. {@code prefix} turns a path relative to the walk's
 * root into one relative to this folder: for a folder inside the root it is the number of leading
 * characters to cut, for an ancestor of the root the text to prepend.
 */
record IgnoreLevel(IgnoreNode custom, IgnoreNode ignore, IgnoreNode git, int cut, String prepend) {

    static final String RGIGNORE = ".rgignore";
    static final String IGNORE = ".ignore";
    static final String GITIGNORE = ".gitignore";

    /** Null when the folder has none of the files (the common case: no level to consult). */
    static IgnoreLevel read(Path dir, boolean inGitRepo, int cut, String prepend) throws IOException {
        IgnoreNode custom = parse(dir.resolve(RGIGNORE));
        IgnoreNode ignore = parse(dir.resolve(IGNORE));
        IgnoreNode git = inGitRepo ? parse(dir.resolve(GITIGNORE)) : null;
        return custom == null && ignore == null && git == null ? null : new IgnoreLevel(custom, ignore, git, cut, prepend);
    }

    static IgnoreNode parse(Path file) throws IOException {
        if (!file.toFile().isFile()) { // not Files.isRegularFile: it throws inside for a missing file, per folder walked
            return null;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(file.toString(), in);
        }
        return node.getRules().isEmpty() ? null : node;
    }

    String localPath(String relative) {
        return prepend != null ? prepend + relative : relative.substring(cut);
    }
}
