package dev.symphony.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one unary call of a capability produced, whatever its kind: its output, the tokens it generated
 * (0 for an Operator or an Addon) and its cost as the manifest declares it ({@code perCall + perToken ×
 * tokens}). The host answers every unary call with one (the kernel decodes it without knowing the
 * capability's kind), the kernel returns it to its callers, and the conductor accounts with it.
 */
public record Reply(JsonNode output, long tokens, double cost) {
}
