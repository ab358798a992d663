package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.mcp.McpCallException;
import dev.symphony.mcp.McpTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link McpOperators} alone: MCP tools as operator capabilities beside a delegate (scripted tools and delegate). */
class McpOperatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scripted tools: "files" serves read (answers its path) and fail (reports an error); "locked" is refused. */
    private static final class ScriptedTools implements McpTools {
        final List<String> called = new ArrayList<>();

        @Override
        public List<Tool> tools() {
            JsonNode schema = JSON.createObjectNode().put("type", "object");
            return List.of(new Tool("mcp__files__read", "files", "read", "reads", schema, true),
                    new Tool("mcp__files__fail", "files", "fail", "fails", schema, false),
                    new Tool("mcp__files__locked", "files", "locked", "refused", schema, false));
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        @Override
        public Result call(String name, JsonNode arguments, Approver approver) throws McpCallException {
            called.add(name);
            return switch (name) {
                case "mcp__files__read" -> new Result("read " + arguments.path("path").asText(), null, false);
                case "mcp__files__fail" -> new Result("no such file", null, true);
                default -> throw new McpCallException(McpCallException.Reason.NOT_APPROVED, name + " was not approved", null);
            };
        }

        @Override
        public void close() {
        }
    }

    private static final CapabilitySpec KERNEL_SPEC = new CapabilitySpec("text-tools", "read", "operator", null, null, 0, 0, 1000);

    private static Capabilities delegate() {
        return new Capabilities() {
            @Override
            public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) {
                return JSON.createObjectNode().put("from", "kernel");
            }

            @Override
            public boolean hasExtension(String extension) {
                return extension.equals("text-tools");
            }

            @Override
            public Optional<CapabilitySpec> find(String extension, String capability) {
                return extension.equals("text-tools") ? Optional.of(KERNEL_SPEC) : Optional.empty();
            }

            @Override
            public List<CapabilitySpec> offering(String capability, String kind) {
                return capability.equals("read") ? List.of(KERNEL_SPEC) : List.of();
            }
        };
    }

    @Test
    void mcpToolsAreOperatorsBesideTheKernelsCapabilities() throws Exception {
        ScriptedTools tools = new ScriptedTools();
        McpOperators caps = new McpOperators(delegate(), tools, null);
        assertTrue(caps.hasExtension("mcp.files") && caps.hasExtension("text-tools") && !caps.hasExtension("mcp.other"));
        CapabilitySpec read = caps.find("mcp.files", "read").orElseThrow();
        assertEquals("operator", read.kind());
        assertEquals(List.of("text-tools", "mcp.files"), caps.offering("read", "operator").stream().map(CapabilitySpec::extension).toList());
        assertTrue(caps.offering("read", "instrument").stream().noneMatch(s -> s.extension().startsWith("mcp.")));
        assertEquals("read a.txt", caps.call(read, JSON.createObjectNode().put("path", "a.txt"), Duration.ofSeconds(1)).get("text").asText());
        assertEquals("kernel", caps.call(KERNEL_SPEC, JSON.createObjectNode(), Duration.ofSeconds(1)).get("from").asText());
        assertEquals(List.of("mcp__files__read"), tools.called);

        Exception failed = assertThrows(IllegalStateException.class, () -> caps.call(caps.find("mcp.files", "fail").orElseThrow(), JSON.createObjectNode(), Duration.ofSeconds(1)));
        assertTrue(failed.getMessage().contains("reported an error: no such file"), failed.getMessage());
        Exception refused = assertThrows(IllegalStateException.class, () -> caps.call(caps.find("mcp.files", "locked").orElseThrow(), JSON.createObjectNode(), Duration.ofSeconds(1)));
        assertTrue(refused.getMessage().startsWith("not_approved: ") && refused.getMessage().contains("policy.json"), refused.getMessage());
        assertFalse(caps.find("mcp.files", "nope").isPresent());
    }

    @Test
    void withoutServersTheKernelsCapabilitiesAreUsedAsTheyAre(@TempDir Path config) throws Exception {
        Capabilities d = delegate();
        assertTrue(McpOperators.around(d, config, config) == d, "no mcp.json: nothing wraps the delegate");
        Files.writeString(config.resolve("mcp.json"), "{\"servers\": {\"x\": {\"command\": 5}}}");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> McpOperators.around(d, config, config));
        assertTrue(bad.getMessage().contains("$.servers.x.command: a string"), bad.getMessage());
    }
}
