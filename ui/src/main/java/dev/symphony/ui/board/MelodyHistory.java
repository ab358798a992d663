package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The private version history of one Melody file, in Symphony's data folder ({@code melody-history/KEY/}: one
 * {@code vNNNNNN.melody.json} per version, byte for byte, and {@code index.jsonl}, one line per version) — never
 * refs, commits or index changes in the user's own repository. A version is recorded when the file is opened with
 * text the history does not end with, when it is saved, and when an older version is restored (the text before the
 * restore first, if it is not the last version, so nothing is lost). Text equal to the last version adds nothing.
 * Not thread-safe: the board records from one thread at a time.
 */
final class MelodyHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One version: its number (from 1), when, why ("saved", "opened", "restored from version 3"), its size. */
    record Version(int number, Instant time, String note, String sha256, long bytes) {
    }

    private final Path dir;
    private final List<Version> versions = new ArrayList<>();

    private MelodyHistory(Path dir) {
        this.dir = dir;
    }

    /** The history of {@code melody} under {@code root} (empty when none was recorded). */
    static MelodyHistory open(Path root, Path melody) throws IOException {
        MelodyHistory h = new MelodyHistory(root.resolve(key(melody.toAbsolutePath().normalize())));
        Path index = h.dir.resolve("index.jsonl");
        if (Files.exists(index)) {
            int line = 0;
            for (String l : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                try {
                    JsonNode v = JSON.readTree(l);
                    h.versions.add(new Version(v.path("version").asInt(), Instant.parse(v.path("time").asText()),
                            v.path("note").asText(""), v.path("sha256").asText(), v.path("bytes").asLong()));
                } catch (IOException | RuntimeException e) {
                    throw new IOException(index + ":" + line + ": not a version line: " + e.getMessage(), e);
                }
            }
        }
        return h;
    }

    /** A folder name for a Melody file: its name and a hash of its absolute path (two files never share one). */
    static String key(Path absolute) {
        String name = absolute.getFileName() == null ? "melody" : absolute.getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return name + "-" + sha256(absolute.toString()).substring(0, 16);
    }

    Path dir() {
        return dir;
    }

    List<Version> versions() {
        return List.copyOf(versions);
    }

    /** The text of {@code number}, byte for byte as recorded. */
    String text(int number) throws IOException {
        if (number < 1 || number > versions.size()) {
            throw new IOException("there is no version " + number + " of this Melody (it has " + versions.size() + ")");
        }
        return Files.readString(file(number), StandardCharsets.UTF_8);
    }

    /** Records {@code text} as the next version, unless the history already ends with it; the last version either way. */
    Version record(String text, String note) throws IOException {
        String sha = sha256(text);
        if (!versions.isEmpty() && versions.get(versions.size() - 1).sha256().equals(sha)) {
            return versions.get(versions.size() - 1);
        }
        Version v = new Version(versions.size() + 1, Instant.now(), note, sha, text.getBytes(StandardCharsets.UTF_8).length);
        Files.createDirectories(dir);
        Files.writeString(file(v.number()), text, StandardCharsets.UTF_8);
        String line = JSON.createObjectNode().put("version", v.number()).put("time", v.time().toString())
                .put("note", note).put("sha256", sha).put("bytes", v.bytes()).toString() + "\n";
        Files.writeString(dir.resolve("index.jsonl"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        versions.add(v);
        return v;
    }

    /**
     * Restores {@code number} as a new version: {@code current} (the text shown now) is recorded first unless the
     * history ends with it, then the old text as "restored from version N". Returns the restored text.
     */
    String restore(int number, String current) throws IOException {
        String old = text(number);
        record(current, "before restoring version " + number);
        record(old, "restored from version " + number);
        return old;
    }

    private Path file(int number) {
        return dir.resolve(String.format("v%06d.melody.json", number));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
