package dev.symphony.ui.chat;

import dev.symphony.approvals.ignore.AgentIgnore;
import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.editor.workspace.WorkspaceWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The texts of the context chips beyond a file and a selection, each capped so one chip cannot fill a model's
 * context: the open tabs, a folder's listing, a terminal's recent lines, the Problems panel's entries. No JavaFX.
 */
final class ContextTexts {
    static final int TAB_CHARS = 20_000;
    static final int TABS_CHARS = 60_000;
    static final int FOLDER_ENTRIES = 500;
    static final int TERMINAL_LINES = 200;
    static final int TERMINAL_CHARS = 16_000;
    static final int PROBLEMS = 200;

    /** One open tab: its label and its text. */
    record Tab(String label, String text) {
    }

    private ContextTexts() {
    }

    /** Each tab under its label, each cut at {@link #TAB_CHARS}, all at {@link #TABS_CHARS} (later tabs then left out, named). */
    static String tabs(List<Tab> tabs) {
        StringBuilder b = new StringBuilder();
        List<String> left = new ArrayList<>();
        for (Tab t : tabs) {
            int room = TABS_CHARS - b.length();
            if (room <= 0) {
                left.add(t.label());
                continue;
            }
            int keep = Math.min(Math.min(t.text().length(), TAB_CHARS), room);
            b.append("--- ").append(t.label()).append(" ---\n").append(t.text(), 0, keep);
            if (keep < t.text().length()) {
                b.append("\n[… cut at ").append(keep).append(" of ").append(t.text().length()).append(" characters]");
            }
            b.append('\n');
        }
        if (!left.isEmpty()) {
            b.append("[left out, the tabs reached ").append(TABS_CHARS).append(" characters: ").append(String.join(", ", left)).append("]\n");
        }
        return b.toString();
    }

    /**
     * The files under {@code folder} (a folder of {@code workspace}, or the workspace itself), '/'-separated from
     * the workspace, with their sizes: what the workspace's ignore files (.gitignore, .ignore, .rgignore) and the
     * agentignore leave out is not listed, nor are hidden files; at most {@link #FOLDER_ENTRIES}.
     */
    static String folderListing(Path workspace, Path folder) throws IOException {
        AgentIgnore ignore = AgentIgnore.load(workspace);
        StringBuilder b = new StringBuilder();
        AtomicInteger listed = new AtomicInteger();
        AtomicInteger more = new AtomicInteger();
        new WorkspaceWalker(folder, WalkOptions.defaults()).walk(() -> more.get() > 10_000, (file, relative, size) -> {
            String fromWorkspace = workspace.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
            if (ignore.ignored(fromWorkspace, false)) {
                return;
            }
            if (listed.get() >= FOLDER_ENTRIES) {
                more.incrementAndGet();
                return;
            }
            listed.incrementAndGet();
            b.append(fromWorkspace).append(" (").append(size).append(" bytes)\n");
        });
        if (more.get() > 0) {
            b.append("[… ").append(more.get() > 10_000 ? "more than 10,000" : String.valueOf(more.get()))
                    .append(" more files not listed]\n");
        }
        return listed.get() == 0 ? "(no files: empty, or all left out by the ignore files)\n" : b.toString();
    }

    /** The last {@link #TERMINAL_LINES} non-trailing-blank lines of a terminal (scrollback, then screen), at most {@link #TERMINAL_CHARS}. */
    static String terminal(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int start = Math.max(0, end - TERMINAL_LINES);
        StringBuilder b = new StringBuilder();
        for (int i = start; i < end; i++) {
            b.append(lines.get(i).stripTrailing()).append('\n');
        }
        return b.length() > TERMINAL_CHARS ? b.substring(b.length() - TERMINAL_CHARS) : b.toString();
    }

    /** {@code path:line:column: message}, one a line, paths from the workspace when they are in it; at most {@link #PROBLEMS}. */
    static String problems(List<dev.symphony.ui.problems.Problem> problems, Path workspace) {
        StringBuilder b = new StringBuilder();
        problems.stream().limit(PROBLEMS).forEach(p -> {
            Path file = p.file().toAbsolutePath().normalize();
            String name = workspace != null && file.startsWith(workspace) ? workspace.relativize(file).toString().replace('\\', '/')
                    : file.toString();
            b.append(name).append(':').append(p.line()).append(':').append(p.column()).append(": ").append(p.message()).append('\n');
        });
        if (problems.size() > PROBLEMS) {
            b.append("[… ").append(problems.size() - PROBLEMS).append(" more problems]\n");
        }
        return b.toString();
    }
}
