package dev.symphony.samples.anthropic;

import dev.symphony.samples.broker.ModelListing;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.SymphonyExtension;

/**
 * Entry class of {@code dev.symphony.samples.anthropic}: the language-model contract over Anthropic's Messages API
 * (streamed), and its model list, reached through the kernel's brokered HTTP, which adds the key.
 */
public class Anthropic implements SymphonyExtension {
    final AnthropicModel model = new AnthropicModel();

    @Override
    public void register(Capabilities capabilities) {
        LanguageModel.register(capabilities, model);
        ModelListing.register(capabilities, model::listModels);
    }
}
