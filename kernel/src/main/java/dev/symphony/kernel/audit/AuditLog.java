package dev.symphony.kernel.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Appends audit entries as JSON lines. Thread-safe. Entries are buffered and flushed when the buffer
 * fills, when a second has passed since the last flush, on {@link #flush()}/{@link #close()}, and at
 * once for every denial (a denial must survive a crash that follows it).
 */
public final class AuditLog implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    private final Path dir;
    private final LongSupplier epochMillis;
    private BufferedWriter writer;
    private JsonGenerator generator;
    private String day;
    private long lastFlush;
    private long cachedSecond = -1;
    private String cachedSecondText;

    public AuditLog(Path dir, LongSupplier epochMillis) {
        this.dir = dir;
        this.epochMillis = epochMillis;
    }

    public AuditLog(Path dir) {
        this(dir, System::currentTimeMillis);
    }

    /** Records one decision. {@code detail} may be null. */
    public synchronized void record(String who, String what, String resource, boolean allowed, String detail) {
        long now = epochMillis.getAsLong();
        try {
            writerFor(now);
            JsonGenerator g = generator;
            g.writeStartObject();
            g.writeStringField("when", when(now));
            g.writeStringField("who", who);
            g.writeStringField("what", what);
            g.writeStringField("resource", resource);
            g.writeStringField("decision", allowed ? "allowed" : "denied");
            if (detail != null) {
                g.writeStringField("detail", detail);
            }
            g.writeEndObject();
            g.writeRaw('\n');
            if (!allowed || now - lastFlush >= 1000) {
                g.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log in " + dir, e);
        }
    }

    /** ISO-8601 UTC with milliseconds; the seconds part is formatted once per second (this is on every call's path). */
    private String when(long now) {
        long second = Math.floorDiv(now, 1000);
        if (second != cachedSecond) {
            cachedSecond = second;
            String iso = Instant.ofEpochSecond(second).toString(); // 2026-11-21T20:52:00Z
            cachedSecondText = iso.substring(0, iso.length() - 1);
        }
        int millis = (int) Math.floorMod(now, 1000);
        return cachedSecondText + '.' + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis + 'Z';
    }

    private BufferedWriter writerFor(long now) throws IOException {
        String today = DAY.format(Instant.ofEpochMilli(now));
        if (writer == null || !today.equals(day)) {
            if (writer != null) {
                generator.close();
                writer.close();
            }
            Files.createDirectories(dir);
            writer = Files.newBufferedWriter(dir.resolve("audit-" + today + ".jsonl"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            generator = JSON.createGenerator(writer);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("")); // each entry ends its own line
            day = today;
        }
        return writer;
    }

    /** Flushes if entries have waited a second; the supervisor calls this on its tick. */
    public synchronized void flushIfDue() {
        long now = epochMillis.getAsLong();
        if (writer != null && now - lastFlush >= 1000) {
            flush();
            lastFlush = now;
        }
    }

    public synchronized void flush() {
        if (writer != null) {
            try {
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                generator.close();
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                writer = null;
            }
        }
    }

    /** Every entry of every day in {@code dir}, oldest first (for tests, `ext` tooling and support). */
    public static List<JsonNode> readAll(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        ObjectMapper mapper = new ObjectMapper();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(mapper.readTree(line));
                    }
                }
            }
        }
        return out;
    }
}
