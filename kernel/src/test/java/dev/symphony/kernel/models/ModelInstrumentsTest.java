package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which manifests make an extension a model Instrument (the rest of the class is exercised by packaging's AskIT). */
class ModelInstrumentsTest {
    private static ExtensionManifest manifest(String capabilities) throws Exception {
        String json = "{\"id\":\"x.y\",\"version\":\"1.0.0\",\"publisher\":\"p\",\"kind\":\"instrument\",\"entryClass\":\"a.B\","
                + "\"engine\":\"[0.1.0,1.0.0)\",\"permissions\":{},\"capabilities\":[" + capabilities + "]}";
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    private static final String MODELS = "{\"name\":\"models\",\"kind\":\"operator\",\"input\":{},\"output\":{}}";

    @Test
    void modelsAndAStreamingChatInstrumentMakeAModelInstrument() throws Exception {
        assertTrue(ModelInstruments.isModelInstrument(manifest(MODELS
                + ",{\"name\":\"chat\",\"kind\":\"instrument\",\"streaming\":true,\"input\":{},\"output\":{}}")));
    }

    @Test
    void aChatThatDoesNotStreamOrNoCatalogueIsNot() throws Exception {
        assertFalse(ModelInstruments.isModelInstrument(manifest(MODELS
                + ",{\"name\":\"chat\",\"kind\":\"instrument\",\"input\":{},\"output\":{}}")));
        assertFalse(ModelInstruments.isModelInstrument(manifest(
                "{\"name\":\"chat\",\"kind\":\"instrument\",\"streaming\":true,\"input\":{},\"output\":{}}")));
        assertFalse(ModelInstruments.isModelInstrument(manifest(MODELS
                + ",{\"name\":\"chat\",\"kind\":\"operator\",\"input\":{},\"output\":{}}")));
    }
}
