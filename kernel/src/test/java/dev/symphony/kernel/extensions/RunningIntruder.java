package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real kernel in a decoy home with the hostile test extension {@code intruder} installed (its manifest: read and
 * write {@code ${workspace}/shared/**}, the network host {@code localhost}), its workspace a project inside that
 * home, and two HTTP servers: one its manifest allows ({@code localhost}) and one it does not ({@code 127.0.0.1},
 * which counts every request that reaches it). For {@link RedTeamTest}'s run-time cases.
 */
final class RunningIntruder implements AutoCloseable {
    static final String ID = "dev.symphony.test.intruder";
    static final ObjectMapper JSON = new ObjectMapper();
    final Path tmp;
    final DecoyHome home;
    final SymphonyPaths paths;
    final Path workspace;
    final Kernel kernel;
    final HttpServer allowed;
    final HttpServer forbidden;
    final AtomicInteger forbiddenHits = new AtomicInteger();

    private RunningIntruder(Path tmp) throws Exception {
        this.tmp = tmp;
        home = DecoyHome.create(tmp.resolve("home"));
        paths = SymphonyPaths.under(home.symphonyHome());
        workspace = Files.createDirectories(home.root().resolve("projects/app"));
        Files.createDirectories(workspace.resolve("shared"));
        Path archive = TestPlugins.zip(TestPlugins.build("intruder", tmp.resolve("build")), tmp.resolve("intruder.zip"));
        TestPlugins.install(new ExtensionStore(paths.data("extensions")), archive);
        forbidden = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        forbidden.createContext("/", x -> {
            forbiddenHits.incrementAndGet();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        forbidden.start();
        allowed = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), 0), 0);
        allowed.createContext("/", x -> { // an allowed server that sends the extension's fetch on to one it may not reach
            x.getResponseHeaders().add("Location", forbiddenUrl("/internal/admin"));
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        allowed.start();
        // the cases are about containment, not hang detection: a host starved of CPU on a loaded machine is not hung
        kernel = Kernel.start(new KernelContext().paths(paths).workspace(workspace).hangTimeout(Duration.ofSeconds(5)));
    }

    static RunningIntruder start() throws Exception {
        Path tmp = Files.createTempDirectory("symphony-red-team-");
        try {
            return new RunningIntruder(tmp);
        } catch (Exception | Error e) {
            delete(tmp);
            throw e;
        }
    }

    String allowedUrl(String path) {
        return "http://localhost:" + allowed.getAddress().getPort() + path;
    }

    String forbiddenUrl(String path) {
        return "http://127.0.0.1:" + forbidden.getAddress().getPort() + path;
    }

    JsonNode call(String capability, JsonNode input) {
        return kernel.call(new CapabilityCall("test", ID, capability, input, Duration.ofSeconds(30))).output();
    }

    /** A request sent straight to the kernel's broker, as a hostile host sends it (the SDK's own checks skipped). */
    JsonNode broker(String op, Map<String, ?> args) {
        return call("broker", JSON.createObjectNode().put("op", op).set("args", JSON.valueToTree(args)));
    }

    List<JsonNode> audit() throws IOException {
        kernel.audit().flush();
        return AuditLog.readAll(paths.data("audit"));
    }

    /** The audit once {@code done} holds for it (the supervisor's entries and one-way events come a little later), or after 10 s. */
    List<JsonNode> auditWhen(java.util.function.Predicate<List<JsonNode>> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<JsonNode> audit = audit();
        while (!done.test(audit) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            audit = audit();
        }
        return audit;
    }

    /** The decoy home without Symphony's own folder (where the kernel keeps its logs, the audit and the host's data). */
    Map<String, String> outsideSymphony() throws IOException {
        Map<String, String> listing = home.listing();
        listing.keySet().removeIf(path -> path.startsWith(".symphony"));
        return listing;
    }

    long hostPid() {
        return kernel.player(ID).map(Player::hostPid).orElse(-1L);
    }

    @Override
    public void close() {
        try {
            kernel.close();
        } finally {
            allowed.stop(0);
            forbidden.stop(0);
            delete(tmp);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder: what is left the OS cleans
        }
    }
}
