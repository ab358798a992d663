package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One chat request streamed from a model Instrument through the kernel: each token to {@code onToken} as it arrives,
 * then the {@link Final} answer. The Instrument is warmed first (its host started, its model loaded; bounded by the
 * capability's own timeout), so {@code timeout} bounds the model's answer, not a cold start.
 * {@link #cancel()} (any thread) closes the stream, which cancels the call in the host.
 */
public final class ChatCall implements ModelRouter.Endpoint {
    private final Kernel kernel;
    private volatile KernelStream stream;
    private volatile boolean cancelled;

    public ChatCall(Kernel kernel) {
        this.kernel = kernel;
    }

    public Final run(ModelInstruments.ServedModel model, ChatRequest request, Duration timeout, Consumer<String> onToken) {
        ChatRequest named = request.with(model.model().id(), request.sampling());
        return stream("cli", model.instrument(), LanguageModelProtocol.CHAT, LanguageModelProtocol.toJson(named), timeout, onToken);
    }

    /** One streamed language-model call ({@code chat} or {@code complete}): warmed, tokens to {@code onToken}, the final answer. */
    Final stream(String caller, String instrument, String capability, JsonNode input, Duration timeout, Consumer<String> onToken) {
        warm(caller, instrument, capability);
        try (KernelStream s = kernel.stream(new CapabilityCall(caller, instrument, capability, input, timeout))) {
            stream = s;
            if (cancelled) {
                throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
            }
            JsonNode chunk;
            while ((chunk = s.next()) != null) {
                if (Final.isFinal(chunk)) {
                    return LanguageModelProtocol.fromJson(chunk, Final.class);
                }
                if (!chunk.path("token").isTextual()) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, instrument + " sent a chunk that is neither a token nor the final answer: " + abbreviate(chunk));
                }
                onToken.accept(chunk.get("token").asText());
            }
            if (cancelled) { // the stream ends at once when cancel() closes it
                throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
            }
            throw new CallFailedException(ErrorCode.EXTENSION_ERROR, instrument + "'s " + capability + " stream ended without its final answer");
        } catch (IllegalArgumentException badFinal) {
            throw new CallFailedException(ErrorCode.EXTENSION_ERROR, instrument + " sent a bad final answer: " + badFinal.getMessage());
        } finally {
            stream = null;
        }
    }

    private void warm(String caller, String instrument, String capability) {
        try {
            kernel.warmUp(caller, instrument, capability).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof CallFailedException failed) {
                throw failed;
            }
            throw new CallFailedException(ErrorCode.EXTENSION_ERROR, instrument + " did not warm up: " + e.getCause());
        }
    }

    @Override
    public Final chat(ModelInstruments.ServedModel model, ChatRequest request, Duration timeout, Consumer<String> onToken) {
        return run(model, request, timeout, onToken);
    }

    @Override
    public void cancel() {
        cancelled = true;
        KernelStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    private static String abbreviate(JsonNode chunk) {
        String text = chunk.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
