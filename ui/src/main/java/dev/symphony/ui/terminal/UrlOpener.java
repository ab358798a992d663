package dev.symphony.ui.terminal;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** Opens a URL in the desktop's browser with the platform's opener command. */
final class UrlOpener implements Consumer<String> {
    private final Consumer<String> onFailure;

    UrlOpener(Consumer<String> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void accept(String url) {
        String os = System.getProperty("os.name", "").toLowerCase();
        List<String> command = os.startsWith("windows") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            onFailure.accept("Cannot open " + url + ": " + command.get(0) + " is not available (" + e.getMessage() + ")");
        }
    }
}
