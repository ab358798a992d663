package dev.symphony.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport with its sends made one at a time. {@link StdioClientTransport#sendMessage} puts the
 * message on a single-producer sink at once and fails with "Failed to enqueue message" when two threads send
 * together — our request and the SDK's own answer to a server's request or ping, from its inbound thread. A CI run
 * lost the "everything" server's tools that way (McpServersIT); one lock around the hand-over fixes it.
 */
final class SerialStdioTransport extends StdioClientTransport {

    SerialStdioTransport(ServerParameters params, McpJsonMapper mapper) {
        super(params, mapper);
    }

    @Override
    public synchronized Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return super.sendMessage(message);
    }
}
