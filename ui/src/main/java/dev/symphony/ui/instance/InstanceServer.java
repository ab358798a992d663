package dev.symphony.ui.instance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The running workbench's end of the handoff: a Unix domain socket in a folder only its user may enter,
 * one connection at a time, each allowed {@value #DEADLINE_MS} ms to send one request line. A valid
 * request goes to {@code onOpen} (on this server's thread); anything else gets {@code error: WHY}.
 */
public final class InstanceServer implements AutoCloseable {
    static final long DEADLINE_MS = 5000;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Consumer<List<Path>> onOpen;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "instance-socket-deadline");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;

    private InstanceServer(Path socket, ServerSocketChannel server, Consumer<List<Path>> onOpen) {
        this.socket = socket;
        this.server = server;
        this.onOpen = onOpen;
        this.acceptor = new Thread(this::serve, "instance-socket");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Listens on {@code socket} (its folder made private to the user). A socket file left by a workbench
     * that is gone is replaced; one that answers means another workbench serves: {@link IOException}.
     */
    public static InstanceServer start(Path socket, Consumer<List<Path>> onOpen) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder is under the user's profile
        }
        if (Files.exists(socket)) {
            if (InstanceClient.answers(socket)) {
                throw new IOException("another workbench already listens on " + socket);
            }
            Files.delete(socket); // left by a workbench that did not close
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        return new InstanceServer(socket, server, onOpen);
    }

    public Path socket() {
        return socket;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                java.util.concurrent.ScheduledFuture<?> deadline;
                try {
                    deadline = deadlines.schedule(() -> closeQuietly(client), DEADLINE_MS, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    return; // close() ran while this client connected: the workbench is going, the client sees the connection end
                }
                String reply = answer(client);
                deadline.cancel(false);
                if (client.isOpen()) {
                    client.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                // one client's broken connection; the next one is served
            }
        }
    }

    private String answer(SocketChannel client) {
        String line;
        try {
            line = readLine(client);
        } catch (IOException e) {
            return OpenRequest.ERROR + e.getMessage();
        }
        try {
            OpenRequest request = OpenRequest.decode(line);
            onOpen.accept(request.files());
            return OpenRequest.OK;
        } catch (IllegalArgumentException e) {
            return OpenRequest.ERROR + e.getMessage();
        }
    }

    /** One line of UTF-8, at most {@link OpenRequest#MAX_BYTES}. */
    private static String readLine(SocketChannel client) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            buffer.clear();
            int read = client.read(buffer);
            if (read < 0) {
                break; // a request without its newline still counts
            }
            for (int i = 0; i < read; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    return decode(line.toByteArray());
                }
                line.write(b);
                if (line.size() > OpenRequest.MAX_BYTES) {
                    throw new IOException("the request is longer than " + OpenRequest.MAX_BYTES + " bytes");
                }
            }
        }
        if (line.size() == 0) {
            throw new IOException("no request before the connection closed");
        }
        return decode(line.toByteArray());
    }

    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("the request is not UTF-8");
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a client that ran out of time
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        deadlines.shutdownNow();
        Files.deleteIfExists(socket);
    }
}
