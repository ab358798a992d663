package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.kernel.settings.SettingsSchema;

import java.nio.file.Path;

/**
 * One extension as the kernel knows it: where it lives, its manifest, its state and (when active)
 * its host process. Mutable fields are guarded by the Player's monitor or volatile.
 */
public final class Player {
    private final String id;
    private final Path dir;
    private final Origin origin;
    volatile ExtensionManifest manifest;
    volatile PlayerState state = PlayerState.PENDING;
    volatile String problem;
    volatile PermissionChecker permissions;
    volatile PermissionChecker.Roots roots;
    volatile SettingsSchema settings;
    volatile HostProcess host;
    int restarts;
    final PlayerUsage usage = new PlayerUsage();
    long lastStartNanos;

    /** Where an extension comes from; it decides whether the user must approve its permissions and may remove it. */
    public enum Origin {
        /** Installed by the user ({@code symphony ext install}) into the data folder. */
        INSTALLED,
        /** Shipped with the installed product (an unpacked archive in its read-only install folder). */
        BUNDLED,
        /** A module of a source checkout (PF4J development mode). */
        SOURCE
    }

    Player(String id, Path dir, Origin origin) {
        this.id = id;
        this.dir = dir;
        this.origin = origin;
    }

    public String id() {
        return id;
    }

    /** The exploded archive, or in development mode the source module. */
    public Path dir() {
        return dir;
    }

    /** Loaded from a source checkout (PF4J development mode) rather than installed. */
    public boolean development() {
        return origin == Origin.SOURCE;
    }

    public Origin origin() {
        return origin;
    }

    /** Null when the manifest could not be read (then {@link #problem()} says why). */
    public ExtensionManifest manifest() {
        return manifest;
    }

    public PlayerState state() {
        return state;
    }

    /** Why the Player is FAILED, or null. */
    public String problem() {
        return problem;
    }

    /** The process id of the running host, or -1. */
    public long hostPid() {
        HostProcess h = host;
        return h == null ? -1 : h.pid();
    }

    /** Restarts since the host last ran fine for a while (or since enabled). */
    public int restarts() {
        return restarts;
    }

    /** Calls and failures in this kernel, with the host's memory and CPU time. */
    public PlayerUsage.Snapshot usage() {
        return usage.snapshot(hostPid());
    }

    /** Read without the monitor: the bus pump and the supervisor's tick must never wait for a host start. */
    HostProcess host() {
        return host;
    }
}
