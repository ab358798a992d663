package dev.symphony.ipc.api;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Configuration of one {@link Endpoint}: fluent setters, {@link #conclude()} fills defaults and validates. */
public final class EndpointContext {
    static {
        ChronicleRuntime.configure(); // before Chronicle Core initialises
    }

    private Path channelDir;
    private boolean kernelSide;
    private String peerName;
    private InboundHandler handler;
    private RollCycle rollCycle;
    private long blockSize;
    private int maxInFlight;
    private int streamWindow;
    private Duration heartbeatInterval;

    public EndpointContext channelDir(Path dir) {
        this.channelDir = dir;
        return this;
    }

    public EndpointContext kernelSide(boolean kernelSide) {
        this.kernelSide = kernelSide;
        return this;
    }

    /** The name of the peer this channel connects to (stamped into every header as its hash). */
    public EndpointContext peerName(String name) {
        this.peerName = name;
        return this;
    }

    public EndpointContext handler(InboundHandler handler) {
        this.handler = handler;
        return this;
    }

    /** How often queue files roll (retention deletes rolled files); every five minutes unless a test wants otherwise. */
    public EndpointContext rollCycle(RollCycle rollCycle) {
        this.rollCycle = rollCycle;
        return this;
    }

    public EndpointContext blockSize(long bytes) {
        this.blockSize = bytes;
        return this;
    }

    /** Back-pressure: at most this many outbound requests/streams awaiting an answer. */
    public EndpointContext maxInFlight(int max) {
        this.maxInFlight = max;
        return this;
    }

    /** Stream flow control: chunks a sender may have unacknowledged. */
    public EndpointContext streamWindow(int chunks) {
        this.streamWindow = chunks;
        return this;
    }

    public EndpointContext heartbeatInterval(Duration interval) {
        this.heartbeatInterval = interval;
        return this;
    }

    public EndpointContext conclude() {
        Objects.requireNonNull(channelDir, "channelDir");
        Objects.requireNonNull(peerName, "peerName");
        Objects.requireNonNull(handler, "handler");
        if (rollCycle == null) {
            // Short cycles: the reader deletes a cycle's file once past it, and until then its pages stay in RAM
            // (/dev/shm), charged to the writer's memory limit — an hourly cycle kept a busy host's last hour there.
            rollCycle = RollCycles.FIVE_MINUTELY;
        }
        if (blockSize == 0) {
            blockSize = 64L << 20;
        }
        if (maxInFlight == 0) {
            maxInFlight = 1024;
        }
        if (streamWindow == 0) {
            streamWindow = 64;
        }
        if (heartbeatInterval == null) {
            heartbeatInterval = Duration.ofMillis(200);
        }
        if (maxInFlight < 1 || streamWindow < 2 || blockSize < 4L * MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("maxInFlight >= 1, streamWindow >= 2 and blockSize >= 4 x max payload");
        }
        return this;
    }

    public Path channelDir() {
        return channelDir;
    }

    public boolean kernelSide() {
        return kernelSide;
    }

    public String peerName() {
        return peerName;
    }

    public InboundHandler handler() {
        return handler;
    }

    public RollCycle rollCycle() {
        return rollCycle;
    }

    public long blockSize() {
        return blockSize;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public int streamWindow() {
        return streamWindow;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }
}
