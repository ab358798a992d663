package dev.symphony.samples.replay;

import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.SymphonyExtension;

/** Entry class of {@code dev.symphony.samples.replay-agent}: the recordings beside it as language-model capabilities. */
public class ReplayAgent implements SymphonyExtension {
    static final String RECORDINGS = "recordings.json";

    @Override
    public void register(Capabilities capabilities) {
        LanguageModel.register(capabilities, new ReplayModel(Recordings.read(ReplayAgent.class.getResourceAsStream(RECORDINGS), RECORDINGS)));
    }
}
