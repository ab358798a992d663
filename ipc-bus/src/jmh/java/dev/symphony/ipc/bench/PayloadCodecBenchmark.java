package dev.symphony.ipc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Encode + decode of a typical bus payload (a capability call with a small JSON input, and a larger
 * document) as JSON text vs Smile. Run: see the ipc-bus README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PayloadCodecBenchmark {
    @Param({"small", "large"})
    public String shape;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper smile = new ObjectMapper(new SmileFactory());
    private JsonNode value;
    private byte[] jsonBytes;
    private byte[] smileBytes;

    @Setup
    public void setUp() throws IOException {
        StringBuilder doc = new StringBuilder("{\"capability\":\"upper-case\",\"caller\":\"dev.symphony.samples.text-tools\",\"input\":{");
        int fields = shape.equals("small") ? 1 : 200;
        for (int i = 0; i < fields; i++) {
            doc.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":{\"text\":\"hello world ").append(i)
                    .append("\",\"count\":").append(i * 31).append(",\"ratio\":").append(i / 7.0).append(",\"flag\":true}");
        }
        doc.append("}}");
        value = json.readTree(doc.toString());
        jsonBytes = json.writeValueAsBytes(value);
        smileBytes = smile.writeValueAsBytes(value);
        System.err.printf("%s: json %d bytes, smile %d bytes%n", shape, jsonBytes.length, smileBytes.length);
    }

    @Benchmark
    public JsonNode jsonRoundTrip() throws IOException {
        return json.readTree(json.writeValueAsBytes(value));
    }

    @Benchmark
    public JsonNode smileRoundTrip() throws IOException {
        return smile.readTree(smile.writeValueAsBytes(value));
    }

    @Benchmark
    public JsonNode jsonDecode() throws IOException {
        return json.readTree(jsonBytes);
    }

    @Benchmark
    public JsonNode smileDecode() throws IOException {
        return smile.readTree(smileBytes);
    }
}
