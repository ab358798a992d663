package dev.symphony.sdk.api;

/** Registers the implementation of each capability named in the manifest. */
public interface Capabilities {
    Capabilities operator(String name, Operator operator);

    Capabilities instrument(String name, Instrument instrument);

    Capabilities addon(String name, Addon addon);
}
