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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The agent's commands shown in the window's terminal panel: one tab per chat thread, "Agent: TITLE", opened on the
 * thread's first command and reused while it stays open (closed, the next command opens another). Each command shows
 * as {@code $ COMMAND LINE}, then its output as it arrives, then how it ended. The command itself runs where it always
 * did (confined, in the overlay: {@code agent}'s {@code CommandRunner}); this only shows it.
 */
final class AgentTerminal {
    static final String TAB_PREFIX = "Agent: ";
    private final FxBridge bridge;
    private final TerminalPanelViewModel terminals;
    private final Map<String, TerminalFeed> feeds = new HashMap<>(); // the JavaFX thread's

    AgentTerminal(FxBridge bridge, TerminalPanelViewModel terminals) {
        this.bridge = bridge;
        this.terminals = terminals;
    }

    /** Where the commands of the thread titled {@code thread} are shown. */
    CommandWatch forThread(String thread) {
        String tab = TAB_PREFIX + thread;
        return (commandLine, folder) -> {
            CompletableFuture<TerminalFeed> opened = new CompletableFuture<>();
            bridge.onFx(() -> opened.complete(feeds.compute(tab, (k, feed) -> feed != null && feed.isOpen() ? feed : terminals.openFeed(tab))));
            try {
                return new Shown(opened.get(10, TimeUnit.SECONDS), commandLine, folder);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return CommandWatch.Shown.NONE; // the window is gone or stuck: the command runs all the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CommandWatch.Shown.NONE;
            }
        };
    }

    /** One command in its tab: the bytes it writes decoded as UTF-8, a sequence split between reads kept for the next. */
    private static final class Shown implements CommandWatch.Shown {
        private final TerminalFeed feed;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private boolean lineStart = true;

        Shown(TerminalFeed feed, String commandLine, Path folder) {
            this.feed = feed;
            feed.running(commandLine);
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
            feed.running(null);
        }
    }
}
