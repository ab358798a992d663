package dev.symphony.contract.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Price per million input and output tokens by model id, from data: the table shipped with the contract
 * ({@code prices.json} beside this class, with the date it was checked), optionally overridden by a user's table
 * of the same shape ({@link #withOverrides}). A model the table does not name has no price ({@link #price} is
 * empty): cost is then reported unknown, never guessed.
 */
public final class PriceTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Price> prices;
    private final String asOf;

    /** Price per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion, String currency) {
        public double cost(LanguageModelProtocol.Usage usage) {
            return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000.0;
        }
    }

    private PriceTable(Map<String, Price> prices, String asOf) {
        this.prices = Map.copyOf(prices);
        this.asOf = asOf;
    }

    /** The table shipped with Symphony. */
    public static PriceTable shipped() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing beside " + PriceTable.class.getName());
            }
            JsonNode table = JSON.readTree(in);
            return new PriceTable(read(table, "prices.json"), table.path("asOf").asText(null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped price table", e);
        }
    }

    /** This table with {@code overrides} (same shape as {@code prices.json}) taking precedence; {@code source} names it in errors. */
    public PriceTable withOverrides(JsonNode overrides, String source) {
        Map<String, Price> merged = new LinkedHashMap<>(prices);
        merged.putAll(read(overrides, source));
        return new PriceTable(merged, asOf);
    }

    public Optional<Price> price(String modelId) {
        return Optional.ofNullable(prices.get(modelId));
    }

    /**
     * The price of {@code modelId} as {@code instrument} serves it: the entry {@code INSTRUMENT/MODEL}, else
     * {@code MODEL}, else {@code INSTRUMENT/*} (every model of an Instrument that runs models on this machine, such as
     * local-gguf's files, whose ids the user chooses).
     */
    public Optional<Price> price(String instrument, String modelId) {
        return Optional.ofNullable(prices.get(instrument + "/" + modelId)).or(() -> price(modelId))
                .or(() -> Optional.ofNullable(prices.get(instrument + "/*")));
    }

    /** When the shipped prices were checked (ISO date). */
    public String asOf() {
        return asOf;
    }

    private static Map<String, Price> read(JsonNode table, String source) {
        JsonNode models = table.path("models");
        if (!models.isObject()) {
            throw new IllegalArgumentException(source + ": /models must be an object of model id -> {input, output, currency}");
        }
        Map<String, Price> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = source + ": /models/" + e.getKey();
            JsonNode p = e.getValue();
            if (!p.path("input").isNumber() || !p.path("output").isNumber() || p.get("input").asDouble() < 0
                    || p.get("output").asDouble() < 0 || !p.path("currency").isTextual()) {
                throw new IllegalArgumentException(at + " needs input and output (numbers >= 0, per million tokens) and a currency");
            }
            out.put(e.getKey(), new Price(p.get("input").asDouble(), p.get("output").asDouble(), p.get("currency").asText()));
        }
        return out;
    }
}
