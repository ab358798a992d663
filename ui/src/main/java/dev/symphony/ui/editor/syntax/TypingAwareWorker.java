package dev.symphony.ui.editor.syntax;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The syntax sessions' one worker thread, which steps aside while the person types: after each edit
 * it waits {@link #QUIET_NANOS} before starting its next task, so tokenizing the rest of a 100 MB file
 * does not compete with the keystroke's frame for one of the two cores. A task already running (a
 * slice of at most a few ms) finishes; the lines on screen are re-styled right after the burst.
 */
final class TypingAwareWorker implements Executor {
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private volatile long quietUntil;

    TypingAwareWorker(String name) {
        Thread thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** An edit happened: hold off for a moment. */
    void typed() {
        quietUntil = System.nanoTime() + QUIET_NANOS;
    }

    private void loop() {
        while (true) {
            try {
                Runnable task = tasks.take();
                long wait;
                while ((wait = quietUntil - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                task.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // one session's failure must not stop highlighting for the others; the document stays plain
                System.err.println("syntax worker: a highlighting task failed: " + e);
            }
        }
    }
}
