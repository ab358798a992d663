package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts host processes from one long-lived thread. Bubblewrap's {@code --die-with-parent} is Linux's
 * {@code PR_SET_PDEATHSIG}, which fires when the <em>thread</em> that forked the process ends, not the process:
 * a host started from a short-lived thread (a warm-up request, a parallel startup activation, a caller's pool
 * thread that times out) was killed (exit 137) as soon as that thread finished.
 */
final class HostSpawner implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "host-spawner");
        t.setDaemon(true);
        return t;
    });

    Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = thread.submit(builder::start);
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // it may still start: make sure it does not run unowned
            thread.execute(() -> {
                try {
                    started.get().destroyForcibly();
                } catch (Exception ignored) {
                    // it did not start
                }
            });
            throw new IOException("interrupted while starting " + builder.command().get(0), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
