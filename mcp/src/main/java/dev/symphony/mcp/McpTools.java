package dev.symphony.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.approvals.policy.Verdict;
import java.util.List;

/**
 * The tools of the user's MCP servers, for agents (and, through {@code conductor}, Melodies). Each tool is named
 * {@code mcp__SERVER__TOOL}, the name the approval policy's tool rules match. Calls are judged by the policy first:
 * deny refuses, ask asks the {@link Approver}, allow runs.
 */
public interface McpTools extends AutoCloseable {
    /** One tool: its policy name, its server, its own name, what it says it does, its input schema, whether it says it only reads. */
    record Tool(String qualifiedName, String server, String name, String description, JsonNode inputSchema, boolean readOnlyHint) {
    }

    /** A tool's answer: its text content joined, its structured content (or null), and whether the tool reported an error. */
    record Result(String text, JsonNode structured, boolean isError) {
    }

    /** A person (or a Melody's approval node) deciding a call the policy asks about; true lets it run. */
    @FunctionalInterface
    interface Approver {
        boolean approve(Tool tool, JsonNode arguments, Verdict verdict);
    }

    /** Every tool of every configured server that answered (starting servers not yet started); see {@link #problems()}. */
    List<Tool> tools();

    /** Servers that could not be started or listed, each with why ("NAME: WHY"). */
    List<String> problems();

    /**
     * Calls a tool after the policy allowed it (or the approver did). Throws {@link McpCallException} when the tool is
     * unknown, the arguments do not fit its schema, the policy or the approver refused, or the server failed.
     */
    Result call(String qualifiedName, JsonNode arguments, Approver approver) throws McpCallException;

    @Override
    void close();

    static String qualifiedName(String server, String tool) {
        return "mcp__" + server + "__" + tool;
    }
}
