package dev.symphony.agent;

import dev.symphony.approvals.ignore.AgentIgnore;
import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.files.FileMatches;
import dev.symphony.editor.search.files.FileSearch;
import dev.symphony.editor.search.files.FileSearchOptions;
import dev.symphony.editor.search.files.LineMatch;
import dev.symphony.editor.search.files.SearchListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;

/** The search tool: the editor's search across files (ignore files respected), without what the agentignore keeps. */
final class WorkspaceGrep {
    static final int MAX_MATCHES = 200;
    private final Path root;
    private final AgentIgnore ignore;

    WorkspaceGrep(Path root, AgentIgnore ignore) {
        this.root = root;
        this.ignore = ignore;
    }

    /** "path:line: text" per matching line, in path order. */
    String find(String text, BooleanSupplier cancelled) {
        ConcurrentSkipListMap<String, List<LineMatch>> found = new ConcurrentSkipListMap<>();
        FileSearch search = FileSearch.start(root, FileSearchOptions.of(SearchQuery.literal(text)).withMaxMatches(MAX_MATCHES),
                new SearchListener() {
                    @Override
                    public void onFile(FileMatches m) {
                        if (!ignore.ignored(m.relative(), false)) {
                            found.put(m.relative(), m.lines());
                        }
                    }
                });
        while (!search.summary().isDone()) {
            if (cancelled.getAsBoolean()) {
                search.cancel();
            }
            try {
                search.summary().get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // look at the cancel again
            } catch (InterruptedException e) {
                search.cancel();
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        found.forEach((file, lines) -> lines.forEach(l -> b.append(file).append(':').append(l.line()).append(": ")
                .append(l.text().strip()).append('\n')));
        return b.toString();
    }
}
