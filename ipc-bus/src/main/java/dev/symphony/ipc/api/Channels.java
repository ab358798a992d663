package dev.symphony.ipc.api;

import dev.symphony.ipc.internal.Doorbell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Setting up a channel folder: the kernel {@link #listen}s (creates the folder, the doorbell flags
 * and socket), starts the host with the folder's path, then {@link Listener#accept}s; the host
 * {@link #connect}s. Queues are opened by both endpoints themselves.
 */
public final class Channels {
    static final String DOORBELL_SOCKET = "doorbell.sock";
    static final String DOORBELL_FLAGS = "doorbell.flags";

    private Channels() {
    }

    /** Kernel side: prepares {@code dir} for one host. */
    public static Listener listen(Path dir) {
        try {
            Files.createDirectories(dir);
            Doorbell.createFlagsFile(dir.resolve(DOORBELL_FLAGS));
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(dir.resolve(DOORBELL_SOCKET)));
            server.configureBlocking(false);
            return new Listener(dir, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bus channel in " + dir, e);
        }
    }

    /** Host side: connects to the channel the kernel prepared. */
    public static Endpoint connect(EndpointContext context) {
        context.conclude();
        try {
            SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(context.channelDir().resolve(DOORBELL_SOCKET)));
            Doorbell doorbell = Doorbell.open(context.channelDir().resolve(DOORBELL_FLAGS), socket,
                    context.kernelSide() ? Doorbell.KERNEL_SIDE : Doorbell.HOST_SIDE);
            return new Endpoint(context, doorbell);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to bus channel " + context.channelDir(), e);
        }
    }

    /** A prepared channel waiting for its host. */
    public static final class Listener implements AutoCloseable {
        private final Path dir;
        private final ServerSocketChannel server;

        Listener(Path dir, ServerSocketChannel server) {
            this.dir = dir;
            this.server = server;
        }

        public Path dir() {
            return dir;
        }

        /** Waits for the host to connect while {@code peerAlive} holds; throws on timeout or death. */
        public Endpoint accept(EndpointContext context, Duration timeout, BooleanSupplier peerAlive) {
            context.channelDir(dir).kernelSide(true).conclude();
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                SocketChannel socket;
                while ((socket = server.accept()) == null) {
                    if (!peerAlive.getAsBoolean()) {
                        throw new BusException(BusStatus.PEER_EXITED, "the peer of channel " + context.peerName()
                                + " exited before connecting");
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new BusException(BusStatus.TIMEOUT, "the peer of channel " + context.peerName()
                                + " did not connect within " + timeout.toMillis() + " ms");
                    }
                    Thread.sleep(1);
                }
                return new Endpoint(context, Doorbell.open(dir.resolve(DOORBELL_FLAGS), socket, Doorbell.KERNEL_SIDE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusException(BusStatus.CANCELLED, "interrupted while waiting for the host");
            }
        }

        /** Closes the listening socket (the accepted connection stays open). */
        @Override
        public void close() {
            try {
                server.close();
                Files.deleteIfExists(dir.resolve(DOORBELL_SOCKET));
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
