package dev.symphony.agent.checkpoint;

import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The checkpoints of one chat thread: each agent step that may write is recorded ({@link #begin} before it,
 * {@link Pending#end} after it) with the files it changed, before and after, and the conversation before the request
 * it belongs to. {@link #plan} works out what restoring to before a step means — each file the step or a later one
 * changed goes back to what it was before the first of them — and which of those files were changed since by someone
 * else (the person, a build): those are conflicts, restored only when the person says so. {@link #restore} is a step
 * of its own, so restoring to before it undoes it. Thread-safe; called off the JavaFX thread.
 */
public final class Checkpoints {
    /** One recorded step: the files it changed ({@code before}/{@code after} have the same keys), and when (epoch ms). */
    public record Step(int id, String title, Map<String, FileState> before, Map<String, FileState> after,
                       List<Message> conversation, boolean restore, long atMs) {
    }

    /**
     * Where the steps are kept beyond this object: {@link #NONE} (while it lives) or the checkpoint store
     * ({@link StoredSteps}: they survive the window, so a restore works after the workspace is opened again).
     */
    public interface Journal {
        /** The steps recorded before, oldest first. */
        List<Step> load() throws IOException;

        /** Keeps {@code steps} (all of them, oldest first) in place of what was kept. */
        void save(List<Step> steps) throws IOException;

        /** Now, in epoch ms: when a step is recorded. */
        long nowMs();

        /** Kept in memory only. */
        Journal NONE = new Journal() {
            @Override
            public List<Step> load() {
                return List.of();
            }

            @Override
            public void save(List<Step> steps) {
                // nothing beyond memory
            }

            @Override
            public long nowMs() {
                return System.currentTimeMillis();
            }
        };
    }

    /**
     * What a restore to before step {@code stepId} would do: {@code target} states, the states the steps left
     * ({@code expected}), the files that differ from them now ({@code conflicts}, with the reason), and the
     * conversation to go back to.
     */
    public record Plan(int stepId, Map<String, FileState> target, Map<String, FileState> expected,
                       Map<String, String> conflicts, List<Message> conversation) {
        /** Files the restore would change (conflicts included). */
        public int size() {
            return target.size();
        }
    }

    /** A step that has begun: {@link #end} records what it changed. */
    public final class Pending {
        private final String title;
        private final Collection<String> paths;
        private final Map<String, FileState> before;
        private final List<Message> conversation;

        private Pending(String title, Collection<String> paths, Map<String, FileState> before, List<Message> conversation) {
            this.title = title;
            this.paths = paths;
            this.before = before;
            this.conversation = conversation;
        }

        /** Records the step when it changed a file; empty when it changed none. */
        public Optional<Step> end() throws IOException {
            Map<String, FileState> after = states(paths);
            for (String p : before.keySet()) {
                if (!after.containsKey(p)) { // gone, or left out now (the step changed an ignore file): ask the file
                    after.put(p, files.state(p));
                }
            }
            return record(title, before, after, conversation, false);
        }
    }

    private final WorkspaceFiles files;
    private final Journal journal;
    private final List<Step> steps = new ArrayList<>();

    /** Checkpoints kept while this object lives. */
    public Checkpoints(WorkspaceFiles files) {
        this.files = files;
        this.journal = Journal.NONE;
    }

    /** Checkpoints kept in {@code journal}, starting with the steps it kept before. */
    public Checkpoints(WorkspaceFiles files, Journal journal) throws IOException {
        this.files = files;
        this.journal = journal;
        this.steps.addAll(journal.load());
    }

    public WorkspaceFiles files() {
        return files;
    }

    /**
     * A step begins: the {@code paths} it may touch (relative; {@code null}: any file, as for a command) are read now.
     * {@code conversation} is the thread before the request the step belongs to.
     */
    public Pending begin(String title, Collection<String> paths, List<Message> conversation) throws IOException {
        return new Pending(title, paths, states(paths), List.copyOf(conversation));
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    public synchronized Optional<Step> step(int id) {
        return steps.stream().filter(s -> s.id() == id).findFirst();
    }

    /**
     * What restoring to before step {@code stepId} would do. {@code unsaved}: files with edits not on disk yet (open
     * buffers), which are conflicts too.
     */
    public Plan plan(int stepId, Predicate<String> unsaved) throws IOException {
        Map<String, FileState> target = new TreeMap<>();
        Map<String, FileState> expected = new TreeMap<>();
        Step first;
        synchronized (this) {
            first = step(stepId).orElseThrow(() -> new IllegalArgumentException("there is no checkpoint " + stepId));
            for (Step s : steps.subList(steps.indexOf(first), steps.size())) {
                s.before().forEach(target::putIfAbsent);
                expected.putAll(s.after());
            }
        }
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (String path : new TreeSet<>(target.keySet())) {
            FileState now = files.state(path);
            if (!now.sameContent(expected.get(path))) {
                conflicts.put(path, now.exists() ? (expected.get(path).exists() ? "changed since the agent's step" : "created since")
                        : "deleted since the agent's step");
            } else if (unsaved.test(path)) {
                conflicts.put(path, "has unsaved changes");
            }
            if (now.sameContent(target.get(path)) && !conflicts.containsKey(path)) {
                target.remove(path); // already as it was
            }
        }
        return new Plan(stepId, target, expected, conflicts, first.conversation());
    }

    /**
     * Restores {@code plan}'s files ({@code overwriteConflicts}: the conflicting ones too; otherwise they are left as
     * they are) and records the restore as a step whose conversation is {@code conversationNow}, so restoring to
     * before it undoes it. Throws {@link IllegalStateException} when files changed since the plan was made into
     * conflicts it did not show: plan again and ask again.
     */
    public Step restore(Plan plan, boolean overwriteConflicts, List<Message> conversationNow, Predicate<String> unsaved)
            throws IOException {
        synchronized (this) {
            Plan now = plan(plan.stepId(), unsaved);
            if (!plan.conflicts().keySet().containsAll(now.conflicts().keySet())) {
                throw new IllegalStateException("files changed while the restore waited: "
                        + new TreeSet<>(now.conflicts().keySet()) + "; look again");
            }
            Map<String, FileState> before = new TreeMap<>();
            Map<String, FileState> after = new TreeMap<>();
            for (Map.Entry<String, FileState> e : now.target().entrySet()) {
                if (!overwriteConflicts && now.conflicts().containsKey(e.getKey())) {
                    continue;
                }
                before.put(e.getKey(), files.state(e.getKey()));
                files.write(e.getKey(), e.getValue());
                after.put(e.getKey(), files.state(e.getKey()));
            }
            String title = "Restore to before step " + plan.stepId();
            // kept even when no file changed (conflicts left alone): the conversation it set back can be undone too
            Optional<Step> done = record(title, before, after, List.copyOf(conversationNow), true);
            return done.isPresent() ? done.get() : append(title, Map.of(), Map.of(), List.copyOf(conversationNow), true);
        }
    }

    private Map<String, FileState> states(Collection<String> paths) throws IOException {
        if (paths == null) {
            return files.snapshot();
        }
        Map<String, FileState> out = new TreeMap<>();
        for (String p : paths) {
            out.put(p, files.state(p));
        }
        return out;
    }

    private Optional<Step> record(String title, Map<String, FileState> before, Map<String, FileState> after,
                                  List<Message> conversation, boolean restore) throws IOException {
        Map<String, FileState> changedBefore = new TreeMap<>();
        Map<String, FileState> changedAfter = new TreeMap<>();
        TreeSet<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String p : all) {
            FileState b = before.getOrDefault(p, FileState.ABSENT);
            FileState a = after.getOrDefault(p, FileState.ABSENT);
            if (!b.sameContent(a)) {
                changedBefore.put(p, b);
                changedAfter.put(p, a);
            }
        }
        if (changedBefore.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(append(title, changedBefore, changedAfter, conversation, restore));
    }

    /** Records a step and keeps all of them in the journal; a step the journal could not keep stays for this window (the IOException says so). */
    private synchronized Step append(String title, Map<String, FileState> before, Map<String, FileState> after,
                                     List<Message> conversation, boolean restore) throws IOException {
        Step s = new Step(steps.isEmpty() ? 1 : steps.get(steps.size() - 1).id() + 1, title,
                java.util.Collections.unmodifiableMap(before), java.util.Collections.unmodifiableMap(after), conversation, restore,
                journal.nowMs());
        steps.add(s);
        journal.save(List.copyOf(steps));
        return s;
    }
}
