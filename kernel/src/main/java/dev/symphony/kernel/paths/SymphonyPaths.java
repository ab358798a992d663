package dev.symphony.kernel.paths;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where user-level state lives. One override for everything: {@code SYMPHONY_HOME} (or the
 * launcher's {@code --home DIR}, passed as the system property {@code symphony.home}); under it
 * {@code config/}, {@code data/} and {@code cache/}. Without it, the operating system's folders:
 * XDG on Linux, Application Support on macOS, APPDATA/LOCALAPPDATA on Windows.
 */
public record SymphonyPaths(Path configDir, Path dataDir, Path cacheDir) {
    public static final String HOME_ENV = "SYMPHONY_HOME";
    public static final String HOME_PROPERTY = "symphony.home";
    /** Where per-user tools (language servers) are installed, when not the cache folder's {@code tools/}; passed on to hosts and tools. */
    public static final String TOOLS_ENV = "SYMPHONY_TOOLS_DIR";

    public SymphonyPaths {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /** All state under one folder (what SYMPHONY_HOME and tests use). */
    public static SymphonyPaths under(Path home) {
        Path root = home.toAbsolutePath().normalize();
        return new SymphonyPaths(root.resolve("config"), root.resolve("data"), root.resolve("cache"));
    }

    /** The locations for this process: the system property, then the environment, then the OS default. */
    public static SymphonyPaths resolve() {
        return resolve(System.getProperty(HOME_PROPERTY), System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")));
    }

    static SymphonyPaths resolve(String homeProperty, Map<String, String> env, String osName, Path userHome) {
        if (homeProperty != null && !homeProperty.isBlank()) {
            return under(Path.of(homeProperty));
        }
        String home = env.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return under(Path.of(home));
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            return new SymphonyPaths(roaming.resolve("Symphony"), local.resolve("Symphony"),
                    local.resolve("Symphony").resolve("Cache"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("Symphony");
            return new SymphonyPaths(support, support.resolve("Data"),
                    userHome.resolve("Library").resolve("Caches").resolve("Symphony"));
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), userHome.resolve(".local").resolve("share"));
        Path cache = pathOr(env.get("XDG_CACHE_HOME"), userHome.resolve(".cache"));
        return new SymphonyPaths(config.resolve("symphony"), data.resolve("symphony"), cache.resolve("symphony"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    public Path userSettingsFile() {
        return configDir.resolve("settings.json");
    }

    public Path keybindingsFile() {
        return configDir.resolve("keybindings.json");
    }

    /** A sub-folder of the data folder, e.g. {@code extensions}, {@code artifacts}, {@code audit}. */
    public Path data(String name) {
        return dataDir.resolve(name);
    }

    public Path cache(String name) {
        return cacheDir.resolve(name);
    }

    /**
     * The per-user tools folder (programs such as language servers that {@code symphony lsp install} puts there):
     * {@value #TOOLS_ENV} when set, else the cache folder's {@code tools/}. Outside the state folders: it can be
     * deleted and installed again.
     */
    public Path tools() {
        String dir = System.getenv(TOOLS_ENV);
        return dir == null || dir.isBlank() ? cache("tools") : Path.of(dir).toAbsolutePath().normalize();
    }
}
