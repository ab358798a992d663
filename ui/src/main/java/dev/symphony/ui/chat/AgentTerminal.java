package dev.symphony.ui.chat;

import dev.symphony.agent.CommandWatch;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.terminal.TerminalFeed;
import dev.symphony.ui.terminal.TerminalPanelViewModel;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The agent's commands shown in the window's terminal panel: one tab per chat thread (by its id, so two threads with
 * one title have a tab each, "Agent: TITLE" and "Agent: TITLE (2)", and a thread whose title changes keeps its tab),
 * opened on the thread's first command and reused while it stays open (closed, the next command opens another). Each
 * command shows as {@code $ COMMAND LINE}, then its output as it arrives, then how it ended. The command itself runs
 * where it always did (confined, in the overlay: {@code agent}'s {@code CommandRunner}); this shows it, and closing
 * the tab while it runs stops it as the chat's Stop does.
 */
final class AgentTerminal {
    static final String TAB_PREFIX = "Agent: ";
    private final FxBridge bridge;
    private final TerminalPanelViewModel terminals;
    private final Map<String, TerminalFeed> feeds = new HashMap<>(); // by thread id; the JavaFX thread's

    AgentTerminal(FxBridge bridge, TerminalPanelViewModel terminals) {
        this.bridge = bridge;
        this.terminals = terminals;
    }

    /**
     * Where the commands of a chat thread are shown: {@code id} says which thread (asked on the JavaFX thread when a
     * command starts: a thread gets its id with its first request; null keys the tab by its title), {@code title} is
     * its title as the thread list shows it, and {@code stop} (called on the JavaFX thread) is the chat's Stop.
     */
    CommandWatch forThread(Supplier<String> id, String title, Runnable stop) {
        return (commandLine, folder) -> {
            CompletableFuture<TerminalFeed> opened = new CompletableFuture<>();
            bridge.onFx(() -> {
                String key = Objects.requireNonNullElse(id.get(), TAB_PREFIX + title);
                opened.complete(feeds.compute(key, (k, feed) -> feed != null && feed.isOpen() ? feed : terminals.openFeed(tabName(title))));
            });
            try {
                return new Shown(opened.get(10, TimeUnit.SECONDS), commandLine, folder, () -> bridge.onFx(stop));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return CommandWatch.Shown.NONE; // the window is gone or stuck: the command runs all the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CommandWatch.Shown.NONE;
            }
        };
    }

    /** "Agent: TITLE", or "Agent: TITLE (N)" with the first N from 2 that no open tab of another thread has. */
    private String tabName(String title) {
        Set<String> taken = feeds.values().stream().filter(TerminalFeed::isOpen).map(TerminalFeed::getName).collect(Collectors.toSet());
        String name = TAB_PREFIX + title;
        for (int n = 2; taken.contains(name); n++) {
            name = TAB_PREFIX + title + " (" + n + ")";
        }
        return name;
    }

    /** One command in its tab: the bytes it writes decoded as UTF-8, a sequence split between reads kept for the next. */
    private static final class Shown implements CommandWatch.Shown {
        private final TerminalFeed feed;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private boolean lineStart = true;

        Shown(TerminalFeed feed, String commandLine, Path folder, Runnable stop) {
            this.feed = feed;
            feed.running(commandLine, stop);
            feed.append("\u001b[2m" + folder + "\u001b[0m\n\u001b[1m$ " + commandLine + "\u001b[0m\n");
        }

        @Override
        public synchronized void output(byte[] bytes, int offset, int length) {
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + length).put(carry).put(bytes, offset, length).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            carry = in.slice();
            String text = out.flip().toString();
            if (!text.isEmpty()) {
                lineStart = text.endsWith("\n");
                feed.append(text);
            }
        }

        @Override
        public synchronized void ended(int exitCode, String how) {
            String end = carry.hasRemaining() ? "\uFFFD\n" : lineStart ? "" : "\n";
            feed.append(end + "\u001b[2m[" + (how.isEmpty() ? "" : how + ", ") + "exit " + exitCode + "]\u001b[0m\n\n");
            feed.running(null, null);
        }
    }
}
