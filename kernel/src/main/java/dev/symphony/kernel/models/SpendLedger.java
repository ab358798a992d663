package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What model requests cost today (UTC), kept in {@code <data>/models/spend.json} so the per-day budget holds
 * across processes: {@code {"day":"2026-12-06","spent":0.0123}}. A new day starts at 0.
 */
public final class SpendLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public SpendLedger(SymphonyPaths paths) {
        this.file = paths.dataDir().resolve("models").resolve("spend.json");
    }

    public double spentToday() {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return today().equals(n.path("day").asText()) ? n.path("spent").asDouble() : 0;
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a spend ledger (" + e.getMessage() + "); remove it to start today at 0", e);
        }
    }

    /** Records today's total (the per-day {@link Budget}'s spent). */
    public void record(double spentToday) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("spend.json.tmp");
            JSON.writeValue(tmp.toFile(), JSON.createObjectNode().put("day", today()).put("spent", spentToday));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
