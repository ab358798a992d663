package dev.symphony.kernel.cli;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.models.Budget;
import dev.symphony.kernel.models.ModelInstruments;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.ModelRouter;
import dev.symphony.kernel.models.RouterSettings;
import dev.symphony.kernel.models.SpendLedger;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code symphony ask}'s use of the {@link ModelRouter}: the chain, the budgets (the day's kept in the ledger), stdout and stderr. */
final class AskRouting {
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private final SpendLedger ledger;
    private final Budget day;
    private final ModelRouter router;

    AskRouting(SymphonyPaths paths, PriceTable prices, RouterSettings settings, ModelRouter.Endpoint endpoint) {
        this.ledger = new SpendLedger(paths);
        this.day = new Budget("per-day", RouterSettings.limit(settings.perDay()), ledger.spentToday());
        this.router = new ModelRouter(endpoint, prices, RouterSettings.limit(settings.perRequest()), List.of(day), settings.timeout(), COOL_DOWN, System::nanoTime);
    }

    /** {@code first}, then each fallback that names a model (one that does not is reported and left out). */
    static List<ServedModel> chain(ServedModel first, RouterSettings settings, ModelInstruments instruments, PrintStream err) {
        List<ServedModel> chain = new ArrayList<>(List.of(first));
        for (String name : settings.fallback()) {
            try {
                ServedModel m = instruments.find(name);
                if (!chain.contains(m)) {
                    chain.add(m);
                }
            } catch (CallFailedException e) {
                err.println("symphony ask: models.fallback: " + e.getMessage());
            }
        }
        return chain;
    }

    ModelRouter.Routed ask(List<ServedModel> chain, ChatRequest request, PrintStream out, PrintStream err) {
        boolean[] lineOpen = {false};
        try {
            ModelRouter.Routed routed = router.chat(chain, request, new ModelRouter.Listener() {
                @Override
                public void token(String text) {
                    out.print(text);
                    out.flush();
                    lineOpen[0] = !text.endsWith("\n");
                }

                @Override
                public void fallback(ServedModel from, ServedModel to, String cause, int tokens) {
                    if (lineOpen[0]) {
                        out.println();
                        lineOpen[0] = false;
                    }
                    out.flush();
                    err.println("symphony ask: " + from.qualifiedId() + " failed" + (tokens > 0 ? " after " + tokens + " tokens" : "")
                            + " (" + cause + "); " + to.qualifiedId() + " answers" + (to.model().demo() ? " (a DEMO model: it writes gibberish)" : ""));
                }
            });
            if (lineOpen[0] || routed.answer().message().content().isEmpty()) {
                out.println();
            }
            out.flush();
            return routed;
        } finally {
            if (day.limit() != Double.POSITIVE_INFINITY) {
                ledger.record(day.spent());
            }
        }
    }

    void cancel() {
        router.cancel();
    }
}
