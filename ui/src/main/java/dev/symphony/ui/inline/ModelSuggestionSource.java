package dev.symphony.ui.inline;

import dev.symphony.editor.text.Rope;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.models.InlineCompletion;
import dev.symphony.kernel.models.ModelInstruments;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.settings.SettingsService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Suggestions from the model of the setting {@code models.inline} through the kernel ({@link InlineCompletion}: the
 * Instrument's {@code complete} capability), on two background threads at the lowest priority shared by every editor
 * of the window. Asks nothing, and answers "", while {@code models.inline} is empty. A cancel closes the kernel stream.
 */
public final class ModelSuggestionSource implements InlineSuggestions.Source, AutoCloseable {
    private final CompletableFuture<Kernel> kernel;
    private final SettingsService settings;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "inline-suggestions");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile String resolvedName;
    private volatile ServedModel resolved;

    public ModelSuggestionSource(CompletableFuture<Kernel> kernel, SettingsService settings) {
        this.kernel = kernel;
        this.settings = settings;
    }

    @Override
    public InlineSuggestions.Pending request(InlineSuggestions.Context context, Consumer<String> answer, Consumer<Throwable> failed) {
        String name = settings.getString("models.inline");
        if (name == null || name.isBlank()) {
            answer.accept("");
            return () -> { };
        }
        Duration timeout = Duration.ofMillis(settings.getInt("models.timeoutMs"));
        Rope text = context.text();
        int caret = context.caret();
        InlineCompletion[] call = new InlineCompletion[1];
        boolean[] cancelled = {false};
        Future<?> job = workers.submit(() -> {
            try {
                Kernel k = kernel.join();
                ServedModel model = model(k, name);
                InlineCompletion c = new InlineCompletion(k);
                synchronized (call) {
                    if (cancelled[0]) {
                        return;
                    }
                    call[0] = c;
                }
                String prefix = text.substring(Math.max(0, caret - InlineCompletion.PREFIX_CHARS), caret);
                String suffix = text.substring(caret, Math.min(text.length(), caret + InlineCompletion.SUFFIX_CHARS));
                answer.accept(c.complete(model, prefix, suffix, timeout));
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        });
        return () -> {
            synchronized (call) {
                cancelled[0] = true;
                if (call[0] != null) {
                    call[0].cancel();
                }
            }
            job.cancel(false);
        };
    }

    private ServedModel model(Kernel k, String name) {
        if (!name.equals(resolvedName) || resolved == null) {
            resolved = new ModelInstruments(k).find(name);
            resolvedName = name;
        }
        return resolved;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
