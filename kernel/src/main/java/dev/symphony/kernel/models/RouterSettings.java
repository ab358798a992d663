package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The router's settings (core settings, category Models): the default model of each role
 * ({@code models.chat}, {@code models.inline}, {@code models.agent}, {@code models.embed}), the fallback chain
 * ({@code models.fallback}), the per-request timeout ({@code models.timeoutMs}) and the money budgets
 * ({@code models.budget.perRequest}, {@code models.budget.perDay}; 0 means none).
 */
public record RouterSettings(String roleModel, List<String> fallback, Duration timeout, double perRequest, double perDay) {
    public static final List<String> ROLES = List.of("chat", "inline", "agent", "embed");

    public static RouterSettings read(SymphonyPaths paths, String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; roles: " + String.join(", ", ROLES));
        }
        try (SettingsService settings = new SettingsService(SettingsSchema.core(), paths.userSettingsFile(), null)) {
            String model = settings.getString("models." + role);
            List<String> fallback = new ArrayList<>();
            JsonNode chain = settings.get("models.fallback");
            if (chain != null) {
                chain.forEach(n -> {
                    if (n.isTextual() && !n.asText().isBlank()) {
                        fallback.add(n.asText());
                    }
                });
            }
            return new RouterSettings(model == null || model.isBlank() ? null : model, List.copyOf(fallback),
                    Duration.ofMillis(settings.getInt("models.timeoutMs")),
                    settings.get("models.budget.perRequest").asDouble(), settings.get("models.budget.perDay").asDouble());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + paths.userSettingsFile() + ": " + e.getMessage(), e);
        }
    }

    /** A limit, or no limit for 0. */
    public static double limit(double setting) {
        return setting > 0 ? setting : Double.POSITIVE_INFINITY;
    }
}
