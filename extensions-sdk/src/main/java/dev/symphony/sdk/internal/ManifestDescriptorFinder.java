package dev.symphony.sdk.internal;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.Plugin;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets PF4J take its plugin descriptor from {@code symphony-extension.json} (already read and
 * validated): one manifest, no plugin.properties.
 */
final class ManifestDescriptorFinder implements PluginDescriptorFinder {
    private final ExtensionManifest manifest;

    ManifestDescriptorFinder(ExtensionManifest manifest) {
        this.manifest = manifest;
    }

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isRegularFile(pluginPath.resolve(ManifestReader.FILE_NAME));
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        // The entry point is the manifest's entry class, not a PF4J Plugin subclass: PF4J gets its own
        // no-op Plugin (without one it logs a failed start with a stack trace in every host).
        // Dependencies on other extensions are not PF4J dependencies: they live in other processes
        // and are reached through the kernel, which resolved them before starting this host.
        return new DefaultPluginDescriptor(manifest.id(), manifest.description(), Plugin.class.getName(),
                manifest.version(), "", manifest.publisher(), "");
    }
}
