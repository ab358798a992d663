package dev.symphony.sdk.services;

import dev.symphony.contract.manifest.PermissionChecker;

/** The brokered services of one extension, all checked against its manifest's permissions. */
public final class KernelServices {
    private final Broker broker;
    private final HostFiles files;
    private final HostNetwork network;
    private final HostHttp http;
    private final HostProcesses processes;
    private final HostSettings settings;
    private final HostLog log;
    private final HostExtensions extensions;
    private final HostEvents events;
    private final PermissionChecker permissions;
    private final PermissionChecker.Roots roots;

    public KernelServices(Broker broker, PermissionChecker permissions, PermissionChecker.Roots roots) {
        this.broker = broker;
        this.permissions = permissions;
        this.roots = roots;
        this.files = new HostFiles(broker, permissions, roots);
        this.network = new HostNetwork(broker, permissions);
        this.http = new HostHttp(broker, permissions);
        this.processes = new HostProcesses(broker, permissions);
        this.settings = new HostSettings(broker);
        this.log = new HostLog(broker);
        this.extensions = new HostExtensions(broker);
        this.events = new HostEvents(broker);
    }

    /**
     * The open folder (the kernel's workspace). An extension that reads it directly (a library that needs real files,
     * like JGit) must check {@link #permissions()} first; the OS sandbox shows a host the workspace only as far as
     * its manifest grants {@code ${workspace}} (read-only, or read-write).
     */
    public java.nio.file.Path workspace() {
        return roots.workspace();
    }

    /**
     * The user's home folder as the kernel names it ({@code ${home}} in the manifest's globs). A sandboxed host does
     * not see it: read what the manifest grants under it through {@link #files()}, which the kernel reads for it.
     */
    public java.nio.file.Path home() {
        return roots.home();
    }

    /** This extension's manifest permissions, resolved against its roots (the same checks the brokered clients make). */
    public PermissionChecker permissions() {
        return permissions;
    }

    /** Other extensions (declared dependencies only). */
    public HostExtensions extensions() {
        return extensions;
    }

    public HostFiles files() {
        return files;
    }

    public HostNetwork network() {
        return network;
    }

    /** Brokered HTTP with any method, a body, kernel-injected secrets and a streamed response. */
    public HostHttp http() {
        return http;
    }

    public HostProcesses processes() {
        return processes;
    }

    public HostSettings settings() {
        return settings;
    }

    public HostLog log() {
        return log;
    }

    /** Events this extension announces (Melody triggers listen to them). */
    public HostEvents events() {
        return events;
    }

    /** The unchecked raw broker; the kernel still enforces permissions on everything sent through it. */
    public Broker broker() {
        return broker;
    }

    static dev.symphony.sdk.api.ExtensionException denied(Broker broker, String op, String resource) {
        broker.event(new dev.symphony.contract.protocol.LogProtocol.HostEvent("denied", "warn", op + " " + resource, null));
        return new dev.symphony.sdk.api.ExtensionException(dev.symphony.contract.ErrorCode.PERMISSION_DENIED,
                op + " of " + resource + " is not allowed by the extension's manifest permissions");
    }
}
