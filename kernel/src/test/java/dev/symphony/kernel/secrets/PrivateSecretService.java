package dev.symphony.kernel.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service for a test: its own D-Bus session bus ({@code dbus-daemon}) and {@code gnome-keyring-daemon}
 * on it, both with a home of their own under a temporary folder, so nothing touches the machine's keyrings. Unlocked
 * with a password given on its standard input (as a desktop login does), or started without one: then it has no
 * open keyring and would have to prompt, which it cannot do without a display.
 */
final class PrivateSecretService implements AutoCloseable {
    private final Process bus;
    private final Process keyring;
    private final Map<String, String> environment = new HashMap<>();

    /** True where both daemons are installed (Linux; `.ci/run` installs them). */
    static boolean available() {
        return onPath("dbus-daemon") && onPath("gnome-keyring-daemon") && onPath("dbus-send");
    }

    PrivateSecretService(Path folder, String unlockPassword) throws IOException, InterruptedException {
        Path home = Files.createDirectories(folder.resolve("home"));
        Path runtime = Files.createDirectories(folder.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        environment.put("HOME", home.toString());
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        bus = start("dbus-daemon", "--session", "--nofork", "--print-address=1");
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (address == null || !address.startsWith("unix:")) {
            close();
            throw new IOException("dbus-daemon printed no bus address (" + address + ")");
        }
        environment.put("DBUS_SESSION_BUS_ADDRESS", address);
        keyring = unlockPassword == null
                ? start("gnome-keyring-daemon", "--foreground", "--components=secrets", "--start")
                : start("gnome-keyring-daemon", "--foreground", "--components=secrets", "--unlock");
        if (unlockPassword != null) {
            keyring.getOutputStream().write(unlockPassword.getBytes(StandardCharsets.UTF_8));
        }
        keyring.getOutputStream().close();
        awaitName("org.freedesktop.secrets");
    }

    /** What a process needs to find this Secret Service (and its home). */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The folder gnome-keyring keeps its keyrings in. */
    Path keyrings() {
        return Path.of(environment.get("XDG_DATA_HOME"), "keyrings");
    }

    private Process start(String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        return pb.start();
    }

    /** Waits until the daemon owns its name on the bus: before that, a call would have the bus start another one. */
    private void awaitName(String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Process ask = start("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner", "string:" + name);
            String reply = new String(ask.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ask.waitFor(10, TimeUnit.SECONDS);
            if (reply.contains("boolean true")) {
                return;
            }
            if (!keyring.isAlive()) {
                close();
                throw new IOException("gnome-keyring-daemon ended (exit " + keyring.exitValue() + ") before it owned " + name);
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("gnome-keyring-daemon did not own " + name + " on its bus within 20 s");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Ends both daemons (forcibly after 5 s each); an interrupt ends them at once and is kept for the caller. */
    @Override
    public void close() {
        for (Process p : new Process[] {keyring, bus}) {
            if (p != null) {
                p.destroy();
                try {
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
