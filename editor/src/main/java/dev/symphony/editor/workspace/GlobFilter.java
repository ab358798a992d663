package dev.symphony.editor.workspace;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * Include and exclude globs in ripgrep's {@code --glob} form: {@code G} includes, {@code !G}
 * excludes, gitignore syntax relative to the walk's root ({@code *.java}, {@code src/**},
 * {@code build/}), the last matching glob wins, and they take precedence over ignore files and the
 * hidden rule. When any include glob is given, a file that matches none is left out (a folder is
 * not: files below it may still match).
 */
public final class GlobFilter {

    /** What the globs say about one path. */
    public enum Verdict { INCLUDE, EXCLUDE, NONE }

    private final List<FastIgnoreRule> rules = new ArrayList<>();
    private final boolean anyInclude;

    public GlobFilter(List<String> globs) {
        boolean include = false;
        for (String glob : globs) {
            if (glob.isBlank() || glob.equals("!")) {
                throw new IllegalArgumentException("empty glob in '" + glob + "'");
            }
            FastIgnoreRule rule = new FastIgnoreRule(glob);
            rules.add(rule);
            include |= !rule.getNegation();
        }
        this.anyInclude = include;
    }

    public static GlobFilter none() {
        return new GlobFilter(List.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Verdict check(String relative, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            FastIgnoreRule rule = rules.get(i);
            if (rule.isMatch(relative, directory)) {
                return rule.getNegation() ? Verdict.EXCLUDE : Verdict.INCLUDE;
            }
        }
        return anyInclude && !directory ? Verdict.EXCLUDE : Verdict.NONE;
    }
}
