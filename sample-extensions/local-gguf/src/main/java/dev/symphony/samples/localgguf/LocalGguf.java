package dev.symphony.samples.localgguf;

import dev.symphony.samples.localgguf.demo.DemoModelRecipe;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.SymphonyExtension;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Entry class of {@code dev.symphony.samples.local-gguf}: the language-model contract's four capabilities over one
 * GGUF file run by llama.cpp in this host process — the demo model the build made ({@link DemoModelRecipe}).
 * Registration loads nothing; the host's warm-up loads the model.
 */
public class LocalGguf implements SymphonyExtension {
    static final String DEMO_ID = "symphony-demo-bigram";
    private final GgufLanguageModel model;

    public LocalGguf() {
        this.model = new GgufLanguageModel(new GgufLanguageModel.Entry(DEMO_ID, DemoModelRecipe.MODEL_NAME, demoModelFile(), true));
    }

    @Override
    public void register(Capabilities capabilities) {
        LanguageModel.register(capabilities, model);
    }

    @Override
    public void deactivate() {
        model.close();
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
