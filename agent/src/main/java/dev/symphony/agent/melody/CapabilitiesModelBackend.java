package dev.symphony.agent.melody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.agent.ModelBackend;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A phase's model: the {@code chat} capability of one model Instrument ({@code EXTENSION/MODEL}), called through the
 * run's capabilities like any node's call (the kernel checks the input and output schemas, audits the call), one
 * streamed call per turn (a unary call would answer its text without the tool calls). The tokens and money of every turn add up, so the phase's node reports them to the run's budget.
 */
final class CapabilitiesModelBackend implements ModelBackend {
    private final Capabilities capabilities;
    private final CapabilitySpec chat;
    private final String model;
    private final long deadlineNanos;
    private final int maxTurns;
    private final java.util.concurrent.atomic.AtomicInteger turns = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong tokens = new AtomicLong();
    private final DoubleAdder cost = new DoubleAdder();

    /**
     * @param qualified {@code EXTENSION/MODEL}, a model Instrument's extension id and one of its models
     * @param timeout   the node's time: no turn starts after it
     * @param maxTurns  the most model turns the phase may take
     */
    CapabilitiesModelBackend(Capabilities capabilities, String qualified, Duration timeout, int maxTurns) {
        int slash = qualified.indexOf('/');
        if (slash <= 0 || slash == qualified.length() - 1) {
            throw new IllegalArgumentException("model: expected EXTENSION/MODEL (a model Instrument and one of its models, as"
                    + " `symphony models list` prints them), got '" + qualified + "'");
        }
        String extension = qualified.substring(0, slash);
        this.chat = capabilities.find(extension, LanguageModelProtocol.CHAT).orElseThrow(() -> new IllegalArgumentException(
                "model: " + extension + " has no " + LanguageModelProtocol.CHAT + " capability (is it a model Instrument, and installed?)"));
        this.capabilities = capabilities;
        this.model = qualified.substring(slash + 1);
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.maxTurns = maxTurns;
    }

    long tokens() {
        return tokens.get();
    }

    double cost() {
        return cost.sum();
    }

    @Override
    public Exchange open(String role) {
        return new Exchange() {
            private volatile boolean cancelled;

            @Override
            public Turn chat(ChatRequest request, Listener listener) {
                long left = deadlineNanos - System.nanoTime();
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    throw new CallFailedException(ErrorCode.CANCELLED, "the phase was stopped");
                }
                if (turns.incrementAndGet() > maxTurns) {
                    throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "the phase stopped after " + maxTurns + " model turns (maxTurns)");
                }
                if (left <= 0) {
                    throw new CallFailedException(ErrorCode.TIMEOUT, "the phase ran out of time before its next model turn");
                }
                ChatRequest asked = new ChatRequest(model, request.messages(), request.sampling(), request.tools(), request.toolChoice());
                ObjectNode input = LanguageModelProtocol.toJson(asked);
                Duration wait = Duration.ofNanos(Math.min(left, Duration.ofMillis(chat.timeoutMs()).toNanos()));
                Reply reply;
                try {
                    if (turns.get() == 1) { // the model loads before the first turn's time starts
                        capabilities.warmUp(chat).get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                    reply = capabilities.stream(chat, input, wait, chunk -> {
                        if (chunk != null && chunk.path("token").isTextual()) {
                            listener.token(chunk.get("token").asText());
                        }
                    });
                } catch (CallFailedException e) {
                    throw e;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, chat.key() + " did not warm up: " + e.getCause().getMessage());
                } catch (Exception e) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, chat.key() + ": " + e.getMessage());
                }
                tokens.addAndGet(reply.tokens());
                cost.add(reply.cost());
                if (reply.output() == null || !Final.isFinal(reply.output())) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, chat.key() + "'s stream ended without its final answer");
                }
                Final answer;
                try {
                    answer = LanguageModelProtocol.fromJson(reply.output(), Final.class);
                } catch (IllegalArgumentException e) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, chat.key() + " sent a bad final answer: " + e.getMessage());
                }
                if (answer.message() == null) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, chat.key() + " answered without a message");
                }
                return new Turn(chat.extension() + "/" + model, answer, reply.cost(), null, Double.POSITIVE_INFINITY);
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        };
    }
}
