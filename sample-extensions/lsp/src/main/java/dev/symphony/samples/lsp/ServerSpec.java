package dev.symphony.samples.lsp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to run one language server: its {@code name} (what {@code symphony lsp install NAME} takes), the program and
 * its arguments, the file types it serves with the LSP language id of each, and the npm packages (pinned) that
 * provide the program. {@code initializationOptions} is JSON text or null; so is {@code settings}, the workspace
 * configuration the server is told after it initialized ({@code workspace/didChangeConfiguration}) and answered from
 * when it asks ({@code workspace/configuration}, by section), e.g. typescript-language-server's
 * {@code {"completions": {"completeFunctionCalls": true}}}.
 */
public record ServerSpec(String name, String command, List<String> args, Map<String, String> languageByFileType,
                         List<String> npmPackages, String initializationOptions, String settings) {
    public ServerSpec(String name, String command, List<String> args, Map<String, String> languageByFileType,
                      List<String> npmPackages, String initializationOptions) {
        this(name, command, args, languageByFileType, npmPackages, initializationOptions, null);
    }

    public ServerSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("a server name is lower-case letters, digits and '-', not '" + name + "'");
        }
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("server '" + name + "' needs a command");
        }
        args = List.copyOf(args);
        languageByFileType = Map.copyOf(languageByFileType);
        npmPackages = List.copyOf(npmPackages);
    }

    /** The LSP language id of a file with extension {@code fileType}, or null when this server does not serve it. */
    public String languageOf(String fileType) {
        return languageByFileType.get(fileType.toLowerCase(Locale.ROOT));
    }

    /** The folder under the tools folder: the name and the pinned versions ({@code typescript-6.0.2-5.9.3}), so a new pin installs afresh. */
    public String installFolder() {
        StringBuilder folder = new StringBuilder(name);
        for (String p : npmPackages) {
            folder.append('-').append(p.substring(p.lastIndexOf('@') + 1));
        }
        return folder.toString();
    }
}
