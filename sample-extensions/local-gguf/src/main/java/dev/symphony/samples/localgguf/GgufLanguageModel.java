package dev.symphony.samples.localgguf;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.LogLevel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.TokenSink;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One GGUF model run by llama.cpp ({@code de.kherud:llama}) in this process, one request at a time, on one thread
 * (the manifest's CPU share). Tokens are streamed as llama.cpp samples them; a cancelled call stops llama.cpp's task
 * and fails with CANCELLED. The demo model has no chat template: its prompt is the messages' text, one per line.
 */
final class GgufLanguageModel implements LanguageModel, AutoCloseable {
    static final int CONTEXT = 2048;
    static final int DEFAULT_MAX_TOKENS = 256;

    /** The model file this Instrument serves under {@code id}. */
    record Entry(String id, String displayName, Path file, boolean demo) {
    }

    private final Entry entry;
    private LlamaModel llama;

    GgufLanguageModel(Entry entry) {
        this.entry = entry;
    }

    @Override
    public Catalogue models() {
        return new Catalogue(List.of(new ModelInfo(entry.id(), entry.displayName(), CONTEXT, List.of(Feature.CHAT), entry.demo())));
    }

    @Override
    public synchronized void warmUp(CallContext context) {
        if (llama == null) {
            // llama.cpp's own log (model loading, per-request timings) is not ours to print; its errors are.
            LlamaModel.setLogger(LogFormat.TEXT, (level, text) -> {
                if (level == LogLevel.ERROR) {
                    System.err.print("llama.cpp: " + text);
                }
            });
            llama = new LlamaModel(new ModelParameters().setModel(entry.file().toString()).setCtxSize(CONTEXT)
                    .setThreads(1).setThreadsBatch(1).setParallel(1));
        }
    }

    @Override
    public synchronized Final chat(ChatRequest request, TokenSink out, CallContext context) {
        checkModel(request.model());
        if (request.messages() == null || request.messages().isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "chat needs at least one message");
        }
        String prompt = request.messages().stream().map(m -> m.content() == null ? "" : m.content())
                .collect(Collectors.joining("\n", "", "\n"));
        return generate(prompt, request.sampling(), out, context);
    }

    @Override
    public synchronized Final complete(CompleteRequest request, TokenSink out, CallContext context) {
        checkModel(request.model());
        throw new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, entry.id() + " has no fill-in-the-middle tokens");
    }

    private void checkModel(String requested) {
        if (requested != null && !requested.equals(entry.id())) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "no model '" + requested + "' here; models: " + entry.id());
        }
    }

    private Final generate(String prompt, Sampling sampling, TokenSink out, CallContext context) {
        warmUp(context); // a no-op through a host, which warms first
        Sampling s = sampling == null ? Sampling.defaults() : sampling;
        int maxTokens = s.maxTokens() == null ? DEFAULT_MAX_TOKENS : s.maxTokens();
        if (maxTokens < 1 || maxTokens > CONTEXT) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "sampling.maxTokens must be 1.." + CONTEXT + ", not " + maxTokens);
        }
        int inputTokens = llama.encode(prompt).length + 1; // + <s>, which llama.cpp adds
        if (inputTokens + maxTokens > CONTEXT) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "the prompt (" + inputTokens + " tokens) and maxTokens ("
                    + maxTokens + ") exceed the context of " + CONTEXT + " tokens");
        }
        InferenceParameters parameters = new InferenceParameters(prompt).setNPredict(maxTokens)
                .setTemperature(s.temperature() == null ? 0.8f : s.temperature().floatValue());
        if (s.topP() != null) {
            parameters.setTopP(s.topP().floatValue());
        }
        if (s.seed() != null) {
            parameters.setSeed((int) (long) s.seed());
        }
        if (s.stop() != null && !s.stop().isEmpty()) {
            parameters.setStopStrings(s.stop().toArray(String[]::new));
        }
        StringBuilder text = new StringBuilder();
        int outputTokens = 0;
        LlamaIterator tokens = llama.generate(parameters).iterator();
        while (tokens.hasNext()) {
            if (out.cancelled() || context.cancelled()) {
                tokens.cancel();
                throw new ExtensionException(ErrorCode.CANCELLED, "cancelled after " + outputTokens + " tokens");
            }
            LlamaOutput piece = tokens.next();
            if (!piece.text.isEmpty()) {
                outputTokens++;
                text.append(piece.text);
                out.token(piece.text);
            }
        }
        FinishReason reason = outputTokens >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP;
        return new Final(entry.id(), new Message("assistant", text.toString()), new Usage(inputTokens, outputTokens), reason);
    }

    @Override
    public synchronized void close() {
        if (llama != null) {
            llama.close();
            llama = null;
        }
    }
}
