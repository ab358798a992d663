package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers the extension knows: the defaults below, each replaceable (or a new one added) by the setting
 * {@code servers} ({@code {"NAME": {"command", "args", "fileTypes": {"ext": "languageId"}, "initializationOptions", "settings"}}}).
 * Versions are pinned here; changing one is a reviewed change, never a download of "latest".
 */
public final class ServerSpecs {
    public static final String PYRIGHT = "pyright@1.1.414";
    public static final String TYPESCRIPT_LANGUAGE_SERVER = "typescript-language-server@6.0.2";
    public static final String TYPESCRIPT = "typescript@5.9.3";
    public static final String BASH_LANGUAGE_SERVER = "bash-language-server@5.8.1";
    public static final String YAML_LANGUAGE_SERVER = "yaml-language-server@2.0.0";
    public static final String LANGSERVERS_EXTRACTED = "vscode-langservers-extracted@4.10.0";

    private final Map<String, ServerSpec> byName;

    private ServerSpecs(Map<String, ServerSpec> byName) {
        this.byName = byName;
    }

    public static ServerSpecs defaults() {
        Map<String, ServerSpec> m = new LinkedHashMap<>();
        put(m, new ServerSpec("pyright", "pyright-langserver", List.of("--stdio"), Map.of("py", "python", "pyi", "python"),
                List.of(PYRIGHT), null));
        put(m, new ServerSpec("typescript", "typescript-language-server", List.of("--stdio"),
                Map.of("ts", "typescript", "mts", "typescript", "cts", "typescript", "tsx", "typescriptreact",
                        "js", "javascript", "mjs", "javascript", "cjs", "javascript", "jsx", "javascriptreact"),
                List.of(TYPESCRIPT_LANGUAGE_SERVER, TYPESCRIPT), null));
        put(m, new ServerSpec("bash", "bash-language-server", List.of("start"), Map.of("sh", "shellscript", "bash", "shellscript"),
                List.of(BASH_LANGUAGE_SERVER), null));
        put(m, new ServerSpec("yaml", "yaml-language-server", List.of("--stdio"), Map.of("yaml", "yaml", "yml", "yaml"),
                List.of(YAML_LANGUAGE_SERVER), null));
        put(m, new ServerSpec("json", "vscode-json-language-server", List.of("--stdio"), Map.of("json", "json", "jsonc", "jsonc"),
                List.of(LANGSERVERS_EXTRACTED), "{\"provideFormatter\":true}"));
        put(m, new ServerSpec("css", "vscode-css-language-server", List.of("--stdio"),
                Map.of("css", "css", "scss", "scss", "less", "less"), List.of(LANGSERVERS_EXTRACTED), null));
        put(m, new ServerSpec("html", "vscode-html-language-server", List.of("--stdio"), Map.of("html", "html", "htm", "html"),
                List.of(LANGSERVERS_EXTRACTED), null));
        return new ServerSpecs(m);
    }

    private static void put(Map<String, ServerSpec> m, ServerSpec s) {
        m.put(s.name(), s);
    }

    /**
     * The defaults with the user's setting {@code servers} applied: an entry replaces the fields it gives of a known
     * server, or adds a server (which then needs {@code command} and {@code fileTypes}). A bad entry fails with its
     * JSON path.
     */
    public ServerSpecs with(JsonNode servers) {
        if (servers == null || servers.isNull() || servers.isMissingNode()) {
            return this;
        }
        if (!servers.isObject()) {
            throw new IllegalArgumentException("setting servers: an object of server name to configuration is required");
        }
        Map<String, ServerSpec> m = new LinkedHashMap<>(byName);
        servers.fields().forEachRemaining(e -> {
            String at = "setting servers." + e.getKey();
            JsonNode c = e.getValue();
            ServerSpec base = byName.get(e.getKey());
            String command = c.hasNonNull("command") ? c.get("command").asText() : base == null ? null : base.command();
            List<String> args = new ArrayList<>();
            if (c.has("args")) {
                if (!c.get("args").isArray()) {
                    throw new IllegalArgumentException(at + ".args: an array of strings is required");
                }
                c.get("args").forEach(a -> args.add(a.asText()));
            } else if (base != null) {
                args.addAll(base.args());
            }
            Map<String, String> types = new LinkedHashMap<>();
            if (c.has("fileTypes")) {
                if (!c.get("fileTypes").isObject()) {
                    throw new IllegalArgumentException(at + ".fileTypes: an object of file extension to language id is required");
                }
                c.get("fileTypes").fields().forEachRemaining(t -> types.put(t.getKey().toLowerCase(java.util.Locale.ROOT), t.getValue().asText()));
            } else if (base != null) {
                types.putAll(base.languageByFileType());
            }
            String init = c.has("initializationOptions") ? c.get("initializationOptions").toString()
                    : base == null ? null : base.initializationOptions();
            if (c.has("settings") && !c.get("settings").isObject()) {
                throw new IllegalArgumentException(at + ".settings: an object (the server's workspace configuration) is required");
            }
            String settings = c.has("settings") ? c.get("settings").toString() : base == null ? null : base.settings();
            try {
                m.put(e.getKey(), new ServerSpec(e.getKey(), command, args, types, base == null ? List.of() : base.npmPackages(), init, settings));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(at + ": " + bad.getMessage());
            }
        });
        return new ServerSpecs(m);
    }

    public Optional<ServerSpec> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The server for files with extension {@code fileType}: the last one configured for it wins (the user's). */
    public Optional<ServerSpec> forFileType(String fileType) {
        ServerSpec found = null;
        for (ServerSpec s : byName.values()) {
            if (s.languageOf(fileType) != null) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<ServerSpec> all() {
        return List.copyOf(byName.values());
    }
}
