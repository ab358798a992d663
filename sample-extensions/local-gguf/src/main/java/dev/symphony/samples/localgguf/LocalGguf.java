package dev.symphony.samples.localgguf;

import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.samples.localgguf.demo.DemoModelRecipe;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.Operator;
import dev.symphony.sdk.api.SymphonyExtension;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Entry class of {@code dev.symphony.samples.local-gguf}: the language-model contract's four capabilities over GGUF
 * files run by llama.cpp in this host process — the demo model the build made ({@link DemoModelRecipe}) and the
 * user's own files ({@link ModelFiles}). Registration loads nothing; the host's warm-up loads the demo model, a user's
 * model loads at its first call.
 */
public class LocalGguf implements SymphonyExtension {
    static final String DEMO_ID = "symphony-demo-bigram";
    private final LocalModels models;

    public LocalGguf() {
        this.models = new LocalModels(new GgufLanguageModel(GgufLanguageModel.Entry.demo(DEMO_ID, DemoModelRecipe.MODEL_NAME, demoModelFile())));
    }

    @Override
    public void register(Capabilities capabilities) {
        // The SDK registers a catalogue read once, at registration; this one follows the settings, so its `models`
        // Operator is this extension's (on a worker: the manifest's latency puts it there, it reads settings and files).
        Operator catalogue = (input, context) -> LanguageModelProtocol.toJson(models.models(context));
        LanguageModel.register(new Capabilities() {
            @Override
            public Capabilities operator(String name, Operator operator) {
                capabilities.operator(name, LanguageModelProtocol.MODELS.equals(name) ? catalogue : operator);
                return this;
            }

            @Override
            public Capabilities instrument(String name, Instrument instrument) {
                capabilities.instrument(name, instrument);
                return this;
            }

            @Override
            public Capabilities addon(String name, Addon addon) {
                capabilities.addon(name, addon);
                return this;
            }
        }, models);
    }

    @Override
    public void deactivate() {
        models.close();
    }

    /** The demo model beside this class: a file in {@code classes/} (development mode and an installed archive alike). */
    static Path demoModelFile() {
        URL url = LocalGguf.class.getResource(DemoModelRecipe.FILE_NAME);
        if (url == null) {
            throw new IllegalStateException("the demo model " + DemoModelRecipe.FILE_NAME + " is missing beside "
                    + LocalGguf.class.getName() + "; the build makes it (mvn -DskipTests package)");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new IllegalStateException("the demo model must be a file for llama.cpp to map it, not " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad demo model location " + url, e);
        }
    }
}
