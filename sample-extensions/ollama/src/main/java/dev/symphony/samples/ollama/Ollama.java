package dev.symphony.samples.ollama;

import dev.symphony.samples.broker.ModelListing;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.SymphonyExtension;

/**
 * Entry class of {@code dev.symphony.samples.ollama}: the language-model contract over a local Ollama's native API
 * (chat streamed, embeddings) and its installed models (tags), reached through the kernel's brokered HTTP.
 */
public class Ollama implements SymphonyExtension {
    final OllamaLanguageModel model = new OllamaLanguageModel();

    @Override
    public void register(Capabilities capabilities) {
        LanguageModel.register(capabilities, model);
        ModelListing.register(capabilities, model::listModels);
    }
}
