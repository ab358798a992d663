package dev.symphony.kernel.extensions;

/**
 * Where time goes on the model-streaming path, for benchmarks: named {@link System#nanoTime()} marks (the
 * system-wide monotonic clock, so a host's marks compare with the kernel's). Set with {@link KernelContext#trace};
 * the default, {@link #NONE}, costs a field read per mark. With a trace set, hosts are started with {@code --trace}
 * and send their own marks ({@code host.*}) once per stream, after it ended, as a host event of kind
 * {@link dev.symphony.contract.protocol.LogProtocol#TRACE_EVENT}.
 * <p>
 * Marks of a request's setup, in order: {@code host.callStart} (the host's worker began the call),
 * {@code host.settingsRead} (a model Instrument has its settings), {@code host.modelBuilt} (openai-compatible has
 * langchain4j's model: built, or the one kept while its settings stay), {@code host.httpOpen} (it asks for its HTTP
 * exchange), {@code broker.start} (that request reached the kernel), {@code broker.send} (checked and audited: handed
 * to the JDK's client, which connects).
 * <p>
 * Marks, in the order a first token passes them: {@code broker.head} (the server's response head reached the
 * broker), {@code broker.firstBodyRead} / {@code broker.firstBodySent} (the first body bytes read from the socket /
 * appended to the host's queue), {@code host.httpFirstBody} (the extension took them), {@code host.firstChunk} (the
 * Instrument emitted its first chunk); a cancel: {@code host.cancel} (the kernel's cancel reached the host),
 * {@code host.httpCancel} (the extension gave up its HTTP stream), {@code broker.cancel} (that close reached the
 * broker), {@code broker.closed} (the broker closed the connection).
 * <p>
 * Marks of a folder opened until its extensions run ({@code symphony bench git}): {@code activation.searched} (the
 * {@code workspaceContains} globs were looked for), then per host started {@code start.spawned} (its process exists),
 * {@code start.connected} (its JVM is up and on the bus) and {@code start.ready} (its extension was activated and said
 * hello); the latest stamp of each name is the one that counts.
 */
@FunctionalInterface
public interface KernelTrace {
    KernelTrace NONE = (point, nanos) -> { };

    void mark(String point, long nanos);
}
