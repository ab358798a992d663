package dev.symphony.sdk.internal;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.sdk.api.SymphonyExtension;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.RuntimeMode;

import java.nio.file.Path;

/**
 * PF4J embedded to load exactly one plugin: an exploded archive ({@code symphony-extension.json},
 * {@code classes/}, {@code lib/*.jar}) or, in development mode, a source module
 * ({@code target/classes}, {@code target/lib}). PF4J gives the class-loader isolation; the process
 * boundary around it is what isolates crashes.
 */
final class PluginHost implements AutoCloseable {
    private final PluginManager manager;
    private final String pluginId;
    private final SymphonyExtension extension;
    private long loadMillis;

    private PluginHost(PluginManager manager, String pluginId, SymphonyExtension extension) {
        this.manager = manager;
        this.pluginId = pluginId;
        this.extension = extension;
    }

    static PluginHost load(Path extensionDir, ExtensionManifest manifest, boolean development) throws Exception {
        long start = System.nanoTime();
        System.setProperty("pf4j.mode", (development ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT).toString());
        PluginManager manager = new DefaultPluginManager(extensionDir.toAbsolutePath().getParent()) {
            @Override
            protected PluginDescriptorFinder createPluginDescriptorFinder() {
                return new ManifestDescriptorFinder(manifest);
            }

            @Override
            protected PluginLoader createPluginLoader() {
                return development ? new DevelopmentPluginLoader(this) : new DefaultPluginLoader(this);
            }
        };
        String id = manager.loadPlugin(extensionDir.toAbsolutePath());
        manager.startPlugin(id);
        Class<?> entry = manager.getPluginClassLoader(id).loadClass(manifest.entryClass());
        if (!SymphonyExtension.class.isAssignableFrom(entry)) {
            throw new IllegalStateException(manifest.entryClass() + " does not implement " + SymphonyExtension.class.getName());
        }
        PluginHost host = new PluginHost(manager, id, (SymphonyExtension) entry.getDeclaredConstructor().newInstance());
        host.loadMillis = (System.nanoTime() - start) / 1_000_000;
        return host;
    }

    long loadMillis() {
        return loadMillis;
    }

    SymphonyExtension extension() {
        return extension;
    }

    @Override
    public void close() {
        manager.stopPlugin(pluginId);
        manager.unloadPlugin(pluginId);
    }
}
