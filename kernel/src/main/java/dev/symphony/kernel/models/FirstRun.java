package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.kernel.settings.SettingsWriteException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The first time a model is needed and none is configured, with a terminal to ask: may Symphony look for a model
 * server on this machine ({@link LocalServers})? If one answers, may it be the chat model? Each yes is the user's,
 * typed; anything else is no. The question is asked once ({@value #MARKER} in the models data folder records it,
 * whatever the answers); the choice is written to the user's settings.json, nothing else in it changing. Without a
 * terminal (scripts, CI) this is never called: nothing is probed and the demo model answers, saying so.
 */
public final class FirstRun {
    static final String MARKER = "first-run.json";
    private final SymphonyPaths paths;
    private final List<LocalServers.Candidate> candidates;
    private final LocalServers servers;

    public FirstRun(SymphonyPaths paths) {
        this(paths, LocalServers.DEFAULTS, new LocalServers(Duration.ofMillis(1500)));
    }

    FirstRun(SymphonyPaths paths, List<LocalServers.Candidate> candidates, LocalServers servers) {
        this.paths = paths;
        this.candidates = candidates;
        this.servers = servers;
    }

    /** Whether the question was asked before (in this SYMPHONY_HOME). */
    public boolean asked() {
        return Files.exists(marker());
    }

    private Path marker() {
        return paths.data("models").resolve(MARKER);
    }

    /**
     * Asks (on {@code out}, answers read from {@code in}) and applies the user's choice; true when a server became
     * the chat model. Asks nothing when asked before.
     */
    public boolean offer(BufferedReader in, PrintStream out) throws IOException {
        if (asked()) {
            return false;
        }
        Files.createDirectories(marker().getParent());
        Files.writeString(marker(), "{\"asked\":true,\"atEpochMs\":" + System.currentTimeMillis() + "}\n");
        StringBuilder where = new StringBuilder();
        candidates.forEach(c -> where.append(where.length() == 0 ? "" : ", ").append(c.port()));
        if (!yes(in, out, "symphony: no model is configured. Look for a model server on this machine (127.0.0.1, ports "
                + where + ")? [y/N] ")) {
            out.println("symphony: not looking; the demo model answers (settings: models.chat)");
            return false;
        }
        List<LocalServers.Found> found = servers.probe(candidates);
        if (found.isEmpty()) {
            out.println("symphony: no model server answered on 127.0.0.1; the demo model answers");
            return false;
        }
        for (LocalServers.Found f : found) {
            String models = f.models().isEmpty() ? "no models listed" : String.join(", ", f.models().subList(0, Math.min(5, f.models().size())));
            if (yes(in, out, "symphony: found " + (f.kind() == LocalServers.Kind.OLLAMA ? "Ollama" : "an OpenAI-compatible server")
                    + " at " + f.baseUrl() + " (" + models + "). Use it for chat? [y/N] ")) {
                apply(f);
                out.println("symphony: models.chat is " + f.kind().instrument + "/server (" + paths.userSettingsFile() + ")");
                return true;
            }
        }
        return false;
    }

    /** Writes {@code found}'s settings into the user's settings.json. */
    public void apply(LocalServers.Found found) throws IOException {
        try (SettingsService settings = new SettingsService(SettingsSchema.core(), paths.userSettingsFile(), null)) {
            for (String[] kv : found.settings()) {
                settings.set(SettingsScope.USER, kv[0], TextNode.valueOf(kv[1]));
            }
        } catch (SettingsWriteException e) {
            throw new IOException("cannot write " + paths.userSettingsFile() + ": " + e.getMessage(), e);
        }
    }

    private static boolean yes(BufferedReader in, PrintStream out, String question) throws IOException {
        out.print(question);
        out.flush();
        String answer = in.readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
