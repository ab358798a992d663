package dev.symphony.samples.localgguf.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF file (version 3, little-endian), the format llama.cpp loads: a header, typed metadata, tensor
 * descriptions, then the tensors' data, each aligned to {@link #ALIGNMENT} bytes. Only what the demo model needs:
 * F32 tensors and the metadata value types below. Layout (ggml's {@code gguf.cpp}):
 *
 * <pre>
 * "GGUF" | u32 version=3 | u64 tensorCount | u64 kvCount
 * kv*:     string key | u32 type | value          (string = u64 byteLength + UTF-8; array = u32 type + u64 n + items)
 * tensor*: string name | u32 nDims | u64 ne[nDims] | u32 ggmlType | u64 offset (from the data start)
 * padding to ALIGNMENT | data (each tensor padded to ALIGNMENT)
 * </pre>
 *
 * {@code ne[0]} is the innermost (contiguous) dimension: a weight applied as {@code y = W x} with {@code x} of size
 * {@code in} and {@code y} of size {@code out} has {@code ne = [in, out]} and is stored row by row of {@code out}.
 */
public final class GgufWriter {
    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
    static final int VERSION = 3;
    static final int ALIGNMENT = 32;
    static final int TYPE_UINT32 = 4;
    static final int TYPE_INT32 = 5;
    static final int TYPE_FLOAT32 = 6;
    static final int TYPE_BOOL = 7;
    static final int TYPE_STRING = 8;
    static final int TYPE_ARRAY = 9;
    static final int GGML_TYPE_F32 = 0;

    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    /** One F32 tensor; {@code data.length} must be the product of {@code ne}. */
    record Tensor(String name, long[] ne, float[] data) {
        Tensor {
            long n = 1;
            for (long d : ne) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("tensor " + name + ": shape holds " + n + " values, data has " + data.length);
            }
        }
    }

    public GgufWriter string(String key, String value) {
        return put(key, value);
    }

    public GgufWriter uint32(String key, int value) {
        return put(key, new U32(value));
    }

    public GgufWriter float32(String key, float value) {
        return put(key, value);
    }

    public GgufWriter bool(String key, boolean value) {
        return put(key, value);
    }

    public GgufWriter strings(String key, List<String> values) {
        return put(key, new StringArray(values));
    }

    public GgufWriter floats(String key, float[] values) {
        return put(key, values);
    }

    public GgufWriter ints(String key, int[] values) {
        return put(key, values);
    }

    public GgufWriter tensor(String name, long[] ne, float[] data) {
        tensors.add(new Tensor(name, ne.clone(), data));
        return this;
    }

    private GgufWriter put(String key, Object value) {
        if (metadata.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("metadata key written twice: " + key);
        }
        return this;
    }

    private record U32(int value) {
    }

    private record StringArray(List<String> values) {
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            Sink sink = new Sink(out);
            sink.u32(MAGIC).u32(VERSION).u64(tensors.size()).u64(metadata.size());
            for (Map.Entry<String, Object> kv : metadata.entrySet()) {
                sink.string(kv.getKey());
                value(sink, kv.getValue());
            }
            long offset = 0;
            for (Tensor t : tensors) {
                sink.string(t.name()).u32(t.ne().length);
                for (long d : t.ne()) {
                    sink.u64(d);
                }
                sink.u32(GGML_TYPE_F32).u64(offset);
                offset = align(offset + 4L * t.data().length);
            }
            sink.pad();
            for (Tensor t : tensors) {
                ByteBuffer buffer = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asFloatBuffer().put(t.data());
                sink.bytes(buffer.array());
                sink.pad();
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void value(Sink sink, Object value) throws IOException {
        if (value instanceof String s) {
            sink.u32(TYPE_STRING).string(s);
        } else if (value instanceof U32 u) {
            sink.u32(TYPE_UINT32).u32(u.value());
        } else if (value instanceof Float f) {
            sink.u32(TYPE_FLOAT32).f32(f);
        } else if (value instanceof Boolean b) {
            sink.u32(TYPE_BOOL).u8(b ? 1 : 0);
        } else if (value instanceof StringArray a) {
            sink.u32(TYPE_ARRAY).u32(TYPE_STRING).u64(a.values().size());
            for (String s : a.values()) {
                sink.string(s);
            }
        } else if (value instanceof float[] a) {
            sink.u32(TYPE_ARRAY).u32(TYPE_FLOAT32).u64(a.length);
            for (float f : a) {
                sink.f32(f);
            }
        } else if (value instanceof int[] a) {
            sink.u32(TYPE_ARRAY).u32(TYPE_INT32).u64(a.length);
            for (int i : a) {
                sink.u32(i);
            }
        } else {
            throw new IllegalStateException("no GGUF type for " + value.getClass());
        }
    }

    static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Little-endian primitives, counting bytes so padding can be computed. */
    private static final class Sink {
        private final OutputStream out;
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        Sink(OutputStream out) {
            this.out = out;
        }

        Sink u8(int v) throws IOException {
            out.write(v);
            written++;
            return this;
        }

        Sink u32(int v) throws IOException {
            scratch.clear();
            return bytes(scratch.putInt(v).array(), 4);
        }

        Sink u64(long v) throws IOException {
            scratch.clear();
            return bytes(scratch.putLong(v).array(), 8);
        }

        Sink f32(float v) throws IOException {
            scratch.clear();
            return bytes(scratch.putFloat(v).array(), 4);
        }

        Sink string(String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            return bytes(utf8);
        }

        Sink bytes(byte[] b) throws IOException {
            return bytes(b, b.length);
        }

        Sink bytes(byte[] b, int n) throws IOException {
            out.write(b, 0, n);
            written += n;
            return this;
        }

        void pad() throws IOException {
            while (written % ALIGNMENT != 0) {
                u8(0);
            }
        }
    }
}
