package dev.symphony.samples.localgguf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.TokenSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The models this host serves: the demo model, always, and the user's own GGUF files ({@link ModelFiles}, read from the
 * settings at each call, so the catalogue follows the settings without a restart). At most one user model is loaded at
 * a time: asking for another frees the one loaded (its weights and KV cache are native memory, GBs for a real model).
 * Requests run one at a time (llama.cpp gets the CPU share of the whole host).
 */
final class LocalModels implements LanguageModel, AutoCloseable {
    static final String CONTEXT_SETTING = "contextLength";
    static final int DEFAULT_CONTEXT = 4096;
    private final GgufLanguageModel demo;
    private GgufLanguageModel loaded;
    private final Map<Path, Head> heads = new java.util.concurrent.ConcurrentHashMap<>();

    LocalModels(GgufLanguageModel demo) {
        this.demo = demo;
    }

    /** The demo alone: what registration sees, before any setting can be read. */
    @Override
    public Catalogue models() {
        return demo.models();
    }

    /** The demo and the user's files as the settings name them now (the {@code models} capability). */
    Catalogue models(CallContext context) {
        List<ModelInfo> out = new ArrayList<>(List.of(demo.info()));
        for (GgufLanguageModel.Entry e : userEntries(context)) {
            out.add(new GgufLanguageModel(e).info());
        }
        return new Catalogue(out);
    }

    @Override
    public void warmUp(CallContext context) {
        demo.warmUp(context);
    }

    @Override
    public synchronized Final chat(ChatRequest request, TokenSink out, CallContext context) {
        return model(request.model(), context).chat(request.with(null, request.sampling()), out, context);
    }

    @Override
    public synchronized Final complete(CompleteRequest request, TokenSink out, CallContext context) {
        entry(request.model(), context); // an unknown model is named before fill in the middle is refused
        throw new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, context.extensionId() + " does not fill in the middle yet");
    }

    /** The model {@code id} names (null: the demo), loading it (and freeing another user model) when it is a user's file. */
    private GgufLanguageModel model(String id, CallContext context) {
        GgufLanguageModel.Entry entry = entry(id, context);
        if (entry == null) {
            return demo;
        }
        if (loaded != null && !loaded.entry().equals(entry)) {
            loaded.close(); // one user model in memory at a time
            loaded = null;
        }
        if (loaded == null) {
            loaded = new GgufLanguageModel(entry);
        }
        return loaded;
    }

    /** The user's entry {@code id} names; null for the demo; INVALID_INPUT listing the models for an unknown id. */
    private GgufLanguageModel.Entry entry(String id, CallContext context) {
        if (id == null || id.equals(demo.entry().id())) {
            return null;
        }
        List<GgufLanguageModel.Entry> entries = userEntries(context);
        return entries.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new ExtensionException(ErrorCode.INVALID_INPUT, "no model '" + id + "' here; models: "
                        + String.join(", ", ids(entries)) + " (your own GGUF files: the setting " + context.extensionId() + "."
                        + ModelFiles.SETTING + ")"));
    }

    private List<String> ids(List<GgufLanguageModel.Entry> entries) {
        List<String> ids = new ArrayList<>(List.of(demo.entry().id()));
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    /** One entry per file the settings name; a file's own head gives its name and caps the context at its trained length. */
    private List<GgufLanguageModel.Entry> userEntries(CallContext context) {
        Map<String, Path> files = ModelFiles.of(context.services().settings().get(ModelFiles.SETTING), context.extensionId());
        JsonNode ctx = context.services().settings().get(CONTEXT_SETTING);
        int wanted = ctx != null && ctx.canConvertToInt() && ctx.asInt() >= 256 ? ctx.asInt() : DEFAULT_CONTEXT;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors()); // the host's CPU share (-XX:ActiveProcessorCount)
        List<GgufLanguageModel.Entry> out = new ArrayList<>();
        files.forEach((id, file) -> {
            String name = file.getFileName().toString();
            int window = wanted;
            try {
                GgufHeader head = head(file);
                name = head.text("general.name").filter(n -> !n.isBlank()).map(n -> n + " (" + file.getFileName() + ")").orElse(name);
                window = (int) Math.min(wanted, head.trainedContext().filter(n -> n > 0).orElse((long) wanted));
            } catch (GgufHeader.BadGgufException | IOException unreadable) {
                // listed all the same: a call names the problem (GgufLanguageModel.check)
            }
            out.add(new GgufLanguageModel.Entry(id, name, file, false, window, threads,
                    "setting " + context.extensionId() + "." + ModelFiles.SETTING + "." + id));
        });
        return out;
    }

    /** A file's head, read again only when its size or time changed (a big vocabulary takes some milliseconds to skip). */
    private GgufHeader head(Path file) throws GgufHeader.BadGgufException, IOException {
        String stamp = Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        Head cached = heads.get(file);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.head();
        }
        GgufHeader head = GgufHeader.read(file);
        heads.put(file, new Head(stamp, head));
        return head;
    }

    private record Head(String stamp, GgufHeader head) {
    }

    @Override
    public synchronized void close() {
        demo.close();
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
