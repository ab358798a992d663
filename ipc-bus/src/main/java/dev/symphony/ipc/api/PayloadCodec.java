package dev.symphony.ipc.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;

import java.io.IOException;

/**
 * How JSON values cross the bus: Smile, Jackson's binary JSON (chosen over plain JSON text by the
 * {@code PayloadCodecBenchmark}; figures in the README). Thread-safe.
 */
public final class PayloadCodec {
    private static final ObjectMapper SMILE = new ObjectMapper(new SmileFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadCodec() {
    }

    public static byte[] encode(Object value) {
        try {
            return SMILE.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode bus payload: " + e.getMessage(), e);
        }
    }

    public static JsonNode decode(byte[] payload) {
        try {
            return payload.length == 0 ? JSON.nullNode() : SMILE.readTree(payload);
        } catch (IOException e) {
            throw new BusException(BusStatus.MALFORMED, "malformed bus payload: " + e.getMessage(), e);
        }
    }

    public static <T> T decode(byte[] payload, Class<T> type) {
        try {
            return SMILE.readValue(payload, type);
        } catch (IOException e) {
            throw new BusException(BusStatus.MALFORMED, "malformed " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A plain JSON mapper for the edges (CLI arguments, printed results). */
    public static ObjectMapper json() {
        return JSON;
    }
}
