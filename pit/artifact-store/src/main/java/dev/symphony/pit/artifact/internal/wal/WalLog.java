package dev.symphony.pit.artifact.internal.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.agrona.CloseHelper;
import org.agrona.collections.Int2ObjectHashMap;

import dev.symphony.pit.artifact.api.ArtifactStoreException;
import dev.symphony.pit.artifact.api.RecoveryReport;
import dev.symphony.pit.artifact.internal.codec.FileSync;

/**
 * Segmented append-only log. {@link #append} writes a sealed frame with one {@code write} (it survives a
 * process kill from then on: the page cache belongs to the OS); {@link #sync} makes everything appended so
 * far survive power loss. Segments roll at {@code segmentBytes}; a segment is fsynced before its successor is
 * created, so only the newest segment can have a torn tail. Single-threaded.
 */
public final class WalLog implements AutoCloseable {
    private static final String SUFFIX = ".wal";

    private final Path dir;
    private final long segmentBytes;
    private final Int2ObjectHashMap<FileChannel> readers = new Int2ObjectHashMap<>();
    private FileChannel active;
    private int activeSegment;
    private long activePosition;
    private boolean dirty;
    private RecoveryReport report;

    private WalLog(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** Opens the log in {@code dir}: replays every valid frame into {@code handler}, repairs torn tails. */
    public static WalLog open(Path dir, long segmentBytes, FrameHandler handler) {
        WalLog log = new WalLog(dir, segmentBytes);
        try {
            Files.createDirectories(dir);
            log.recover(handler);
        } catch (IOException e) {
            log.close();
            throw new ArtifactStoreException("cannot open the artifact log in " + dir + ": " + e.getMessage(), e);
        }
        return log;
    }

    private void recover(FrameHandler handler) throws IOException {
        deleteLeftoverTemporaries();
        List<Integer> segments = segments(dir);
        long records = 0;
        long dropped = 0;
        List<Path> quarantined = new ArrayList<>();
        for (int segment : segments) {
            Path file = segmentFile(segment);
            byte[] bytes = Files.readAllBytes(file);
            int position = 0;
            int length;
            while ((length = WalDescriptor.validFrameLength(bytes, position, bytes.length)) > 0) {
                handler.onFrame(segment, position, bytes, position, length);
                position += length;
                records++;
            }
            if (position < bytes.length) {
                quarantined.add(quarantine(segment, bytes, position));
                dropped += bytes.length - position;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(position);
                    channel.force(true);
                }
            }
        }
        activeSegment = segments.isEmpty() ? 1 : segments.get(segments.size() - 1);
        openActive(!segments.isEmpty());
        report = new RecoveryReport(segments.size(), records, dropped, quarantined);
    }

    private Path quarantine(int segment, byte[] bytes, int from) throws IOException {
        Path qdir = dir.resolve("quarantine");
        Files.createDirectories(qdir);
        Path target = qdir.resolve(String.format("%010d-%d.torn", segment, from));
        Files.write(target, java.util.Arrays.copyOfRange(bytes, from, bytes.length));
        return target;
    }

