/**
 * The IPC bus between the kernel JVM and extension-host JVMs: an {@link dev.symphony.ipc.api.Endpoint}
 * over two Chronicle queues in shared memory (one per direction), a fixed binary header
 * ({@link dev.symphony.ipc.api.MessageHeaderDescriptor}) and opaque payloads (usually Smile-encoded JSON,
 * see {@link dev.symphony.ipc.api.PayloadCodec}). Request/response with timeouts, one-way events,
 * credit-based streams, cancellation and heartbeats live here; what a message means is up to the
 * kernel and the extension host.
 */
package dev.symphony.ipc.api;
