package dev.symphony.ui.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's entries as data to keep ({@link ChatThreads.Shown}) and back. A step's Restore and a restore's Undo come
 * back live: they keep their checkpoint's id, and the checkpoints are the workspace's, kept in the checkpoint store
 * beyond the window. What only lives while the window is open does not: an approval is kept as the line of its outcome.
 */
final class ThreadEntries {
    static final int TITLE_CHARS = 80;

    private ThreadEntries() {
    }

    static List<ChatThreads.Shown> toShown(List<ChatEntry> entries) {
        List<ChatThreads.Shown> out = new ArrayList<>();
        for (ChatEntry e : entries) {
            if (e instanceof ChatEntry.User u) {
                out.add(new ChatThreads.Shown("user", u.text(), null, u.context(), false));
            } else if (e instanceof ChatEntry.Assistant a) {
                out.add(new ChatThreads.Shown("assistant", a.textProperty().get(), a.metaProperty().get(), null, false));
            } else if (e instanceof ChatEntry.Tool t) {
                out.add(new ChatThreads.Shown("tool", t.shown(), t.title(), null, t.ran(), t.checkpoint()));
            } else if (e instanceof ChatEntry.Restored r) {
                out.add(new ChatThreads.Shown("restored", r.shown(), r.title(), null, true, r.checkpoint()));
            } else if (e instanceof ChatEntry.Approval p) {
                String outcome = p.stateProperty().get() == ChatEntry.Approval.State.PENDING ? "not answered"
                        : p.words().outcome(p.stateProperty().get());
                out.add(new ChatThreads.Shown("notice", p.title() + ": " + outcome, null, null, false));
            } else if (e instanceof ChatEntry.Notice n) {
                out.add(new ChatThreads.Shown("notice", n.text(), null, null, n.error()));
            }
        }
        return out;
    }

    static List<ChatEntry> toEntries(List<ChatThreads.Shown> shown) {
        List<ChatEntry> out = new ArrayList<>();
        for (ChatThreads.Shown s : shown) {
            String text = s.text() == null ? "" : s.text();
            switch (s.kind() == null ? "" : s.kind()) {
                case "user" -> out.add(new ChatEntry.User(text, s.context()));
                case "assistant" -> {
                    ChatEntry.Assistant a = new ChatEntry.Assistant();
                    a.textProperty().set(text);
                    a.metaProperty().set(s.meta() == null ? "" : s.meta());
                    a.streamingProperty().set(false);
                    out.add(a);
                }
                case "tool" -> out.add(new ChatEntry.Tool(s.meta() == null ? "" : s.meta(), text, s.flag(), s.checkpoint()));
                case "restored" -> out.add(s.checkpoint() > 0 ? new ChatEntry.Restored(s.meta() == null ? "" : s.meta(), text, s.checkpoint())
                        : new ChatEntry.Tool(s.meta() == null ? "" : s.meta(), text, true));
                default -> out.add(new ChatEntry.Notice(text, s.flag()));
            }
        }
        return out;
    }

    /** The first line of the first question, cut to {@link #TITLE_CHARS}; "(empty thread)" when nothing was asked. */
    static String title(List<ChatThreads.Shown> shown) {
        return shown.stream().filter(s -> "user".equals(s.kind())).findFirst().map(s -> title(s.text())).orElse("(empty thread)");
    }

    /** A thread's title from its first question: the first line, cut to {@link #TITLE_CHARS}. */
    static String title(String question) {
        String line = question.strip().lines().findFirst().orElse("");
        return line.length() > TITLE_CHARS ? line.substring(0, TITLE_CHARS - 1) + "…" : line;
    }
}
