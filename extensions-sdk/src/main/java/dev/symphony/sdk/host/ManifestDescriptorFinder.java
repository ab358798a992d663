package dev.symphony.sdk.host;

import dev.symphony.ipc.manifest.ExtensionManifest;
import dev.symphony.ipc.manifest.ManifestReader;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Lets PF4J read its plugin descriptor from {@code symphony-extension.json}: one manifest, no plugin.properties. */
final class ManifestDescriptorFinder implements PluginDescriptorFinder {
    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isRegularFile(pluginPath.resolve(ManifestReader.FILE_NAME));
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        try {
            Path file = pluginPath.resolve(ManifestReader.FILE_NAME);
            ExtensionManifest m = ManifestReader.readValidated(Files.readAllBytes(file)); // validated by the kernel
            DefaultPluginDescriptor d = new DefaultPluginDescriptor(m.id(), m.description(), null, m.version(), "",
                    m.publisher(), "");
            // Dependencies on other extensions are not PF4J dependencies: they live in other processes
            // and are reached through the kernel, which resolved them before starting this host.
            return d;
        } catch (Exception e) {
            throw new PluginRuntimeException(e, "cannot read the manifest of {}", pluginPath);
        }
    }
}
