package dev.symphony.ui.instance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The handing end: {@code symphony FILE…} asks a running workbench to open the files. */
public final class InstanceClient {
    private static final int MAX_REPLY = 4096;

    private InstanceClient() {
    }

    /**
     * Sends the files to the workbench listening on {@code socket}: its reply ({@code ok} or {@code error: …}),
     * or empty when none listens (no socket file, or a stale one nobody accepts on).
     */
    public static Optional<String> handOff(Path socket, List<Path> files) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        // encoded before connecting: the server gives a connection only so long to send its line
        byte[] request = (new OpenRequest(files).encode() + "\n").getBytes(StandardCharsets.UTF_8);
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException refused) {
            return Optional.empty();
        }
        try (channel) {
            channel.write(ByteBuffer.wrap(request));
            return Optional.of(readReply(channel));
        }
    }

    /** Whether a workbench accepts connections on {@code socket}. */
    static boolean answers(Path socket) {
        try (SocketChannel ignored = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ignored.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String readReply(SocketChannel channel) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
        while (reply.hasRemaining() && channel.read(reply) >= 0) {
            if (reply.position() > 0 && reply.get(reply.position() - 1) == '\n') {
                break;
            }
        }
        String text = new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? OpenRequest.ERROR + "the workbench closed the connection without a reply" : text;
    }
}
