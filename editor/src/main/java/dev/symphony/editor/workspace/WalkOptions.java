package dev.symphony.editor.workspace;

import java.util.List;

/**
 * What a walk leaves out. The defaults are ripgrep's: hidden files and folders skipped, ignore
 * files respected, symbolic links not followed. {@code extraExcludes} are globs in the same syntax
 * as {@code globs} that only exclude (the IDE's {@code files.exclude}), weaker than the user's globs.
 */
public record WalkOptions(boolean skipHidden, boolean respectIgnoreFiles, GlobFilter globs, GlobFilter extraExcludes) {

    public static WalkOptions defaults() {
        return new WalkOptions(true, true, GlobFilter.none(), GlobFilter.none());
    }

    public WalkOptions withGlobs(List<String> include) {
        return new WalkOptions(skipHidden, respectIgnoreFiles, new GlobFilter(include), extraExcludes);
    }

    public WalkOptions withExtraExcludes(List<String> excludes) {
        return new WalkOptions(skipHidden, respectIgnoreFiles, globs, new GlobFilter(excludes.stream()
                .map(g -> g.startsWith("!") ? g.substring(1) : "!" + g).toList()));
    }

    public WalkOptions withHidden(boolean includeHidden) {
        return new WalkOptions(!includeHidden, respectIgnoreFiles, globs, extraExcludes);
    }

    public WalkOptions withIgnoreFiles(boolean respect) {
        return new WalkOptions(skipHidden, respect, globs, extraExcludes);
    }
}
