package dev.symphony.samples.broker;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.TokenSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One chat of the uniform contract through a langchain4j streaming model: each streamed text delta becomes a token
 * chunk, the caller's cancel stops the parser (and closes the brokered connection), and the response becomes the
 * {@link Final} with the provider's usage and finish reason, and the model's tool calls when the request offered tools
 * ({@link ToolCalls}). {@link BrokerHttpClient} streams on the caller's
 * thread, so the answer is complete when the model's {@code chat} returns; the model may be one kept across calls
 * ({@link SharedModel}): its exchanges are this call's ({@link BrokerHttpClient#during}).
 */
public final class StreamedChat {
    private StreamedChat() {
    }

    /** The contract's sampling as langchain4j's portable parameters (providers without a seed ignore it: it is not sent). */
    public static DefaultChatRequestParameters.Builder<?> parameters(Sampling sampling, String model) {
        Sampling s = sampling == null ? Sampling.defaults() : sampling;
        DefaultChatRequestParameters.Builder<?> p = DefaultChatRequestParameters.builder().modelName(model)
                .maxOutputTokens(s.maxTokens()).temperature(s.temperature()).topP(s.topP());
        if (s.stop() != null && !s.stop().isEmpty()) {
            p.stopSequences(s.stop());
        }
        return p;
    }

    /**
     * Streams {@code request} through {@code model} into {@code out}.
     *
     * @param answeredBy the catalogue id the {@link Final} names
     * @param where      the server, named in failures
     */
    public static Final run(StreamingChatModel model, ChatRequest request, ChatRequestParameters parameters, TokenSink out,
                            CallContext context, String answeredBy, String where) throws InterruptedException {
        if (request.messages() == null || request.messages().isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "chat needs at least one message");
        }
        boolean hasTools = request.tools() != null && !request.tools().isEmpty();
        dev.langchain4j.model.chat.request.ToolChoice choice = ToolCalls.toolChoice(request.toolChoice(), hasTools);
        ChatRequestParameters withTools = !hasTools ? parameters : parameters.overrideWith(DefaultChatRequestParameters.builder()
                .toolSpecifications(ToolCalls.specifications(request.tools())).toolChoice(choice).build());
        dev.langchain4j.model.chat.request.ChatRequest lcRequest = dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(messages(request.messages())).parameters(withTools).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        int[] streamed = {0};
        try {
            BrokerHttpClient.during(context, () -> { // a shared model's exchange is this call's (HTTP, cancel)
                chat(model, lcRequest, done, streamed, out, context);
                return null;
            });
        } catch (RuntimeException refused) { // the provider module refused the request before sending it
            throw ProviderFailures.failure(refused, where);
        }
        ChatResponse response;
        try {
            response = done.get();
        } catch (ExecutionException e) {
            throw ProviderFailures.failure(e.getCause(), where);
        }
        return answer(response, answeredBy, where);
    }

    /** Sends; each streamed text delta becomes a token chunk; the response (or the failure) completes {@code done}. */
    private static void chat(StreamingChatModel model, dev.langchain4j.model.chat.request.ChatRequest lcRequest,
                             CompletableFuture<ChatResponse> done, int[] streamed, TokenSink out, CallContext context) {
        model.chat(lcRequest, new StreamingChatResponseHandler() {
            /** True (and the stream stopped) when the caller cancelled. */
            private boolean cancelled(StreamingHandle handle) {
                if (out.cancelled() || context.cancelled()) {
                    handle.cancel(); // the parser stops; BrokerHttpClient closes the stream: the kernel closes the connection
                    done.completeExceptionally(new ExtensionException(ErrorCode.CANCELLED, "cancelled after " + streamed[0] + " tokens"));
                    return true;
                }
                return false;
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext handle) {
                cancelled(handle.streamingHandle()); // a call's arguments streamed in pieces: no text, but a cancel still stops it
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext handle) {
                if (cancelled(handle.streamingHandle())) {
                    return;
                }
                if (!partial.text().isEmpty()) {
                    streamed[0]++;
                    out.token(partial.text());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
    }

    private static Final answer(ChatResponse response, String answeredBy, String where) {
        TokenUsage usage = response.tokenUsage();
        AiMessage said = response.aiMessage();
        String text = said == null || said.text() == null ? "" : said.text();
        List<ToolCall> calls = said == null || !said.hasToolExecutionRequests() ? null
                : ToolCalls.fromModel(said.toolExecutionRequests(), answeredBy + " at " + where);
        FinishReason reason = calls != null ? FinishReason.TOOL_CALLS
                : response.finishReason() == dev.langchain4j.model.output.FinishReason.LENGTH ? FinishReason.LENGTH : FinishReason.STOP;
        return new Final(answeredBy, new Message("assistant", text, calls, null),
                new Usage(count(usage == null ? null : usage.inputTokenCount()), count(usage == null ? null : usage.outputTokenCount())), reason);
    }

    /**
     * The contract's messages as langchain4j's, tool calls and tool results included ({@link ToolCalls}); an unknown
     * role is INVALID_INPUT naming it.
     */
    public static List<ChatMessage> messages(List<Message> messages) {
        List<ChatMessage> out = new ArrayList<>();
        Map<String, String> toolNames = ToolCalls.names();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String text = m.content() == null ? "" : m.content();
            boolean calls = m.toolCalls() != null && !m.toolCalls().isEmpty();
            out.add(switch (m.role() == null ? "user" : m.role()) {
                case "system" -> SystemMessage.from(text);
                case "assistant" -> calls ? ToolCalls.message(m, toolNames, i) : AiMessage.from(text);
                case "user" -> UserMessage.from(text);
                case "tool" -> ToolCalls.message(m, toolNames, i);
                default -> throw new ExtensionException(ErrorCode.INVALID_INPUT, "unknown message role '" + m.role()
                        + "' (messages[" + i + "]); roles: system, user, assistant, tool");
            });
        }
        return out;
    }

    static long count(Integer n) {
        return n == null ? 0 : n;
    }
}
