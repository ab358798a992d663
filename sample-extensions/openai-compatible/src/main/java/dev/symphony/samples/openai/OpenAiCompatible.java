package dev.symphony.samples.openai;

import dev.symphony.samples.broker.ModelListing;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.SymphonyExtension;

/**
 * Entry class of {@code dev.symphony.samples.openai-compatible}: the language-model contract over any
 * OpenAI-compatible server (llama.cpp's llama-server, LM Studio, vLLM, OpenAI), reached through the kernel's
 * brokered HTTP, and the server's model list. Registration and warm-up load nothing: the model lives in the server.
 */
public class OpenAiCompatible implements SymphonyExtension {
    final OpenAiCompatibleModel model = new OpenAiCompatibleModel();

    @Override
    public void register(Capabilities capabilities) {
        LanguageModel.register(capabilities, model);
        ModelListing.register(capabilities, model::listModels);
    }
}
