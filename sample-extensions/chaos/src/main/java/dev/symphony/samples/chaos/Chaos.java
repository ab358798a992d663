package dev.symphony.samples.chaos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;

import java.util.ArrayList;
import java.util.List;

/** Entry class of {@code dev.symphony.samples.chaos}. Each capability fails in one specific way. */
public class Chaos implements SymphonyExtension {
    private final List<long[]> hoard = new ArrayList<>();

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void register(Capabilities c) {
        c.operator("ping", (in, ctx) -> obj());
        // announces an extension event (Melodies' extension.event triggers listen in `symphony serve`)
        c.operator("emit", (in, ctx) -> {
            ctx.services().events().emit(in.path("name").asText(), in.path("payload"));
            return obj();
        });
        c.instrument("flood", (in, out, ctx) -> { // on a worker thread: the host's bus thread stays free
            long n = in.path("count").asLong(1_000_000);
            var payload = obj().put("n", 1);
            for (long i = 0; i < n && !out.cancelled(); i++) {
                ctx.services().events().emit("flood", payload);
            }
            out.token(Long.toString(n));
        });
        c.operator("crash", (in, ctx) -> {
            Runtime.getRuntime().halt(13);
            return obj();
        });
        c.operator("hang", (in, ctx) -> {
            while (true) {
                Thread.sleep(60_000);
            }
        });
        c.operator("leak", (in, ctx) -> {
            while (true) {
                hoard.add(new long[1 << 17]); // 1 MB at a time, kept forever
            }
        });
        c.operator("read-outside", (in, ctx) -> obj().put("text", ctx.services().files().read(in.path("path").asText())));
        c.instrument("sleep", (in, out, ctx) -> {
            Thread.sleep(in.path("ms").asLong(60_000));
            out.token("awake");
        });
        c.instrument("bytes", (in, out, ctx) -> {
            long total = in.path("totalBytes").asLong(1 << 20);
            int chunk = in.path("chunkBytes").asInt(64 * 1024);
            String block = "x".repeat(chunk);
            for (long sent = 0; sent < total && !out.cancelled(); sent += chunk) {
                out.emit(obj().put("data", sent + chunk <= total ? block : block.substring(0, (int) (total - sent))));
            }
        });
    }
}
