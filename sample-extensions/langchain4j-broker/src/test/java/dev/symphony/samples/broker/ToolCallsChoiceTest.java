package dev.symphony.samples.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.request.ToolChoice;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;
import org.junit.jupiter.api.Test;

/** The contract's {@code toolChoice} as langchain4j's, and the values refused before anything is sent. */
class ToolCallsChoiceTest {
    @Test
    void eachContractValueMapsToLangchain4jsAndNullIsTheProvidersDefault() {
        assertNull(ToolCalls.toolChoice(null, true));
        assertNull(ToolCalls.toolChoice(null, false), "no choice, no tools: nothing to check");
        assertEquals(ToolChoice.AUTO, ToolCalls.toolChoice("auto", true));
        assertEquals(ToolChoice.REQUIRED, ToolCalls.toolChoice("required", true));
        assertEquals(ToolChoice.NONE, ToolCalls.toolChoice("none", true));
    }

    @Test
    void anUnknownValueOrAChoiceWithoutToolsIsInvalidInputNamingIt() {
        ExtensionException unknown = assertThrows(ExtensionException.class, () -> ToolCalls.toolChoice("REQUIRED", true));
        assertEquals(ErrorCode.INVALID_INPUT, unknown.code());
        assertTrue(unknown.getMessage().contains("toolChoice 'REQUIRED' is none of [auto, required, none]"), unknown.getMessage());
        ExtensionException noTools = assertThrows(ExtensionException.class, () -> ToolCalls.toolChoice("required", false));
        assertEquals(ErrorCode.INVALID_INPUT, noTools.code());
        assertTrue(noTools.getMessage().contains("needs tools"), noTools.getMessage());
    }
}
