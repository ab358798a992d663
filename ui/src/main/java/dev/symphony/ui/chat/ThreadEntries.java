package dev.symphony.ui.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's entries as data to keep ({@link ChatThreads.Shown}) and back. What only lives while the window is open
 * does not come back live: an approval is kept as the line of its outcome, a step's Restore and a restore's Undo
 * (their checkpoints are the window's) as plain tool lines.
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
                out.add(new ChatThreads.Shown("tool", t.shown(), t.title(), null, t.ran()));
            } else if (e instanceof ChatEntry.Restored r) {
                out.add(new ChatThreads.Shown("tool", r.shown(), r.title(), null, true));
            } else if (e instanceof ChatEntry.Approval p) {
                String outcome = switch (p.stateProperty().get()) {
                    case ACCEPTED -> p.labels().get(3);
                    case REJECTED -> p.labels().get(4);
                    case PENDING -> "not answered";
                };
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
                case "tool" -> out.add(new ChatEntry.Tool(s.meta() == null ? "" : s.meta(), text, s.flag()));
                default -> out.add(new ChatEntry.Notice(text, s.flag()));
            }
        }
        return out;
    }

    /** The first line of the first question, cut to {@link #TITLE_CHARS}; "(empty thread)" when nothing was asked. */
    static String title(List<ChatThreads.Shown> shown) {
        return shown.stream().filter(s -> "user".equals(s.kind())).findFirst().map(s -> {
            String line = s.text().strip().lines().findFirst().orElse("");
            return line.length() > TITLE_CHARS ? line.substring(0, TITLE_CHARS - 1) + "…" : line;
        }).orElse("(empty thread)");
    }
}
