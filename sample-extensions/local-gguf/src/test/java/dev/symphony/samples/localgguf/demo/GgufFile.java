package dev.symphony.samples.localgguf.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a GGUF file back, independently of {@link GgufWriter}'s code: the layout as ggml's gguf.cpp documents it. */
final class GgufFile {
    final int version;
    final Map<String, Object> metadata = new LinkedHashMap<>();
    final Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    private final ByteBuffer buffer;
    private final long dataStart;

    record TensorInfo(String name, long[] ne, int type, long offset) {
    }

    GgufFile(Path file) throws IOException {
        buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        buffer.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("GGUF")) {
            throw new IOException("not GGUF: magic " + new String(magic, StandardCharsets.ISO_8859_1));
        }
        version = buffer.getInt();
        long tensorCount = buffer.getLong();
        long kvCount = buffer.getLong();
        for (long i = 0; i < kvCount; i++) {
            String key = string();
            metadata.put(key, value(buffer.getInt()));
        }
        for (long i = 0; i < tensorCount; i++) {
            String name = string();
            long[] ne = new long[buffer.getInt()];
            for (int d = 0; d < ne.length; d++) {
                ne[d] = buffer.getLong();
            }
            tensors.put(name, new TensorInfo(name, ne, buffer.getInt(), buffer.getLong()));
        }
        dataStart = (buffer.position() + 31) / 32 * 32;
    }

    float[] floats(String tensor) {
        TensorInfo info = tensors.get(tensor);
        long n = 1;
        for (long d : info.ne()) {
            n *= d;
        }
        float[] out = new float[(int) n];
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) (dataStart + info.offset())).asFloatBuffer().get(out);
        return out;
    }

    long size() {
        return buffer.capacity();
    }

    long dataStart() {
        return dataStart;
    }

    private String string() {
        byte[] b = new byte[(int) buffer.getLong()];
        buffer.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private Object value(int type) {
        switch (type) {
            case 4:
                return Integer.toUnsignedLong(buffer.getInt());
            case 5:
                return buffer.getInt();
            case 6:
                return buffer.getFloat();
            case 7:
                return buffer.get() != 0;
            case 8:
                return string();
            case 9:
                int itemType = buffer.getInt();
                long n = buffer.getLong();
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    items.add(value(itemType));
                }
                return items;
            default:
                throw new IllegalStateException("unexpected GGUF value type " + type + " at byte " + buffer.position());
        }
    }
}
