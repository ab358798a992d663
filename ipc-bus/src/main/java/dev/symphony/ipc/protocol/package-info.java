/**
 * The records that cross the bus between the kernel and an extension host, one file per feature.
 * They are plain values, Smile-encoded by {@link dev.symphony.ipc.api.PayloadCodec}; pairs of classes on
 * either side of the boundary are named alike ({@code HostFiles} in the SDK, {@code KernelFiles} in the kernel).
 */
package dev.symphony.ipc.protocol;