    private void deleteLeftoverTemporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(".tmp")) {
                    Files.delete(p); // an interrupted compaction: the original segment is still in place
                }
            }
        }
    }

    private void openActive(boolean existing) throws IOException {
        Path file = segmentFile(activeSegment);
        active = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        activePosition = active.size();
        if (!existing) {
            FileSync.directory(dir);
        }
    }

    /** Appends a frame sealed with {@link WalDescriptor#seal}; returns its file offset in {@link #activeSegment()}. */
    public long append(byte[] frame, int length) {
        try {
            if (activePosition > 0 && activePosition + length > segmentBytes) {
                roll();
            }
            long offset = activePosition;
            ByteBuffer buffer = ByteBuffer.wrap(frame, 0, length);
            while (buffer.hasRemaining()) {
                active.write(buffer, activePosition + buffer.position());
            }
            activePosition += length;
            dirty = true;
            return offset;
        } catch (IOException e) {
            throw new ArtifactStoreException("appending to the artifact log " + segmentFile(activeSegment) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void roll() throws IOException {
        active.force(true);
        readers.put(activeSegment, active);
        activeSegment++;
        openActive(false);
        dirty = false;
    }

    /** Fsync (data only; file length changes are covered by fdatasync on Linux). */
    public void sync() {
        if (!dirty) {
            return;
        }
        try {
            active.force(false);
            dirty = false;
        } catch (IOException e) {
            throw new ArtifactStoreException("fsync of the artifact log " + segmentFile(activeSegment) + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Reads {@code length} bytes at {@code offset} of a segment into {@code dst[0..length)}. */
    public void read(int segment, long offset, byte[] dst, int length) {
        try {
            FileChannel channel = channel(segment);
            ByteBuffer buffer = ByteBuffer.wrap(dst, 0, length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new ArtifactStoreException("artifact log " + segmentFile(segment) + " ends before offset "
                            + (offset + length) + " (was it truncated by another program?)");
                }
            }
        } catch (IOException e) {
            throw new ArtifactStoreException("reading the artifact log " + segmentFile(segment) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private FileChannel channel(int segment) throws IOException {
        if (segment == activeSegment) {
            return active;
        }
        FileChannel channel = readers.get(segment);
        if (channel == null) {
            channel = FileChannel.open(segmentFile(segment), StandardOpenOption.READ);
            readers.put(segment, channel);
        }
        return channel;
    }

    /** Visits every frame of every segment, in log order (used for audit queries and compaction). */
    public void scan(FrameHandler handler) {
        try {
            for (int segment : segments(dir)) {
                scanSegment(segment, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void scanSegment(int segment, FrameHandler handler) throws IOException {
        byte[] bytes = Files.readAllBytes(segmentFile(segment));
        int position = 0;
        int length;
        while ((length = WalDescriptor.validFrameLength(bytes, position, bytes.length)) > 0) {
            handler.onFrame(segment, position, bytes, position, length);
            position += length;
        }
    }

    /**
     * Atomically replaces a sealed segment with {@code bytes} (tmp file, fsync, rename, fsync dir). A crash
     * before the rename leaves the old segment and a {@code .tmp} that the next open deletes.
     */
    public void replaceSealed(int segment, byte[] bytes, int length) throws IOException {
        if (segment == activeSegment) {
            throw new IllegalArgumentException("the active segment cannot be replaced");
        }
        Path tmp = dir.resolve(String.format("%010d%s.tmp", segment, SUFFIX));
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        CloseHelper.quietClose(readers.remove(segment));
        Files.move(tmp, segmentFile(segment), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FileSync.directory(dir);
    }

    public int activeSegment() {
        return activeSegment;
    }

    public long segmentSize(int segment) throws IOException {
        return segment == activeSegment ? activePosition : Files.size(segmentFile(segment));
    }

    public List<Integer> sealedSegments() throws IOException {
        List<Integer> all = segments(dir);
        all.remove(Integer.valueOf(activeSegment));
        return all;
    }

    public RecoveryReport recoveryReport() {
        return report;
    }

    public Path segmentFile(int segment) {
        return dir.resolve(String.format("%010d%s", segment, SUFFIX));
    }

    private static List<Integer> segments(Path dir) throws IOException {
        List<Integer> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX) && n.length() == 10 + SUFFIX.length())
                    .forEach(n -> segments.add(Integer.parseInt(n.substring(0, 10))));
        }
        segments.sort(null);
        return segments;
    }

    @Override
    public void close() {
        if (active != null) {
            try {
                if (dirty) {
                    active.force(false);
                }
            } catch (IOException ignored) {
                // closing after a failure: the next open replays and repairs
            }
            CloseHelper.quietClose(active);
            active = null;
        }
        readers.values().forEach(CloseHelper::quietClose);
        readers.clear();
    }
}
