package dev.symphony.samples.tinylm;

import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;

/**
 * Entry class of {@code dev.symphony.samples.tiny-lm}, a demo model: {@code generate} streams up to
 * {@code maxTokens} characters, {@code complete} stops at the end of the first sentence. Both share one lazily
 * loaded model.
 */
public class TinyLm implements SymphonyExtension {
    private final LazyModel model;

    public TinyLm() {
        this(LazyModel.shipped());
    }

    /** With another parameter source (tests). */
    public TinyLm(LazyModel model) {
        this.model = model;
    }

    @Override
    public void register(Capabilities capabilities) {
        capabilities
                .instrument("generate", new GenerateInstrument(model, false))
                .instrument("complete", new GenerateInstrument(model, true));
    }

    @Override
    public void deactivate() {
        model.close();
    }
}
