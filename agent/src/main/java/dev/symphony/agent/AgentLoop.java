package dev.symphony.agent;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * One user request worked through: the conversation goes to the model ({@link ModelBackend}, role {@code chat} or
 * {@code agent}); in agent mode the tools go with it and each tool call the model makes is run by
 * {@link AgentTools} (policy first) and answered, until the model stops, {@link #MAX_STEPS} model turns have run, or
 * {@link #cancel()}. Runs on the caller's (background) thread.
 */
public final class AgentLoop {
    public static final int MAX_STEPS = 25;

    public interface Listener extends ModelBackend.Listener {
        /** A model turn starts (a new answer begins to stream). */
        void turnStarted();

        void turnDone(ModelBackend.Turn turn);

        void toolDone(AgentTools.Outcome outcome);
    }

    private final ModelBackend backend;
    private final AgentTools tools;
    private final String model;
    private volatile boolean cancelled;
    private volatile ModelBackend.Exchange current;

    /** @param tools null for plain chat (no tools, one turn) */
    public AgentLoop(ModelBackend backend, AgentTools tools) {
        this(backend, tools, null);
    }

    /** @param model the model the person picked (a qualified id), or null for the role's */
    public AgentLoop(ModelBackend backend, AgentTools tools, String model) {
        this.backend = backend;
        this.tools = tools;
        this.model = model;
    }

    /**
     * Continues {@code conversation} (its last message is the user's) and appends what the model and the tools said.
     * Throws {@link CallFailedException} (CANCELLED after {@link #cancel()}) with the conversation kept as far as it got.
     */
    public void run(List<Message> conversation, Listener listener) {
        List<dev.symphony.contract.llm.LanguageModelProtocol.ToolSpec> specs = tools == null ? null : tools.toolSpecs();
        for (int step = 0; step < (tools == null ? 1 : MAX_STEPS); step++) {
            checkCancelled();
            ModelBackend.Exchange exchange = backend.open(tools == null ? "chat" : "agent", model);
            current = exchange;
            checkCancelled();
            listener.turnStarted();
            ModelBackend.Turn turn = exchange.chat(new ChatRequest(null, List.copyOf(conversation), Sampling.defaults(),
                    specs), listener);
            Message said = turn.answer().message();
            conversation.add(new Message("assistant", said.content() == null ? "" : said.content(), said.toolCalls(), null));
            listener.turnDone(turn);
            List<ToolCall> calls = said.toolCalls() == null ? List.of() : said.toolCalls();
            if (tools == null || calls.isEmpty()) {
                return;
            }
            List<Message> results = new ArrayList<>();
            for (ToolCall call : calls) {
                if (cancelled) { // every call the model made is answered, so the conversation stays well formed
                    results.add(Message.toolResult(call.id(), "cancelled by the user: not run"));
                    continue;
                }
                AgentTools.Outcome outcome = tools.run(call, () -> cancelled);
                listener.toolDone(outcome);
                results.add(Message.toolResult(call.id(), outcome.result()));
            }
            conversation.addAll(results);
        }
        checkCancelled();
        throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "the agent stopped after " + MAX_STEPS + " model turns");
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CallFailedException(ErrorCode.CANCELLED, "stopped");
        }
    }

    /** Stops the loop (any thread): the model's stream closes, a running command ends, a pending approval is rejected by its owner. */
    public void cancel() {
        cancelled = true;
        ModelBackend.Exchange e = current;
        if (e != null) {
            e.cancel();
        }
    }
}
