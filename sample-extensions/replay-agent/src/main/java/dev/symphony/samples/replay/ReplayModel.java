package dev.symphony.samples.replay;

import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.samples.replay.Recordings.Branch;
import dev.symphony.samples.replay.Recordings.Expect;
import dev.symphony.samples.replay.Recordings.Recording;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.TokenSink;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays recordings as models: each request is matched to its turn (the number of assistant messages it holds) and
 * to the branch its last message fits; the recorded reply is streamed a word at a time, {@code delayMs} apart, then
 * returned with its tool calls. Anything off the recording fails with INVALID_INPUT saying where it left it.
 * Usage is the replay's own count: input = characters / 4, output = streamed chunks.
 */
final class ReplayModel implements LanguageModel {
    private static final Pattern WORD = Pattern.compile("\\s*\\S+\\s*|\\s+");
    private final Recordings recordings;

    ReplayModel(Recordings recordings) {
        this.recordings = recordings;
    }

    @Override
    public Catalogue models() {
        return new Catalogue(recordings.recordings().stream()
                .map(r -> new ModelInfo(r.name(), "REPLAY " + r.name() + " (recorded; not a model)", 0,
                        List.of(Feature.CHAT, Feature.TOOLS), false))
                .toList());
    }

    @Override
    public Final chat(ChatRequest request, TokenSink out, CallContext context) throws Exception {
        Recording recording = recording(request.model());
        List<Message> messages = request.messages();
        if (messages == null || messages.isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "chat needs at least one message");
        }
        int turn = (int) messages.stream().filter(m -> "assistant".equals(m.role())).count();
        if (turn >= recording.turns().size()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "the replay " + recording.name() + " has "
                    + recording.turns().size() + " turns; this request asks for turn " + (turn + 1));
        }
        Message last = messages.get(messages.size() - 1);
        Branch branch = recording.turns().get(turn).stream().filter(b -> matches(b.expect(), last)).findFirst()
                .orElseThrow(() -> new ExtensionException(ErrorCode.INVALID_INPUT, "the conversation left the replay "
                        + recording.name() + " at turn " + (turn + 1) + ": its last message (" + describe(last)
                        + ") fits none of " + recording.turns().get(turn).stream().map(b -> b.expect().toString()).toList()));
        String content = branch.reply().content() == null ? "" : branch.reply().content();
        int chunks = 0;
        Matcher words = WORD.matcher(content);
        while (words.find()) {
            if (out.cancelled() || context.cancelled()) {
                throw new ExtensionException(ErrorCode.CANCELLED, "cancelled after " + chunks + " chunks");
            }
            if (recording.delayMs() > 0) {
                Thread.sleep(recording.delayMs());
            }
            out.token(words.group());
            chunks++;
        }
        long input = messages.stream().mapToLong(m -> m.content() == null ? 0 : m.content().length()).sum() / 4 + 1;
        boolean calls = branch.reply().toolCalls() != null && !branch.reply().toolCalls().isEmpty();
        return new Final(recording.name(), new Message("assistant", content, calls ? branch.reply().toolCalls() : null, null),
                new Usage(input, chunks), calls ? FinishReason.TOOL_CALLS : FinishReason.STOP);
    }

    private Recording recording(String model) {
        if (model == null) {
            return recordings.recordings().get(0);
        }
        return recordings.recordings().stream().filter(r -> r.name().equals(model)).findFirst()
                .orElseThrow(() -> new ExtensionException(ErrorCode.INVALID_INPUT, "no recording '" + model + "'; recordings: "
                        + recordings.recordings().stream().map(Recording::name).toList()));
    }

    static boolean matches(Expect expect, Message m) {
        return (expect.role() == null || expect.role().equals(m.role()))
                && (expect.toolCallId() == null || expect.toolCallId().equals(m.toolCallId()))
                && (expect.contains() == null || (m.content() != null && m.content().contains(expect.contains())));
    }

    private static String describe(Message m) {
        String text = m.content() == null ? "" : m.content();
        return "role " + m.role() + (m.toolCallId() == null ? "" : ", answering " + m.toolCallId()) + ", \""
                + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\"";
    }
}
