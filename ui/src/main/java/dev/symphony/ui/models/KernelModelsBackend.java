package dev.symphony.ui.models;

import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.Player;
import dev.symphony.kernel.models.ChatCall;
import dev.symphony.kernel.models.LocalServers;
import dev.symphony.kernel.models.ModelInstruments;
import dev.symphony.kernel.models.Prices;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.SecretStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The page's backend over the workbench's kernel, the user's secret store and price table, and {@link LocalServers}. */
public final class KernelModelsBackend implements ModelsBackend {
    private final CompletableFuture<Kernel> kernel;
    private final SymphonyPaths paths;
    private final Supplier<SecretStore> secrets;

    public KernelModelsBackend(CompletableFuture<Kernel> kernel, SymphonyPaths paths, Supplier<SecretStore> secrets) {
        this.kernel = kernel;
        this.paths = paths;
        this.secrets = secrets;
    }

    @Override
    public List<Provider> providers() {
        Kernel k = kernel.join();
        List<Provider> out = new ArrayList<>();
        for (String id : new ModelInstruments(k).instruments()) {
            ExtensionManifest m = k.players().stream().filter(p -> p.id().equals(id)).map(Player::manifest).findFirst().orElseThrow();
            out.add(new Provider(id, m.displayName(), m.permissions().secrets().isEmpty() ? null : m.permissions().secrets().get(0).name()));
        }
        return out;
    }

    @Override
    public List<ModelChoice> models() {
        PriceTable prices = Prices.load(paths);
        return new ModelInstruments(kernel.join()).models().stream().map(s -> new ModelChoice(s.qualifiedId(),
                prices.price(s.instrument(), s.model().id()).map(KernelModelsBackend::price).orElse("price unknown"))).toList();
    }

    static String price(PriceTable.Price p) {
        return p.inputPerMillion() == 0 && p.outputPerMillion() == 0 ? "local: free"
                : String.format(java.util.Locale.ROOT, "%s %.2f in / %.2f out per million tokens", p.currency(), p.inputPerMillion(), p.outputPerMillion());
    }

    @Override
    public boolean hasKey(String secretName) throws Exception {
        return secrets.get().names().contains(secretName);
    }

    @Override
    public void storeKey(String secretName, String value) throws Exception {
        secrets.get().set(SecretStore.checkName(secretName), value);
    }

    @Override
    public String test(String qualifiedId, Consumer<String> progress, BooleanSupplier cancelled) {
        Kernel k = kernel.join();
        progress.accept("starting " + qualifiedId.substring(0, Math.max(0, qualifiedId.lastIndexOf('/'))) + "…");
        ModelInstruments.ServedModel served = new ModelInstruments(k).find(qualifiedId);
        ChatCall call = new ChatCall(k);
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "models-test-cancel");
            t.setDaemon(true);
            return t;
        });
        ScheduledFuture<?> poll = watch.scheduleWithFixedDelay(() -> {
            if (cancelled.getAsBoolean()) {
                call.cancel();
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        long[] first = {-1};
        try {
            progress.accept("asking " + served.qualifiedId() + "…");
            Final answer = call.run(served, new ChatRequest(null, List.of(Message.user("hello")), new Sampling(8, null, null, 1L, null)),
                    Duration.ofMinutes(2), token -> {
                        if (first[0] < 0) {
                            first[0] = (System.nanoTime() - start) / 1_000_000;
                            progress.accept("first token after " + first[0] + " ms…");
                        }
                    });
            return "OK: first token " + first[0] + " ms, " + (System.nanoTime() - start) / 1_000_000 + " ms in all, "
                    + answer.usage().outputTokens() + " tokens";
        } finally {
            poll.cancel(false);
            watch.shutdownNow();
        }
    }

    @Override
    public List<LocalServer> probe() {
        return new LocalServers(Duration.ofMillis(1500)).probe(LocalServers.DEFAULTS).stream()
                .map(f -> new LocalServer((f.kind() == LocalServers.Kind.OLLAMA ? "Ollama" : "OpenAI-compatible server") + " at "
                        + f.baseUrl() + (f.models().isEmpty() ? "" : " (" + String.join(", ", f.models()) + ")"), f.settings()))
                .toList();
    }
}
