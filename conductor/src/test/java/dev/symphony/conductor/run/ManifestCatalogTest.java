package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's indexes answer as a scan of the manifests in their order would. */
class ManifestCatalogTest {
    private static ExtensionManifest manifest(String id, String kind, String... capabilities) throws Exception {
        StringBuilder caps = new StringBuilder();
        for (String c : capabilities) {
            String[] nameAndCost = c.split("=");
            caps.append(caps.length() == 0 ? "" : ",").append("{\"name\":\"").append(nameAndCost[0])
                    .append("\",\"input\":{\"type\":\"object\"},\"output\":{\"type\":\"object\"}")
                    .append(nameAndCost.length > 1 ? ",\"cost\":{\"perCall\":" + nameAndCost[1] + "}" : "").append('}');
        }
        String json = "{\"id\":\"" + id + "\",\"version\":\"1.0.0\",\"publisher\":\"Test\",\"kind\":\"" + kind
                + "\",\"entryClass\":\"x.Y\",\"engine\":\"[0.1.0,1.0.0)\",\"permissions\":{},\"capabilities\":[" + caps + "]}";
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), id + "/" + ManifestReader.FILE_NAME);
    }

    @Test
    void offeringListsEachManifestsCapabilityInTheManifestsOrderAndFiltersByKind() throws Exception {
        ManifestCatalog catalog = new ManifestCatalog(List.of(manifest("b.tools", "operator", "summarize=0", "other"),
                manifest("a.model", "instrument", "summarize=0.5"), manifest("c.tools", "operator", "other")));
        assertEquals(List.of("b.tools", "a.model"), catalog.offering("summarize", null).stream().map(CapabilitySpec::extension).toList());
        assertEquals(List.of("a.model"), catalog.offering("summarize", "instrument").stream().map(CapabilitySpec::extension).toList());
        assertEquals(0.5, catalog.offering("summarize", "instrument").get(0).costPerCall());
        assertEquals(List.of("b.tools", "c.tools"), catalog.offering("other", "operator").stream().map(CapabilitySpec::extension).toList());
        assertTrue(catalog.offering("missing", null).isEmpty());
        assertTrue(catalog.offering("summarize", "addon").isEmpty());
    }

    @Test
    void findTakesTheFirstManifestOfAnId() throws Exception {
        ManifestCatalog catalog = new ManifestCatalog(List.of(manifest("x.one", "operator", "run=1"),
                manifest("x.one", "operator", "run=3", "later")));
        assertEquals(1.0, catalog.find("x.one", "run").orElseThrow().costPerCall());
        assertFalse(catalog.find("x.one", "later").isPresent(), "the second manifest of an id is not the extension");
        assertFalse(catalog.find("x.two", "run").isPresent());
        assertTrue(catalog.hasExtension("x.one"));
        assertEquals(List.of(1.0, 3.0), catalog.offering("run", null).stream().map(CapabilitySpec::costPerCall).toList(),
                "each manifest offers it");
    }
}
