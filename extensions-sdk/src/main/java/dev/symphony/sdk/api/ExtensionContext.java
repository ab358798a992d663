package dev.symphony.sdk.api;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.sdk.services.KernelServices;

/** What an extension knows about itself at activation. */
public interface ExtensionContext {
    ExtensionManifest manifest();

    KernelServices services();
}
