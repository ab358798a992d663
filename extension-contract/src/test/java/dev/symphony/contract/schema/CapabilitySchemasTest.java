package dev.symphony.contract.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ManifestReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place a capability call's input and output are checked, as the kernel and the SDK harness see it. */
class CapabilitySchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = """
            {"id": "dev.example.shout", "version": "1.0.0", "publisher": "Example", "kind": "operator",
             "entryClass": "example.Shout", "engine": "[0.1.0,1.0.0)", "permissions": {},
             "capabilities": [{"name": "shout", "kind": "operator",
               "input": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "maxLength": 5}}},
               "output": {"type": "object", "required": ["text"]}}]}
            """;

    private final CapabilitySchemas schemas = new CapabilitySchemas();

    CapabilitySchemasTest() throws Exception {
        schemas.register(ManifestReader.read(MANIFEST.getBytes(StandardCharsets.UTF_8), "test"));
    }

    @Test
    void inputOffItsSchemaIsInvalidInputNamingWhereAndWhy() throws Exception {
        assertDoesNotThrow(() -> schemas.checkInput("dev.example.shout", "shout", JSON.readTree("{\"text\":\"hi\"}")));
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> schemas.checkInput("dev.example.shout", "shout", JSON.readTree("{\"text\":\"far too long\"}")));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().startsWith("input of dev.example.shout/shout does not match its schema: "), e.getMessage());
        assertTrue(e.getMessage().contains("$.text"), e.getMessage());
    }

    @Test
    void outputOffItsSchemaIsTheExtensionsError() throws Exception {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> schemas.checkOutput("dev.example.shout", "shout", JSON.readTree("{\"txt\":1}")));
        assertEquals(ErrorCode.EXTENSION_ERROR, e.code());
        assertTrue(e.getMessage().contains("text"), e.getMessage());
    }

    @Test
    void anUnregisteredExtensionHasNoSchemas() throws Exception {
        schemas.unregister("dev.example.shout");
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> schemas.checkInput("dev.example.shout", "shout", JSON.readTree("{\"text\":\"hi\"}")));
        assertEquals(ErrorCode.UNKNOWN_CAPABILITY, e.code());
    }
}
