package dev.symphony.samples.broker;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolSpec;
import dev.symphony.sdk.api.ExtensionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tool calling between the contract and langchain4j: the request's {@link ToolSpec}s as langchain4j's tool
 * specifications (each property's JSON Schema passed on as it is, a {@link JsonRawSchema}, so the providers' own
 * mappers write the provider's shape), the conversation's tool calls and results as langchain4j's messages, and the
 * model's tool calls back as {@link ToolCall}s. What the model wrote is hostile: arguments that are not one JSON
 * object, a call without a name, oversized arguments are refused with EXTENSION_ERROR naming the call, the tool and
 * (for bad JSON) the line and column, instead of reaching the caller half-parsed.
 */
public final class ToolCalls {
    /** Longest arguments text taken from a model (a runaway generation is not a tool call). */
    static final int MAX_ARGUMENTS_CHARS = 1 << 20;
    static final int MAX_NAME_CHARS = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCalls() {
    }

    /** The request's tools as langchain4j's; a tool without a name or with a schema that is not an object is INVALID_INPUT naming it. */
    public static List<ToolSpecification> specifications(List<ToolSpec> tools) {
        List<ToolSpecification> out = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolSpec t = tools.get(i);
            String where = "tools[" + i + "]";
            if (t == null || t.name() == null || t.name().isBlank()) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, where + " has no name");
            }
            where += " (" + t.name() + ")";
            out.add(ToolSpecification.builder().name(t.name()).description(t.description())
                    .parameters(schema(t.parameters(), where)).build());
        }
        return out;
    }

    /**
     * The request's {@code toolChoice} as langchain4j's (each provider module writes its own: OpenAI's and
     * llama-server's {@code tool_choice}, Anthropic's {@code any}); null is the provider's default (auto). Another
     * value, or a choice without tools, is INVALID_INPUT naming it.
     */
    public static dev.langchain4j.model.chat.request.ToolChoice toolChoice(String choice, boolean hasTools) {
        if (choice == null) {
            return null;
        }
        if (!ChatRequest.TOOL_CHOICES.contains(choice)) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "toolChoice '" + choice + "' is none of " + ChatRequest.TOOL_CHOICES);
        }
        if (!hasTools) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "toolChoice '" + choice + "' needs tools: the request offers none");
        }
        return dev.langchain4j.model.chat.request.ToolChoice.valueOf(choice.toUpperCase(java.util.Locale.ROOT));
    }

    private static JsonObjectSchema schema(JsonNode parameters, String where) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        if (parameters == null || parameters.isNull()) {
            return schema.build();
        }
        if (!parameters.isObject() || (parameters.has("type") && !"object".equals(parameters.get("type").asText()))) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, where + ".parameters must be a JSON Schema of type object");
        }
        if (parameters.path("description").isTextual()) {
            schema.description(parameters.get("description").asText());
        }
        JsonNode properties = parameters.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isObject()) {
                throw new ExtensionException(ErrorCode.INVALID_INPUT, where + ".parameters.properties." + p.getKey() + " must be a JSON Schema object");
            }
            schema.addProperty(p.getKey(), JsonRawSchema.from(p.getValue().toString()));
        }
        List<String> required = new ArrayList<>();
        parameters.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
            schema.required(required);
        }
        if (parameters.path("additionalProperties").isBoolean()) {
            schema.additionalProperties(parameters.get("additionalProperties").asBoolean());
        }
        return schema.build();
    }

    /**
     * The contract's messages as langchain4j's: an assistant message's tool calls as execution requests, a
     * {@code tool} message as the result of the call its {@code toolCallId} names (whose tool name langchain4j's
     * providers need, taken from that call). A result that answers no earlier call is INVALID_INPUT naming it.
     */
    static ChatMessage message(Message m, Map<String, String> toolNames, int index) {
        String text = m.content() == null ? "" : m.content();
        if ("assistant".equals(m.role()) && m.toolCalls() != null && !m.toolCalls().isEmpty()) {
            List<ToolExecutionRequest> requests = new ArrayList<>();
            for (ToolCall c : m.toolCalls()) {
                toolNames.put(c.id(), c.name());
                requests.add(ToolExecutionRequest.builder().id(c.id()).name(c.name())
                        .arguments(c.arguments() == null ? "{}" : c.arguments().toString()).build());
            }
            return text.isEmpty() ? AiMessage.from(requests) : AiMessage.from(text, requests);
        }
        String name = toolNames.get(m.toolCallId());
        if (name == null) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "messages[" + index + "] is a tool result for '" + m.toolCallId()
                    + "', which no earlier assistant message called");
        }
        return ToolExecutionResultMessage.from(m.toolCallId(), name, text);
    }

    /** An empty map for {@link #message}: the tool calls seen so far in a conversation, by id. */
    static Map<String, String> names() {
        return new HashMap<>();
    }

    /**
     * The model's tool calls as the contract's. Arguments must be one JSON object (an empty text is {@code {}}); a call
     * without an id gets {@code call-N} (N its position), so its result can name it.
     *
     * @param model the model, named in a refusal
     */
    public static List<ToolCall> fromModel(List<ToolExecutionRequest> requests, String model) {
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ToolExecutionRequest r = requests.get(i);
            String name = r.name();
            String call = model + "'s tool call " + (i + 1) + " of " + requests.size();
            if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
                throw new ExtensionException(ErrorCode.EXTENSION_ERROR, call + " has " + (name == null || name.isBlank() ? "no tool name"
                        : "a tool name of " + name.length() + " characters (at most " + MAX_NAME_CHARS + ")"));
            }
            call += " (" + name + ")";
            String text = r.arguments() == null ? "" : r.arguments();
            if (text.length() > MAX_ARGUMENTS_CHARS) {
                throw new ExtensionException(ErrorCode.EXTENSION_ERROR, call + " has " + text.length() + " characters of arguments (at most "
                        + MAX_ARGUMENTS_CHARS + ")");
            }
            calls.add(new ToolCall(r.id() == null || r.id().isBlank() ? "call-" + (i + 1) : r.id(), name, arguments(text, call)));
        }
        return calls;
    }

    private static JsonNode arguments(String text, String call) {
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode parsed;
        try (var parser = JSON.getFactory().createParser(text)) {
            parsed = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ExtensionException(ErrorCode.EXTENSION_ERROR, call + " has arguments that are not one JSON object: more text at line "
                        + at.getLineNr() + ", column " + at.getColumnNr() + ": " + excerpt(text));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, call + " has arguments that are not JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage() + ": " + excerpt(text));
        } catch (java.io.IOException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, call + ": " + e.getMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, call + " has arguments that are not a JSON object but "
                    + (parsed == null ? "nothing" : parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)) + ": " + excerpt(text));
        }
        return parsed;
    }

    private static String excerpt(String text) {
        return ProviderFailures.abbreviate(text.length() > 120 ? text.substring(0, 120) + "…" : text);
    }
}
