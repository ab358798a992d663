package dev.symphony.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the workbench knows is wrong in files now — its Problems panel: language servers' diagnostics, the settings and
 * JSON checks — for the agent's {@code diagnostics} tool ({@link AgentTools#withDiagnostics}). The workbench fills it;
 * a headless run has none (the tool is not offered).
 */
public interface WorkspaceDiagnostics {
    /** One problem: the file (absolute), its 1-based line and column, and what is wrong. */
    record Problem(Path file, int line, int column, String message) {
    }

    /**
     * Every problem known now, of every file. Blocking: called on the agent's thread; an exception says why the
     * problems could not be had (the window closed, no answer in time).
     */
    List<Problem> problems() throws Exception;

    /** Problems as the model reads them: one {@code path:line:column: message} line each, and how many there were. */
    record Listing(int count, String text) {
    }

    /**
     * The problems of {@code all} in files under {@code workspace} (only {@code only}, when not null) that
     * {@code ignored} (given the path relative to the workspace) does not keep out, at most {@code max} lines.
     */
    static Listing list(List<Problem> all, Path workspace, Path only, Predicate<String> ignored, int max) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Problem p : all) {
            Path file = p.file().toAbsolutePath().normalize();
            if (!file.startsWith(workspace) || only != null && !file.equals(only)) {
                continue;
            }
            String rel = workspace.relativize(file).toString().replace('\\', '/');
            if (ignored.test(rel)) {
                continue;
            }
            if (++n <= max) {
                b.append(rel).append(':').append(p.line()).append(':').append(p.column()).append(": ").append(p.message()).append('\n');
            }
        }
        if (n > max) {
            b.append("[… ").append(n - max).append(" more problems]\n");
        }
        return new Listing(n, b.toString());
    }
}
