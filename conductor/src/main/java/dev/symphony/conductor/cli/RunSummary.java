package dev.symphony.conductor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.run.Money;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a person at a terminal reads while {@code symphony run} works (the JSON lines stay on stdout for
 * programs): one line per node that finished, failed, was skipped, cancelled or retried, then the totals —
 * nodes, wall time on the run's clock, cost in plain decimals.
 */
final class RunSummary implements Consumer<ObjectNode> {
    private final PrintStream err;
    private Instant started;
    private int finished;
    private int failed;
    private int skipped;
    private int retried;

    RunSummary(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(ObjectNode e) {
        String node = e.path("node").asText();
        switch (e.path("type").asText()) {
            case "run.started", "run.resumed" -> {
                started = time(e);
                err.println("symphony run: " + e.path("type").asText().substring(4) + " " + e.path("runId").asText()
                        + " (" + e.path("melody").asText() + ")");
            }
            case "node.finished" -> {
                finished++;
                line("done", node, millis(e.path("durationMs").asLong()) + costOf(e));
            }
            case "node.failed" -> {
                failed++;
                line("FAILED", node, e.path("error").asText());
            }
            case "node.skipped" -> {
                skipped++;
                line("skipped", node, e.path("reason").asText());
            }
            case "node.cancelled" -> line("cancelled", node, e.path("reason").asText());
            case "node.retried" -> {
                retried++;
                line("retry", node, e.path("error").asText()
                        + (e.path("backoffMs").asLong() > 0 ? " (next try in " + millis(e.path("backoffMs").asLong()) + ")" : ""));
            }
            case "approval.waiting" -> line("waiting", node, "for an approval");
            case "run.finished" -> totals(e);
            default -> {
                // ready, started, progress, resource and artifact events are for programs and the journal
            }
        }
    }

    private void totals(ObjectNode e) {
        StringBuilder s = new StringBuilder("symphony run: ").append(e.path("status").asText()).append(": ")
                .append(finished).append(finished == 1 ? " node" : " nodes").append(" finished");
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        if (skipped > 0) {
            s.append(", ").append(skipped).append(" skipped");
        }
        if (retried > 0) {
            s.append(", ").append(retried).append(retried == 1 ? " retry" : " retries");
        }
        Instant ended = time(e);
        if (started != null && ended != null) {
            s.append(" in ").append(millis(Duration.between(started, ended).toMillis()));
        }
        s.append(", cost ").append(Money.text(decimal(e.path("cost"))));
        err.println(s);
    }

    private void line(String what, String node, String detail) {
        err.println(String.format(Locale.ROOT, "  %-9s %-24s %s", what, node, detail));
    }

    private static String costOf(JsonNode e) {
        BigDecimal c = decimal(e.path("cost"));
        return c.signum() == 0 ? "" : ", cost " + Money.text(c);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : BigDecimal.ZERO;
    }

    private static Instant time(JsonNode e) {
        try {
            return Instant.parse(e.path("time").asText());
        } catch (RuntimeException ex) {
            return null;
        }
    }

    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %d s", ms / 60_000, (ms % 60_000) / 1000);
    }
}
