/**
 * The extension contract: what the kernel and an extension host agree on, independent of how the
 * bytes travel. {@link dev.symphony.contract.ErrorCode} and {@link dev.symphony.contract.CallFailedException}
 * here; the manifest in {@code manifest}, the records that cross the process boundary in {@code protocol},
 * the one JSON-Schema set-up in {@code schema}. Both the kernel and the extensions SDK depend on this module;
 * the transport ({@code ipc-bus}) does not (docs/architecture.md).
 */
package dev.symphony.contract;
