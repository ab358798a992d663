/**
 * The extension host runtime, not part of the SDK's public surface: it embeds PF4J, loads exactly one
 * plugin, connects to its bus channel, dispatches calls to the registered capabilities and validates
 * their input and output. The kernel's supervisor starts it through {@link dev.symphony.sdk.host.ExtensionHostMain};
 * {@code dev.symphony.sdk.testing.ExtensionHarness} drives the same dispatcher in-process. Nothing outside
 * the SDK imports this package (packaging's {@code ModuleBoundariesTest}).
 */
package dev.symphony.sdk.internal;
