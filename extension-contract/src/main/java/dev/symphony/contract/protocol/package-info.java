/**
 * The records that cross the process boundary between the kernel and an extension host, one file per
 * feature. They are plain values; the transport ({@code ipc-bus}) carries them as opaque Smile-encoded
 * payloads. Pairs of classes on either side of the boundary are named alike ({@code HostFiles} in the
 * SDK, {@code KernelFiles} in the kernel).
 */
package dev.symphony.contract.protocol;
