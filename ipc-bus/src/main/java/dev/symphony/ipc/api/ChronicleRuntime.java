package dev.symphony.ipc.api;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.posix.PosixAPI;

/**
 * Chronicle's one-time initialisation, done once per JVM and as cheaply as the bus allows.
 * <p>
 * Chronicle Core preloads its POSIX binding (JNR-FFI, which generates native-call stubs with ASM)
 * when its {@code Jvm} class initialises: about 150 ms of CPU in every JVM — a third of a host
 * JVM's start. The bus never uses that binding: it is only called for {@code msync} under a
 * non-default sync mode, micro-touching and the POSIX clock, none of which the bus configures
 * ({@link dev.symphony.ipc.internal.QueuePair}). So the no-op binding is installed before
 * Chronicle Core initialises.
 */
public final class ChronicleRuntime {
    static {
        PosixAPI.useNoOpPosixApi();
    }

    private ChronicleRuntime() {
    }

    /**
     * Installs the no-op POSIX binding; cheap. Every class of the bus that touches Chronicle calls
     * this from its static initialiser, so it always runs before Chronicle Core initialises.
     */
    public static void configure() {
        // the static initialiser did the work
    }

    /** Runs Chronicle's one-time initialisation now (idempotent; it takes a few hundred ms of CPU). */
    public static void prepare() {
        try {
            Class.forName(SingleChronicleQueueBuilder.class.getName(), true, ChronicleRuntime.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Chronicle Queue is not on the class path", e);
        }
    }

    /** Starts {@link #prepare()} on a daemon thread, so that it overlaps other start-up work. */
    public static Thread prepareInBackground() {
        Thread t = new Thread(ChronicleRuntime::prepare, "chronicle-init");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
