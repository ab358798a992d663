package dev.symphony.kernel.models;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maestro's {@code auto}: the model for one request chosen among every model of every model Instrument, by the
 * request's role and the money left. The rule, in order:
 * <ol>
 * <li><b>Suits the role.</b> {@code chat}: the model chats; {@code agent}: it chats and calls tools; {@code inline}:
 * fill-in-the-middle, else chat; {@code embed}: embeddings. The demo model (not an assistant) only when nothing else
 * suits.</li>
 * <li><b>Fits the budget.</b> With a budget set (per request, per day), the most this request may cost on the model —
 * its input estimate and its {@code maxTokens} (else the model's context length) at the price table's rates, as the
 * router reserves it — must fit within the per-request limit and a tenth ({@link #DAY_SHARE}) of what is left of the
 * day, so one request never takes the rest of the day and the choice moves to cheaper models as the day's money goes.
 * A model without a price does not fit a budget (the router would refuse it). When none fits a tenth, what fits the
 * whole of what is left is taken; when nothing fits at all, the request fails saying what each would cost.</li>
 * <li><b>Ranked by role.</b> {@code chat} and {@code agent}: the largest context window first (a long thread, an
 * agent's growing tool loop), then the cheaper; {@code inline} and {@code embed}: the cheaper first (many small
 * requests), then the larger context. Last, the qualified id, so the choice is stable.</li>
 * </ol>
 * Without a budget nothing is filtered by money and the ranking alone decides.
 */
public final class Maestro {
    /** What the picker passes as the model to ask for Maestro's choice. */
    public static final String AUTO = "auto";
    /** The share of the day's remaining budget one request may take when it is chosen. */
    static final double DAY_SHARE = 0.1;

    /** The model chosen, and why, in words for the person. */
    public record Choice(ServedModel model, String reason) {
    }

    private final PriceTable prices;

    public Maestro(PriceTable prices) {
        this.prices = prices;
    }

    /**
     * Chooses among {@code models} for {@code request} in {@code role}; {@code perRequest} and {@code dayLeft} are the
     * limits ({@code Double.POSITIVE_INFINITY}: none).
     */
    public Choice choose(String role, List<ServedModel> models, ChatRequest request, double perRequest, double dayLeft) {
        List<ServedModel> suited = models.stream().filter(m -> suits(role, m) && !m.model().demo()).toList();
        if (suited.isEmpty()) {
            suited = models.stream().filter(m -> suits(role, m)).toList();
        }
        if (suited.isEmpty()) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, "auto: no installed model suits the role '" + role
                    + "' (" + needs(role) + "); models: " + models.stream().map(ServedModel::qualifiedId).toList());
        }
        boolean budgeted = perRequest != Double.POSITIVE_INFINITY || dayLeft != Double.POSITIVE_INFINITY;
        List<ServedModel> fit = suited;
        String money = "no budget set";
        if (budgeted) {
            double share = Math.min(perRequest, dayLeft * DAY_SHARE);
            fit = suited.stream().filter(m -> worst(m, request).filter(c -> c <= share).isPresent()).toList();
            money = String.format(Locale.ROOT, "that may cost at most %.4f (the per-request limit, or a tenth of what is left today)", share);
            if (fit.isEmpty()) {
                double whole = Math.min(perRequest, dayLeft);
                fit = suited.stream().filter(m -> worst(m, request).filter(c -> c <= whole).isPresent()).toList();
                money = String.format(Locale.ROOT, "that may cost at most %.4f (none fits a tenth of what is left today)", whole);
            }
            if (fit.isEmpty()) {
                throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, String.format(Locale.ROOT,
                        "auto: no model fits the budget (per request %.4f, left today %.4f): ", perRequest, dayLeft)
                        + String.join(", ", suited.stream().map(m -> m.qualifiedId() + " may cost "
                        + worst(m, request).map(c -> String.format(Locale.ROOT, "%.4f", c)).orElse("an unknown amount (no price)")).toList()));
            }
        }
        Comparator<ServedModel> larger = Comparator.comparingInt((ServedModel m) -> m.model().contextLength()).reversed();
        Comparator<ServedModel> cheaper = Comparator.comparingDouble(m -> worst(m, request).orElse(Double.MAX_VALUE));
        Comparator<ServedModel> rank = cheapFirst(role) ? cheaper.thenComparing(larger) : larger.thenComparing(cheaper);
        ServedModel chosen = fit.stream().min(rank.thenComparing(ServedModel::qualifiedId)).orElseThrow();
        return new Choice(chosen, role + ": " + needs(role) + ", " + (cheapFirst(role) ? "the cheapest, then the largest context," : "the largest context, then the cheapest,")
                + " of " + fit.size() + " " + money);
    }

    private static boolean cheapFirst(String role) {
        return "inline".equals(role) || "embed".equals(role);
    }

    private static boolean suits(String role, ServedModel m) {
        List<Feature> f = m.model().features() == null ? List.of() : m.model().features();
        return switch (role) {
            case "agent" -> f.contains(Feature.CHAT) && f.contains(Feature.TOOLS);
            case "inline" -> f.contains(Feature.FILL_IN_THE_MIDDLE) || f.contains(Feature.CHAT);
            case "embed" -> f.contains(Feature.EMBEDDINGS);
            default -> f.contains(Feature.CHAT);
        };
    }

    private static String needs(String role) {
        return switch (role) {
            case "agent" -> "chat with tools";
            case "inline" -> "fill-in-the-middle or chat";
            case "embed" -> "embeddings";
            default -> "chat";
        };
    }

    /** The most {@code request} may cost on {@code m}, as the router reserves it; empty without a price. */
    private Optional<Double> worst(ServedModel m, ChatRequest request) {
        Integer asked = request.sampling() == null ? null : request.sampling().maxTokens();
        int maxTokens = asked != null ? asked : m.model().contextLength() > 0 ? m.model().contextLength() : ModelRouter.DEFAULT_MAX_TOKENS;
        return prices.price(m.instrument(), m.model().id())
                .map(p -> p.cost(new Usage(ModelRouter.inputEstimate(request.messages()), maxTokens)));
    }
}
