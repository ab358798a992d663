package dev.symphony.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.CallFailedException;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.EncryptedSecretFile;
import dev.symphony.kernel.secrets.KernelSecrets;
import dev.symphony.kernel.secrets.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Models page's backend over a <b>real kernel</b> (no double): the built local-gguf (llama.cpp running the demo
 * GGUF in its sandboxed host) and anthropic extensions in development mode, the shipped price table, the real
 * encrypted secret file. Providers with the secret each manifest declares, models with their prices, a test chat
 * that streams from the demo model with progress, an unknown model refused by name, keys stored and found.
 */
class KernelModelsBackendTest {
    private static final String DEMO = "dev.symphony.samples.local-gguf/symphony-demo-bigram";
    private static Path home;
    private static Kernel kernel;
    private static KernelModelsBackend backend;
    private static SecretStore store;

    @BeforeAll
    static void startKernel() throws Exception {
        home = Files.createTempDirectory("symphony-models-backend");
        Path devRoot = Files.createDirectories(home.resolve("dev"));
        for (String module : List.of("local-gguf", "anthropic")) {
            Files.createSymbolicLink(devRoot.resolve(module), Path.of("..", "sample-extensions", module).toAbsolutePath().normalize());
        }
        SymphonyPaths paths = SymphonyPaths.under(home);
        kernel = Kernel.start(new KernelContext().paths(paths).workspace(home).developmentRoot(devRoot));
        store = new EncryptedSecretFile(KernelSecrets.fileUnder(paths), () -> Optional.of("test passphrase".toCharArray()));
        backend = new KernelModelsBackend(CompletableFuture.completedFuture(kernel), paths, () -> store);
    }

    @AfterAll
    static void stopKernel() throws Exception {
        kernel.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void providersCarryTheSecretTheirManifestDeclares() {
        Map<String, ModelsBackend.Provider> byId = backend.providers().stream()
                .collect(Collectors.toMap(ModelsBackend.Provider::id, p -> p));
        assertEquals(java.util.Set.of("dev.symphony.samples.local-gguf", "dev.symphony.samples.anthropic"), byId.keySet());
        assertEquals("ANTHROPIC_API_KEY", byId.get("dev.symphony.samples.anthropic").secretName());
        assertEquals(null, byId.get("dev.symphony.samples.local-gguf").secretName(), "the local model needs no key");
    }

    @Test
    void modelsArePricedFromTheShippedTable() {
        Map<String, String> prices = backend.models().stream()
                .collect(Collectors.toMap(ModelsBackend.ModelChoice::qualifiedId, ModelsBackend.ModelChoice::price));
        assertEquals("local: free", prices.get(DEMO), prices.toString());
        assertEquals("USD 0.80 in / 4.00 out per million tokens", prices.get("dev.symphony.samples.anthropic/claude-3-5-haiku-latest"),
                prices.toString());
    }

    @Test
    void aTestChatStreamsFromTheDemoModelWithProgress() {
        List<String> progress = new CopyOnWriteArrayList<>();
        String result = backend.test(DEMO, progress::add, () -> false);
        assertTrue(result.matches("OK: first token \\d+ ms, \\d+ ms in all, 8 tokens"), result);
        assertEquals("starting dev.symphony.samples.local-gguf…", progress.get(0), progress.toString());
        assertEquals("asking " + DEMO + "…", progress.get(1), progress.toString());
        assertTrue(progress.get(2).matches("first token after \\d+ ms…"), progress.toString());

        CallFailedException unknown = assertThrows(CallFailedException.class,
                () -> backend.test("dev.symphony.samples.local-gguf/no-such-model", s -> { }, () -> false));
        assertTrue(unknown.getMessage().contains("no-such-model"), unknown.getMessage());
    }

    @Test
    void keysGoToTheSecretStoreAndAreFound() throws Exception {
        assertFalse(backend.hasKey("ANTHROPIC_API_KEY"));
        backend.storeKey("ANTHROPIC_API_KEY", "sk-ant-real-kernel-test");
        assertTrue(backend.hasKey("ANTHROPIC_API_KEY"));
        assertEquals("sk-ant-real-kernel-test", store.get("ANTHROPIC_API_KEY").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> backend.storeKey("not a name", "x"));
    }
}
