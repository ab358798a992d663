package dev.symphony.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The platform's own cost of waking a process that has slept for a while, without the bus: a child
 * JVM blocked reading a pipe is woken by one byte and answers with one byte (the same kind of wake-up
 * as the bus's doorbell). On a VM whose idle vCPUs halt and whose idle memory goes cold this takes
 * milliseconds, and it bounds what any transport that sleeps rather than spins can do for a first
 * call after idle. {@code bench ipc} reports it beside {@code firstCallAfterIdleUs}.
 */
final class WakeBaseline implements AutoCloseable {
    private final Process child;
    private final OutputStream toChild;
    private final InputStream fromChild;

    WakeBaseline() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m",
                "-cp", System.getProperty("java.class.path"), WakeBaseline.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toChild = child.getOutputStream();
        fromChild = child.getInputStream();
    }

    /** One round trip to the (sleeping) child, in nanoseconds. */
    long roundTrip() throws IOException {
        long t0 = System.nanoTime();
        toChild.write(1);
        toChild.flush();
        if (fromChild.read() < 0) {
            throw new IOException("the echo process ended");
        }
        return System.nanoTime() - t0;
    }

    @Override
    public void close() {
        child.destroy();
    }

    /** The child: echoes each byte of stdin to stdout until stdin closes. */
    public static void main(String[] args) throws IOException {
        int b;
        while ((b = System.in.read()) >= 0) {
            System.out.write(b);
            System.out.flush();
        }
    }
}
