package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The price table in force: the shipped one, overridden by {@code model-prices.json} in the user's config folder. */
public final class Prices {
    public static final String OVERRIDE_FILE = "model-prices.json";

    private Prices() {
    }

    public static PriceTable load(SymphonyPaths paths) {
        PriceTable shipped = PriceTable.shipped();
        Path override = paths.configDir().resolve(OVERRIDE_FILE);
        if (!Files.isRegularFile(override)) {
            return shipped;
        }
        try {
            return shipped.withOverrides(new ObjectMapper().readTree(override.toFile()), override.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(override + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
