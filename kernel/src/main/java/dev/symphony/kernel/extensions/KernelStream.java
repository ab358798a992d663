package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.contract.CallFailedException;
import dev.symphony.ipc.api.StreamCall;

/** A capability's streamed output as JSON values; {@link #close()} before the end cancels it. */
public final class KernelStream implements AutoCloseable {
    private final StreamCall call;

    KernelStream(StreamCall call) {
        this.call = call;
    }

    /**
     * The next chunk, or null after the last. Throws {@code CallFailedException} on failure, and CANCELLED when
     * {@link #close()} (from another thread) stopped the stream before its end, so a stop never reads as the end.
     */
    public JsonNode next() {
        return BusFailures.onBus(() -> {
            byte[] chunk = call.next();
            if (chunk == null && call.cancelled()) {
                throw new CallFailedException(ErrorCode.CANCELLED, "the stream was stopped before its end");
            }
            return chunk == null ? null : PayloadCodec.decode(chunk);
        });
    }

    /** The next chunk's raw bytes (benchmarks), or null after the last. */
    public byte[] nextRaw() {
        return BusFailures.onBus(call::next);
    }

    /** {@code {chunks, tokens, cost}} once the stream ended, else null. */
    public JsonNode summary() {
        byte[] end = call.endPayload();
        return end == null ? null : BusFailures.onBus(() -> PayloadCodec.decode(end));
    }

    /**
     * {@link System#nanoTime()} stamps of the first chunk: {@code [the host sent it, the kernel read it, the caller
     * took it]} (zeros until then); see {@link KernelTrace} for the marks before.
     */
    public long[] firstChunkNanos() {
        return call.firstChunkNanos();
    }

    @Override
    public void close() {
        call.close();
    }
}
