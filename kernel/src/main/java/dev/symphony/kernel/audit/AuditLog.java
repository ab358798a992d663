package dev.symphony.kernel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The kernel's append-only, hash-chained audit log ({@link AuditEntries} is the stored form). Only
 * the kernel writes it: {@link #record} is a kernel decision; what a host tells the kernel goes
 * through {@link #reported}, stored with decision {@code reported} and {@code reportedBy}, so it can
 * never read as a kernel decision. Entries are buffered and chained at flush time under a lock that
 * other processes (the IDE beside a CLI command) respect, written, fsynced, and only then is the head
 * ({@link AuditHead}) moved: in batches — when a second has passed ({@link #flushIfDue()} on the
 * supervisor's tick), when 16,384 entries wait, at once for every denial, and on close.
 * Files: {@code <data>/audit/chain-YYYY-MM-DD.jsonl} (UTC day of the batch; the chain runs on across
 * days), mode 0600. {@code symphony audit verify} checks it ({@link AuditVerifier}).
 */
public final class AuditLog implements AutoCloseable {
    static final String PREFIX = "chain-";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** A backstop: normally the supervisor's tick writes each second's batch, off the callers' threads. */
    private static final int BATCH = 16_384;
    private static final int MAX_REPORTED_CHARS = 1024;
    /** Two logs on one folder in one JVM must not both take the file lock (it is per process). */
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private final Path dir;
    private final LongSupplier epochMillis;
    private final MessageDigest sha256 = AuditEntries.sha256();
    private final Object writeLock = new Object();
    private List<AuditEntries.Pending> pending = new ArrayList<>();
    private long lastFlush;
    private long cachedSecond = -1;
    private String cachedSecondText;

    public AuditLog(Path dir, LongSupplier epochMillis) {
        this.dir = dir.toAbsolutePath().normalize();
        this.epochMillis = epochMillis;
    }

    public AuditLog(Path dir) {
        this(dir, System::currentTimeMillis);
    }

    /** Records one decision of the kernel. {@code detail} may be null. */
    public void record(String who, String what, String resource, boolean allowed, String detail) {
        boolean full;
        synchronized (this) {
            full = add(new AuditEntries.Pending(when(epochMillis.getAsLong()), who, what, resource, allowed ? "allowed" : "denied", detail, null));
        }
        if (full || !allowed) {
            flush(); // never while holding the monitor: flush takes writeLock, then the monitor
        }
    }

    /**
     * Records what extension {@code extensionId} reported about itself (an event it announced, a request its
     * SDK client refused): {@code what} becomes {@code reported.KIND}, the decision {@code reported}; texts are cut
     * to 1,024 characters. The kernel vouches only that this host sent it.
     */
    public void reported(String extensionId, String kind, String text, boolean urgent) {
        boolean full;
        synchronized (this) {
            full = add(new AuditEntries.Pending(when(epochMillis.getAsLong()), extensionId, "reported." + cut(kind, 64),
                    cut(text, MAX_REPORTED_CHARS), "reported", "reported by extension " + extensionId + "; not a kernel decision", extensionId));
        }
        if (full || urgent) {
            flush();
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** Under the monitor; true when the backstop batch size is reached. */
    private boolean add(AuditEntries.Pending entry) {
        pending.add(entry);
        return pending.size() >= BATCH;
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

    /** Writes a batch if entries have waited a second; the supervisor calls this on its tick. */
    public void flushIfDue() {
        synchronized (this) {
            if (pending.isEmpty() || epochMillis.getAsLong() - lastFlush < 1000) {
                return;
            }
        }
        flush();
    }

    /**
     * Chains, writes and fsyncs every waiting entry, then moves the head. Callers that only record wait for
     * the monitor just long enough to hand the batch over; the disk work runs under {@code writeLock}, which
     * also keeps batches in the order they were taken.
     */
    public void flush() {
        synchronized (writeLock) {
            List<AuditEntries.Pending> batch;
            synchronized (this) {
                lastFlush = epochMillis.getAsLong();
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            try {
                Files.createDirectories(dir);
                synchronized (JVM_LOCKS.computeIfAbsent(dir, d -> new Object())) {
                    try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                         FileLock ignored = lockFile.lock()) {
                        writeBatch(batch);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit log in " + dir + " (" + batch.size() + " entries lost)", e);
            }
        }
    }

    private void writeBatch(List<AuditEntries.Pending> batch) throws IOException {
        Path file = newestFile().orElse(null);
        String today = PREFIX + DAY.format(Instant.ofEpochMilli(lastFlush)) + ".jsonl";
        AuditHead tip = file == null ? new AuditHead(0, AuditEntries.GENESIS) : AuditVerifier.tip(file, dir);
        if (file == null || file.getFileName().toString().compareTo(today) < 0) {
            file = dir.resolve(today);
        }
        ByteBuffer bytes = ByteBuffer.allocate(batch.size() * 512);
        long seq = tip.seq();
        String prev = tip.hash();
        for (AuditEntries.Pending e : batch) {
            byte[] line = AuditEntries.line(e, ++seq, prev, sha256);
            prev = new String(line, line.length - 1 - 66, 64, StandardCharsets.US_ASCII);
            if (bytes.remaining() < line.length) {
                ByteBuffer bigger = ByteBuffer.allocate(bytes.capacity() * 2 + line.length);
                bigger.put(bytes.flip());
                bytes = bigger;
            }
            bytes.put(line);
        }
        bytes.flip();
        if (!Files.exists(file)) {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
        new AuditHead(seq, prev).write(dir);
    }

    private java.util.Optional<Path> newestFile() throws IOException {
        return AuditVerifier.chainFiles(dir).stream().reduce((a, b) -> b);
    }

    @Override
    public void close() {
        flush();
    }

    /** Every entry of every file in {@code dir}, oldest first (for tests, tooling and support). */
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
