package dev.symphony.kernel.models;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat requests by role for a long-lived caller (the workbench's chat panel and agent): each {@link #request} reads
 * the role's settings afresh, resolves the role's model (else {@code models.chat}'s, else the demo model) and its
 * fallbacks, and routes through a {@link ModelRouter} whose per-day budget is the {@link SpendLedger}'s. One
 * {@link Request} is one routed answer, cancellable from any thread.
 */
public final class RoleChat {
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private final Kernel kernel;
    private final SymphonyPaths paths;

    public RoleChat(Kernel kernel, SymphonyPaths paths) {
        this.kernel = kernel;
        this.paths = paths;
    }

    public Request request(String role) {
        return new Request(role, null);
    }

    /**
     * A request to {@code model} (a model's qualified id or name, as in the settings) instead of the role's; its
     * fallbacks still follow. {@link Maestro#AUTO}: the model {@link Maestro} chooses for the role and the money left.
     */
    public Request request(String role, String model) {
        return new Request(role, model);
    }

    /** One routed chat request. */
    public final class Request {
        private final String role;
        private final String model;
        private final ChatCall call = new ChatCall(kernel);
        private volatile ModelRouter router;
        private volatile boolean cancelled;
        private volatile Budget day;
        private volatile Maestro.Choice choice;

        private Request(String role, String model) {
            this.role = role;
            this.model = model;
        }

        /** Routes {@code request} (blocking: call off the UI thread). */
        public ModelRouter.Routed chat(ChatRequest request, ModelRouter.Listener listener) {
            RouterSettings settings = RouterSettings.read(paths, role);
            PriceTable prices = Prices.load(paths);
            SpendLedger ledger = new SpendLedger(paths);
            day = new Budget("per-day", RouterSettings.limit(settings.perDay()), ledger.spentToday());
            router = new ModelRouter(call, prices, RouterSettings.limit(settings.perRequest()), List.of(day),
                    settings.timeout(), COOL_DOWN, System::nanoTime);
            if (cancelled) {
                throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
            }
            try {
                return router.chat(chain(settings, prices, request), request, listener);
            } finally {
                if (day.limit() != Double.POSITIVE_INFINITY) {
                    ledger.record(day.spent());
                }
            }
        }

        /** What is left of the day's budget after this request (infinite without one; NaN before it ran). */
        public double dayBudgetLeft() {
            Budget b = day;
            return b == null ? Double.NaN : b.limit() - b.spent();
        }

        /** Maestro's choice for the last request when it was asked for {@link Maestro#AUTO}; empty otherwise. */
        public java.util.Optional<Maestro.Choice> choice() {
            return java.util.Optional.ofNullable(choice);
        }

        private List<ServedModel> chain(RouterSettings settings, PriceTable prices, ChatRequest request) {
            ModelInstruments instruments = new ModelInstruments(kernel);
            if (Maestro.AUTO.equals(model)) {
                List<ServedModel> models = instruments.models();
                Maestro.Choice chosen;
                try {
                    chosen = new Maestro(prices).choose(role, models, request, RouterSettings.limit(settings.perRequest()), day.remaining());
                } catch (CallFailedException e) {
                    if (instruments.problems().isEmpty()) {
                        throw e;
                    } // which Instruments could not say what they serve, and why
                    throw new CallFailedException(e.code(), e.getMessage() + "; not listed: " + instruments.problems().stream()
                            .map(p -> p.instrument() + " (" + p.message() + ")").toList());
                }
                choice = chosen;
                return withFallbacks(instruments, chosen.model(), settings);
            }
            String name = model != null ? model : settings.roleModel();
            if (name == null && !"chat".equals(role)) {
                name = RouterSettings.read(paths, "chat").roleModel();
            }
            ServedModel first = name != null ? instruments.find(name) : instruments.demo().orElseThrow(() -> new CallFailedException(
                    ErrorCode.INVALID_INPUT, "no model configured (the setting models." + role + ") and no demo model installed"
                    + instruments.problemsNote()));
            return withFallbacks(instruments, first, settings);
        }

        private static List<ServedModel> withFallbacks(ModelInstruments instruments, ServedModel first, RouterSettings settings) {
            List<ServedModel> chain = new ArrayList<>(List.of(first));
            for (String fallback : settings.fallback()) {
                ServedModel m = instruments.find(fallback);
                if (!chain.contains(m)) {
                    chain.add(m);
                }
            }
            return chain;
        }

        /** Cancels the request (any thread): the stream closes and no fallback starts. */
        public void cancel() {
            cancelled = true;
            ModelRouter r = router;
            if (r != null) {
                r.cancel();
            } else {
                call.cancel();
            }
        }
    }
}
