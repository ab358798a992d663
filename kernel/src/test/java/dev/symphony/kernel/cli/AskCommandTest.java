package dev.symphony.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.ModelRouter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of {@code symphony ask} that need no kernel: usage errors and the stderr summary line. */
class AskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AskCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void badUsageExitsTwoBeforeStartingAnything() {
        for (String[] args : List.of(new String[0], new String[] {"--max-tokens", "many", "hi"}, new String[] {"--model"},
                new String[] {"a", "b"}, new String[] {"--frobnicate", "hi"}, new String[] {"  "})) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args) + ": " + r[2]);
            assertEquals("", r[1]);
            assertTrue(r[2].contains(AskCommand.USAGE), r[2]);
        }
        assertTrue(run("--max-tokens", "many", "hi")[2].contains("For input string: \"many\""));
    }

    @Test
    void theSummaryHasUsageFinishReasonAndCostFromThePriceTable() throws Exception {
        Final answer = new Final("gpt-4o", new Message("assistant", "x"), new Usage(1_000, 2_000), FinishReason.STOP);
        ServedModel known = new ServedModel("ext.a", new ModelInfo("gpt-4o", "GPT-4o", 128_000, List.of(Feature.CHAT), false));
        JsonNode line = JSON.readTree(AskCommand.summary(new ModelRouter.Routed(known, answer, PriceTable.shipped().price("gpt-4o").orElseThrow().cost(answer.usage()), "USD", List.of(new ModelRouter.Attempt("ext.a/gpt-4o", "ok")))));
        assertEquals("ext.a/gpt-4o", line.get("model").asText());
        assertEquals(2_000, line.at("/usage/outputTokens").asInt());
        assertEquals("stop", line.get("finishReason").asText());
        assertEquals((1_000 * 2.50 + 2_000 * 10.00) / 1e6, line.get("cost").asDouble(), 1e-12);
        assertEquals("USD", line.get("currency").asText());

        ServedModel unknown = new ServedModel("ext.a", new ModelInfo("mine", "mine", 4096, List.of(Feature.CHAT), false));
        JsonNode priceless = JSON.readTree(AskCommand.summary(new ModelRouter.Routed(unknown, answer, null, null, List.of())));
        assertTrue(priceless.get("cost").isNull(), priceless.toString());
        assertTrue(priceless.get("price").asText().startsWith("unknown"), priceless.toString());
    }
}
