/** The extension host program's entry point; everything behind it is in {@code dev.symphony.sdk.internal}. */
package dev.symphony.sdk.host;
