package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.Reply;
import dev.symphony.contract.ErrorCode;
import dev.symphony.kernel.paths.SymphonyPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The model states of an Instrument through real hosts: the probe's {@code model} capability takes 300 ms to
 * warm up and can be told to fail its next warm-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelStateIntegrationTest {
    static final String PROBE = KernelIntegrationTest.PROBE;
    static final ObjectMapper JSON = new ObjectMapper();
    SymphonyPaths paths;
    Kernel kernel;
    final List<ModelStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        paths = SymphonyPaths.under(tmp.resolve("home"));
        Path archive = TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build")), tmp.resolve("probe.zip"));
        TestPlugins.install(new ExtensionStore(paths.data("extensions")), archive);
        Files.createDirectories(tmp.resolve("ws"));
        kernel = Kernel.start(new KernelContext().paths(paths).workspace(tmp.resolve("ws")));
        kernel.onModelState(s -> {
            if (s.capability().equals("model")) {
                seen.add(s);
            }
        });
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @BeforeEach
    void freshHost() throws Exception {
        boolean loaded = kernel.modelState(PROBE, "model").orElseThrow().state() != ModelState.IDLE;
        kernel.reload(PROBE); // no host: whatever was loaded is gone
        awaitState(ModelState.IDLE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (loaded && (seen.isEmpty() || seen.get(seen.size() - 1).state() != ModelState.IDLE) && System.nanoTime() < deadline) {
            Thread.sleep(10); // the listener's IDLE comes on the notifier thread
        }
        seen.clear();
    }

    private List<ModelState> states() {
        return seen.stream().map(ModelStatus::state).toList();
    }

    private void awaitState(ModelState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (kernel.modelState(PROBE, "model").orElseThrow().state() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(state, kernel.modelState(PROBE, "model").orElseThrow().state());
    }

    /** Listeners run on their own thread; wait until they have seen {@code n} changes. */
    private void awaitSeen(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    JsonNode call(String capability, String input) throws Exception {
        return kernel.call(new CapabilityCall("test", PROBE, capability, JSON.readTree(input), Duration.ofSeconds(20))).output();
    }

    @Test
    void onlyInstrumentsHaveAModelState() {
        assertEquals(ModelState.IDLE, kernel.modelState(PROBE, "model").orElseThrow().state());
        assertTrue(kernel.modelState(PROBE, "echo").isEmpty(), "an Operator has no model");
        var e = assertThrows(java.util.concurrent.CompletionException.class, () -> kernel.warmUp(PROBE, "echo").join());
        assertEquals(ErrorCode.INVALID_INPUT, ((CallFailedException) e.getCause()).code());
    }

    @Test
    void aWarmUpAheadOfUseAndAConcurrentCallShareOneLoadingThenWarm() throws Exception {
        CompletableFuture<ModelStatus> warm = kernel.warmUp(PROBE, "model");
        CompletableFuture<JsonNode> callDuringWarmUp = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(100);
                return call("model", "{}");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        ModelStatus status = warm.get(30, TimeUnit.SECONDS);
        assertEquals(ModelState.WARM, status.state());
        assertTrue(status.loadMs() >= 300, "the load time is the warm-up's own: " + status);
        assertEquals("tt", callDuringWarmUp.get(30, TimeUnit.SECONDS).path("text").asText());
        assertEquals(1, call("warm-ups", "{}").path("count").asInt(), "the call waited for the warm-up it found running");
        assertEquals(ModelState.WARM, kernel.modelState(PROBE, "model").orElseThrow().state());
        awaitSeen(2);
        assertEquals(List.of(ModelState.LOADING, ModelState.WARM), states(), seen.toString());
        call("model", "{}");
        assertEquals(1, call("warm-ups", "{}").path("count").asInt(), "a warm model is not warmed again");

        kernel.reload(PROBE);
        awaitSeen(3);
        assertEquals(List.of(ModelState.LOADING, ModelState.WARM, ModelState.IDLE), states(), seen.toString());
        assertEquals("host stopped", seen.get(2).message());
        var recorded = kernel.recordedModelState(PROBE, "model").orElseThrow();
        assertEquals("IDLE", recorded.path("state").asText(), recorded.toString());
        assertEquals("[\"LOADING\",\"WARM\",\"IDLE\"]", JSON.writeValueAsString(recorded.path("transitions").findValuesAsText("state")
                .subList(recorded.path("transitions").size() - 3, recorded.path("transitions").size())), recorded.toString());
    }

    @Test
    void theFirstCallWarmsTheModelAndAUnaryCallReportsTokensAndDeclaredCost() throws Exception {
        Reply r = kernel.call(new CapabilityCall("test", PROBE, "model", JSON.readTree("{\"tokens\":6}"), Duration.ofSeconds(20)));
        assertEquals("tttttt", r.output().path("text").asText());
        assertEquals(6, r.tokens());
        assertEquals(0.25 + 0.125 * 6, r.cost(), 1e-12, "perCall + perToken x tokens, as the manifest declares");
        awaitSeen(2);
        assertEquals(List.of(ModelState.LOADING, ModelState.WARM), states());
        Reply op = kernel.call(new CapabilityCall("test", PROBE, "echo", JSON.readTree("{}"), Duration.ofSeconds(20)));
        assertEquals(0, op.tokens());
        assertEquals(0, op.cost(), "an Operator declaring no cost costs nothing");
    }

    @Test
    void aFailedWarmUpFailsTheCallWithItsMessageAndTheNextCallRetries() throws Exception {
        call("fail-next-warm-up", "{}");
        var e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> kernel.warmUp(PROBE, "model").get(30, TimeUnit.SECONDS));
        CallFailedException failure = assertInstanceOf(CallFailedException.class, e.getCause());
        assertEquals(ErrorCode.EXTENSION_ERROR, failure.code());
        assertTrue(failure.getMessage().contains("the warm-up of 'model' failed: weights missing (test)"), failure.getMessage());
        ModelStatus failed = kernel.modelState(PROBE, "model").orElseThrow();
        assertEquals(ModelState.FAILED, failed.state());
        assertEquals("weights missing (test)", failed.message());

        assertEquals("tt", call("model", "{}").path("text").asText());
        assertEquals(2, call("warm-ups", "{}").path("count").asInt(), "the call ran a second warm-up, which succeeded");
        awaitSeen(4);
        assertEquals(List.of(ModelState.LOADING, ModelState.FAILED, ModelState.LOADING, ModelState.WARM), states(), seen.toString());
    }

    /** The natives in the DJL cache are loaded by the IDE and every Instrument: a sandboxed host reads them, never writes them. */
    @Test
    void anInstrumentHostReadsTheDjlCacheButCannotPlantAnythingInIt() throws Exception {
        String cache = System.getenv("DJL_CACHE_DIR");
        org.junit.jupiter.api.Assumptions.assumeTrue(cache != null, "DJL_CACHE_DIR is not set (surefire sets it)");
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.available(), "no OS sandbox here: an unsandboxed host has the user's rights");
        String stem = "symphony-kernel-test-" + ProcessHandle.current().pid();
        Path natives = Path.of(cache).toAbsolutePath().resolve(stem + "-natives.txt");
        Path planted = natives.resolveSibling(stem + "-planted.txt");
        try {
            Files.writeString(natives, "unpacked by the IDE");
            JsonNode out = call("djl-cache", "{\"read\":\"" + natives.getFileName() + "\",\"plant\":\"" + planted.getFileName() + "\"}");
            assertEquals("unpacked by the IDE", out.path("read").asText(), "the host sees the cache: " + out);
            assertFalse(out.path("planted").asBoolean(), "the host wrote into the shared cache: " + out);
            assertFalse(Files.exists(planted), "a file the host planted is in the shared DJL cache");
        } finally {
            Files.deleteIfExists(natives);
            Files.deleteIfExists(planted);
        }
    }
}
