package dev.symphony.ipc.internal;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wakes a peer that has backed off to sleeping, so an idle channel costs no CPU and the first
 * message after a long idle still arrives within microseconds.
 * <p>
 * Two pieces, shared by both processes of a channel: a tiny memory-mapped file with one "sleeping"
 * flag per side (on separate cache lines), and a Unix-domain socket connection. A side that wants to
 * sleep sets its flag, checks its queue once more, then blocks in a selector on the socket. A sender
 * appends to the queue, fences, and if the peer's flag is set, clears it (CAS, so only one sender
 * rings) and writes one byte to the socket. The fence on both sides (volatile store / full fence
 * before the flag load) makes the usual Dekker argument hold: either the sleeper sees the message
 * on its re-check, or the sender sees the flag and rings. The socket also reports the peer's death
 * at once (end of stream).
 */
public final class Doorbell implements AutoCloseable {
    public static final int KERNEL_SIDE = 0;
    public static final int HOST_SIDE = 1;
    private static final int FLAG_STRIDE = 64;
    private static final int FLAGS_FILE_LENGTH = 2 * FLAG_STRIDE;

    @SuppressWarnings("unused") // keeps the mapping reachable as long as the doorbell
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer flags;
    private final SocketChannel socket;
    private final int side;
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);
    private final ByteBuffer drain = ByteBuffer.allocateDirect(64);
    private volatile long rings;

    private Doorbell(MappedByteBuffer mapped, SocketChannel socket, int side) throws IOException {
        this.mapped = mapped;
        this.flags = new UnsafeBuffer(mapped);
        this.socket = socket;
        this.side = side;
        socket.configureBlocking(false);
    }

    /** Creates (kernel side) the flags file of a channel. */
    public static void createFlagsFile(Path file) throws IOException {
        Files.write(file, new byte[FLAGS_FILE_LENGTH]);
    }

    public static Doorbell open(Path flagsFile, SocketChannel connected, int side) throws IOException {
        return new Doorbell(IoUtil.mapExistingFile(flagsFile.toFile(), "doorbell"), connected, side);
    }

    public SocketChannel channel() {
        return socket;
    }

    /** Before sleeping: tells the peer to ring. A volatile store, so later queue reads are not hoisted above it. */
    public void announceSleeping() {
        flags.putIntVolatile(side * FLAG_STRIDE, 1);
    }

    public void clearSleeping() {
        flags.putIntRelease(side * FLAG_STRIDE, 0);
    }

    /** After appending to the peer's queue: wakes the peer if it sleeps. */
    public void ringIfSleeping() {
        VarHandle.fullFence();
        int peer = (1 - side) * FLAG_STRIDE;
        if (flags.getIntVolatile(peer) == 1 && flags.compareAndSetInt(peer, 1, 0)) {
            rings++;
            synchronized (one) {
                one.clear();
                try {
                    socket.write(one);
                } catch (IOException peerGone) {
                    // the peer's death is noticed by its own reader (end of stream) and the supervisor
                }
            }
        }
    }

    /** Reads away pending rings; returns false when the peer closed the connection (it died or exited). */
    public boolean drain() {
        try {
            int n;
            do {
                drain.clear();
                n = socket.read(drain);
            } while (n > 0);
            return n >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** How often this side has rung the peer (a measure of how often the peer slept). */
    public long rings() {
        return rings;
    }

    /**
     * Closes the socket. The 128-byte mapping is left to the garbage collector: unmapping it while a
     * pump thread might still touch the flags would crash the JVM, and it costs nothing to keep.
     */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
