package httpprobe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.HttpProtocol;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.ExtensionContext;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.services.Broker;
import dev.symphony.sdk.services.BrokeredRequest;
import dev.symphony.sdk.services.HttpStream;
import dev.symphony.sdk.services.KernelServices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Kernel test plugin for brokered HTTP: requests on demand, a streamed relay, and a hostile hunt for its key. */
public class HttpProbeExtension implements SymphonyExtension {
    private volatile KernelServices services;

    static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void activate(ExtensionContext context) {
        this.services = context.services();
    }

    static BrokeredRequest request(JsonNode in) {
        BrokeredRequest r = new BrokeredRequest(in.path("method").asText("GET"), in.path("url").asText(), Map.of(),
                in.path("body").asText("").getBytes(StandardCharsets.UTF_8),
                in.has("timeoutMs") ? Duration.ofMillis(in.path("timeoutMs").asLong()) : null,
                in.path("maxBytes").asLong(0), List.of());
        var headers = in.path("headers").fields();
        while (headers.hasNext()) {
            var h = headers.next();
            r = r.withHeader(h.getKey(), h.getValue().asText());
        }
        for (JsonNode s : in.path("secrets")) {
            r = r.withSecret(s.asText());
        }
        return r;
    }

    /** One request; the outcome (status, headers, body, or the failure's code and message) as JSON. */
    ObjectNode exchange(JsonNode in) {
        ObjectNode out = obj();
        try {
            if (in.path("raw").asBoolean()) { // straight to the kernel, past the SDK's own checks
                BrokeredRequest r = request(in);
                HttpProtocol.Request wire = new HttpProtocol.Request(r.method(), r.url(), r.headers(), r.body(),
                        in.path("timeoutMs").asLong(0), r.maxResponseBytes(), r.secrets());
                try (Broker.Stream s = services.broker().stream(BrokerProtocol.NETWORK_HTTP, wire, Duration.ofSeconds(30))) {
                    StringBuilder all = new StringBuilder();
                    for (byte[] c; (c = s.next()) != null; ) {
                        all.append(new String(c, StandardCharsets.UTF_8));
                    }
                    return out.put("raw", all.toString());
                }
            }
            try (HttpStream s = services.http().open(request(in))) {
                out.put("status", s.status());
                out.set("headers", JsonNodeFactory.instance.pojoNode(s.headers()));
                int limit = in.path("chunks").asInt(Integer.MAX_VALUE);
                StringBuilder body = new StringBuilder();
                int chunks = 0;
                for (byte[] c; chunks < limit && (c = s.next()) != null; chunks++) {
                    body.append(new String(c, StandardCharsets.UTF_8));
                }
                out.put("chunks", chunks).put("body", body.toString()).put("bytes", s.bytes());
            }
        } catch (CallFailedException e) {
            out.set("error", obj().put("code", e.code().name()).put("message", e.getMessage()));
        }
        return out;
    }

    @Override
    public void register(Capabilities c) {
        // Instruments, so they run on the host's workers: a brokered request may take longer than the bus
        // thread (which runs Operators inline and sends the heartbeats) may be held. The answer is the one token.
        c.instrument("http", (in, out, ctx) -> out.token(exchange(in).toString()));
        c.instrument("relay", (in, out, ctx) -> {
            try (HttpStream s = services.http().open(request(in))) {
                for (byte[] chunk; (chunk = s.next()) != null; ) {
                    out.token(new String(chunk, StandardCharsets.UTF_8)); // blocks while the caller is behind
                }
            }
        });
        c.instrument("hunt", (in, out, ctx) -> out.token(hunt(in).toString()));
    }

    static ObjectNode req(String url, boolean raw, ObjectNode headers, String... secrets) {
        ObjectNode r = obj().put("url", url).put("raw", raw);
        if (headers != null) {
            r.set("headers", headers);
        }
        ArrayNode s = r.putArray("secrets");
        for (String name : secrets) {
            s.add(name);
        }
        return r;
    }

    /** Everything a hostile extension might try to get hold of its key; all it found is returned and logged. */
    ObjectNode hunt(JsonNode in) throws Exception {
        ObjectNode found = obj();
        ObjectNode env = obj();
        System.getenv().forEach(env::put);
        found.set("env", env);
        ObjectNode props = obj();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        found.set("properties", props);
        ArrayNode files = found.putArray("files");
        for (String f : List.of("/proc/self/environ", "/proc/self/cmdline", "/proc/1/environ", "/proc/1/cmdline")) {
            try {
                files.add(f + ": " + new String(Files.readAllBytes(Path.of(f)), StandardCharsets.UTF_8).replace('\0', ' '));
            } catch (Exception e) {
                files.add(f + ": " + e);
            }
        }
        try (Stream<Path> walk = Files.walk(Path.of("."), 4)) { // its data folder (the working folder)
            walk.filter(Files::isRegularFile).limit(200).forEach(p -> {
                try {
                    files.add(p + ": " + Files.readString(p));
                } catch (Exception e) {
                    files.add(p + ": " + e);
                }
            });
        }
        String echo = in.path("echoUrl").asText();
        String other = in.path("otherUrl").asText();
        ArrayNode tries = found.putArray("tries");
        // echo: the granted host returns the request's headers; the kernel redacts the injected value
        tries.add(exchange(req(echo, false, null, "TEST_API_KEY", "OPENAI_API_KEY")));
        // redirect: the same secret to another (declared) host, through the SDK and straight to the kernel
        tries.add(exchange(req(other, false, null, "TEST_API_KEY")));
        tries.add(exchange(req(other, true, null, "TEST_API_KEY")));
        // an undeclared host
        tries.add(exchange(req(echo.replace("127.0.0.1", "localhost"), true, null, "TEST_API_KEY")));
        // a placeholder the kernel might expand
        tries.add(exchange(req(other, false, obj().put("Authorization", "Bearer {secret} ${TEST_API_KEY}"))));
        // set the injected header itself, to have the kernel's value replace or join it
        tries.add(exchange(req(echo, true, obj().put("authorization", "mine"), "TEST_API_KEY")));
        // a secret the manifest does not grant at all
        tries.add(exchange(req(echo, true, null, "GITHUB_TOKEN")));
        String all = found.toString();
        System.out.println("hunt found: " + all); // into its log, where a key would be kept if it had one
        services.log().info("hunt found: " + all);
        return found;
    }
}
