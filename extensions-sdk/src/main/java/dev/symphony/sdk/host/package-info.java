/**
 * The extension host: a small JVM program ({@link dev.symphony.sdk.host.ExtensionHostMain}) that embeds
 * PF4J, loads exactly one plugin, connects to its bus channel and serves calls. The kernel's
 * supervisor starts it; extension authors never call it.
 */
package dev.symphony.sdk.host;
