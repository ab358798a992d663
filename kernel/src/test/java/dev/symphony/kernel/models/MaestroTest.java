package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maestro's {@code auto}: the role's features, the money left, the ranking; the real price table's arithmetic. */
class MaestroTest {
    static final double NONE = Double.POSITIVE_INFINITY;
    static final ServedModel BIG = model("cloud", "big", 200_000, Feature.CHAT, Feature.TOOLS);
    static final ServedModel MID = model("cloud", "mid", 32_000, Feature.CHAT, Feature.TOOLS);
    static final ServedModel TALKER = model("cloud", "talker", 1_000_000, Feature.CHAT);
    static final ServedModel LOCAL = model("local", "small", 8_000, Feature.CHAT, Feature.FILL_IN_THE_MIDDLE, Feature.TOOLS);
    static final ServedModel DEMO = new ServedModel("local", new ModelInfo("demo", "demo", 256, List.of(Feature.CHAT), true));
    static final List<ServedModel> ALL = List.of(DEMO, LOCAL, TALKER, MID, BIG);
    /** 1,000 output tokens at most: big may cost 0.015, mid 0.0015, talker 0.002, the local one nothing. */
    static final ChatRequest ASK = new ChatRequest(null, List.of(Message.user("hello")), new Sampling(1000, null, null, null, null), null, null);
    final Maestro maestro;

    MaestroTest() throws Exception {
        maestro = new Maestro(PriceTable.shipped().withOverrides(new ObjectMapper().readTree("""
                {"models": {"cloud/big": {"input": 3, "output": 15, "currency": "USD"},
                            "cloud/mid": {"input": 0.5, "output": 1.5, "currency": "USD"},
                            "cloud/talker": {"input": 1, "output": 2, "currency": "USD"},
                            "local/*": {"input": 0, "output": 0, "currency": "USD"}}}
                """), "test"));
    }

    static ServedModel model(String instrument, String id, int context, Feature... features) {
        return new ServedModel(instrument, new ModelInfo(id, id, context, List.of(features), false));
    }

    @Test
    void theAgentGetsTheLargestModelThatCallsToolsAndChatTheLargestThatChats() {
        assertEquals(BIG, maestro.choose("agent", ALL, ASK, NONE, NONE).model(), "talker has more context but no tools");
        assertEquals(TALKER, maestro.choose("chat", ALL, ASK, NONE, NONE).model());
        Maestro.Choice inline = maestro.choose("inline", ALL, ASK, NONE, NONE);
        assertEquals(LOCAL, inline.model(), "inline: the cheapest first");
        assertTrue(inline.reason().startsWith("inline: fill-in-the-middle or chat, the cheapest, then the largest context, of 4 no budget set"), inline.reason());
    }

    @Test
    void asTheDaysMoneyGoesTheChoiceMovesToCheaperModels() {
        assertEquals(BIG, maestro.choose("agent", ALL, ASK, NONE, 1.00).model(), "0.015 fits a tenth of 1.00");
        assertEquals(MID, maestro.choose("agent", ALL, ASK, NONE, 0.10).model(), "a tenth of 0.10 is 0.01: big no longer fits");
        assertEquals(LOCAL, maestro.choose("agent", ALL, ASK, NONE, 0.01).model(), "0.001: only the free one");
        assertEquals(MID, maestro.choose("agent", ALL, ASK, 0.002, NONE).model(), "the per-request limit counts too");
        Maestro.Choice tight = maestro.choose("agent", List.of(BIG, MID), ASK, NONE, 0.01);
        assertEquals(MID, tight.model(), "none fits a tenth: what fits the whole of what is left");
        assertTrue(tight.reason().contains("none fits a tenth"), tight.reason());
    }

    @Test
    void aModelWithoutAPriceDoesNotFitABudgetAndNothingFittingFailsSayingWhatEachWouldCost() {
        ServedModel unpriced = model("elsewhere", "mystery", 900_000, Feature.CHAT, Feature.TOOLS);
        assertEquals(unpriced, maestro.choose("agent", List.of(unpriced, MID), ASK, NONE, NONE).model(), "no budget: the ranking decides");
        assertEquals(MID, maestro.choose("agent", List.of(unpriced, MID), ASK, NONE, 5).model());
        CallFailedException e = assertThrows(CallFailedException.class, () -> maestro.choose("agent", List.of(unpriced, BIG), ASK, NONE, 0.001));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("cloud/big may cost 0.0150") && e.getMessage().contains("elsewhere/mystery may cost an unknown amount"),
                e.getMessage());
    }

    @Test
    void theDemoModelOnlyWhenNothingElseSuitsAndARoleNoModelSuitsIsNamed() {
        assertEquals(DEMO, maestro.choose("chat", List.of(DEMO), ASK, NONE, NONE).model());
        CallFailedException e = assertThrows(CallFailedException.class, () -> maestro.choose("embed", ALL, ASK, NONE, NONE));
        assertTrue(e.getMessage().contains("suits the role 'embed' (embeddings)"), e.getMessage());
    }
}
