package dev.symphony.samples.localgguf;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One GGUF model run by llama.cpp ({@code de.kherud:llama}) in this process, one request at a time, on
 * {@link Entry#threads} threads. Tokens are streamed as llama.cpp samples them; a cancelled call stops llama.cpp's task
 * and fails with CANCELLED. The demo model has no chat template: its prompt is the messages' text, one per line; a
 * user's model gets its own chat template (llama.cpp's, from the file; ChatML when the file has none). A file that is
 * missing, not a GGUF, damaged or of an architecture llama.cpp does not know fails the call with INVALID_INPUT naming
 * the file (and the setting that names it), and the next call tries again.
 */
final class GgufLanguageModel implements LanguageModel, AutoCloseable {
    static final int CONTEXT = 2048;
    static final int DEFAULT_MAX_TOKENS = 256;

    /** The model file this Instrument serves under {@code id}; {@code origin} says where it was named (for errors). */
    record Entry(String id, String displayName, Path file, boolean demo, int contextLength, int threads, String origin) {
        static Entry demo(String id, String displayName, Path file) {
            return new Entry(id, displayName, file, true, CONTEXT, 1, "the demo model the build made");
        }
    }

    private final Entry entry;
    private LlamaModel llama;
    /** Whether llama.cpp puts a begin-of-sequence token before the prompt (counted in the usage). */
    private boolean addsBos = true;

    GgufLanguageModel(Entry entry) {
        this.entry = entry;
    }

    @Override
    public Catalogue models() {
        return new Catalogue(List.of(info()));
    }

    ModelInfo info() {
        return new ModelInfo(entry.id(), entry.displayName(), entry.contextLength(), List.of(Feature.CHAT), entry.demo());
    }

    Entry entry() {
        return entry;
    }

    @Override
    public synchronized void warmUp(CallContext context) {
        if (llama == null) {
            GgufHeader head = entry.demo() ? null : check();
            if (head != null) {
                addsBos = head.addsBos();
            }
            LlamaLog.install();
            LlamaLog.clear();
            try {
                llama = new LlamaModel(new ModelParameters().setModel(entry.file().toString()).setCtxSize(entry.contextLength())
                        .setThreads(entry.threads()).setThreadsBatch(entry.threads()).setParallel(1));
            } catch (RuntimeException e) { // LlamaException, or the binding's own failure
                // While it loads, llama.cpp logs to the host's stderr (the extension's log), not to the Java logger.
                List<String> why = LlamaLog.errors();
                throw new ExtensionException(ErrorCode.INVALID_INPUT, "llama.cpp could not load " + entry.file() + " (" + entry.origin()
                        + "): " + (why.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", why))
                        + (head == null ? "" : "; the file is GGUF version " + head.version() + " of architecture '" + head.architecture()
                        + "' with " + head.tensors() + " tensors (an architecture this llama.cpp does not know, a quantization it"
                        + " does not read, or tensor data cut short)") + "; llama.cpp's own reason is in this extension's log", e);
            }
        }
    }

    /** The file is there, readable and a GGUF whose head is sound, before native code reads it. */
    private GgufHeader check() {
        Path file = entry.file();
        if (!Files.isRegularFile(file)) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "model '" + entry.id() + "': no file " + file + " (" + entry.origin()
                    + "). This extension sees only the files your user settings.json names there, given to it when its host"
                    + " starts: check the path, and reload the extension after changing the setting");
        }
        try {
            return GgufHeader.read(file);
        } catch (GgufHeader.BadGgufException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "model '" + entry.id() + "': " + e.getMessage() + " (" + entry.origin() + ")");
        } catch (IOException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "model '" + entry.id() + "': cannot read " + file + " (" + entry.origin()
                    + "): " + e);
        }
    }

    @Override
    public synchronized Final chat(ChatRequest request, TokenSink out, CallContext context) {
        checkModel(request.model());
        if (request.messages() == null || request.messages().isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "chat needs at least one message");
        }
        warmUp(context); // a no-op through a host, which warms the demo first; a user's model loads here
        String prompt = entry.demo() ? request.messages().stream().map(m -> m.content() == null ? "" : m.content())
                .collect(Collectors.joining("\n", "", "\n")) : templated(request.messages());
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

    /** The conversation in the model's chat template (llama.cpp applies it; a system message goes first). */
    private String templated(List<Message> messages) {
        String system = null;
        List<Pair<String, String>> turns = new ArrayList<>();
        for (Message m : messages) {
            String text = m.content() == null ? "" : m.content();
            if ("system".equals(m.role())) {
                system = system == null ? text : system + "\n" + text;
            } else {
                turns.add(new Pair<>("assistant".equals(m.role()) ? "assistant" : "user", text));
            }
        }
        try {
            return llama.applyTemplate(new InferenceParameters("").setMessages(system, turns));
        } catch (RuntimeException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "the chat template of " + entry.file() + " failed: " + e.getMessage(), e);
        }
    }

    private Final generate(String prompt, Sampling sampling, TokenSink out, CallContext context) {
        Sampling s = sampling == null ? Sampling.defaults() : sampling;
        int window = entry.contextLength();
        int maxTokens = s.maxTokens() == null ? Math.min(DEFAULT_MAX_TOKENS, window / 2) : s.maxTokens();
        if (maxTokens < 1 || maxTokens > window) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "sampling.maxTokens must be 1.." + window + ", not " + maxTokens);
        }
        int inputTokens = llama.encode(prompt).length + (addsBos ? 1 : 0); // the begin-of-sequence token llama.cpp adds
        if (inputTokens + maxTokens > window) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "the prompt (" + inputTokens + " tokens) and maxTokens ("
                    + maxTokens + ") exceed the context of " + window + " tokens");
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
