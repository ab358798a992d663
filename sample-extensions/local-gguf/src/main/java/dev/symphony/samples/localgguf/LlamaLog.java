package dev.symphony.samples.localgguf;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * llama.cpp's log in this host: its own chatter (model loading, per-request timings) is dropped; its errors go to the
 * host's stderr and are kept (the last few), so a model that fails to load is reported with llama.cpp's reason.
 */
final class LlamaLog {
    private static final int KEPT = 8;
    private static final Deque<String> ERRORS = new ArrayDeque<>();
    private static boolean installed;

    private LlamaLog() {
    }

    static synchronized void install() {
        if (!installed) {
            LlamaModel.setLogger(LogFormat.TEXT, (level, text) -> {
                if (level == LogLevel.ERROR) {
                    System.err.print("llama.cpp: " + text);
                    keep(text.strip());
                }
            });
            installed = true;
        }
    }

    private static synchronized void keep(String line) {
        if (!line.isEmpty()) {
            ERRORS.addLast(line);
            while (ERRORS.size() > KEPT) {
                ERRORS.removeFirst();
            }
        }
    }

    /** Forgets the errors so far (before a load whose errors are to be reported). */
    static synchronized void clear() {
        ERRORS.clear();
    }

    /** The errors llama.cpp logged since {@link #clear}, oldest first. */
    static synchronized List<String> errors() {
        return List.copyOf(ERRORS);
    }
}
