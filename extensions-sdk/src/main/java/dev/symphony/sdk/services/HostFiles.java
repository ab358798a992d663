package dev.symphony.sdk.services;

import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.FilesProtocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Brokered file access; relative paths are relative to the workspace. */
public final class HostFiles {
    private final Broker broker;
    private final PermissionChecker permissions;
    private final PermissionChecker.Roots roots;

    HostFiles(Broker broker, PermissionChecker permissions, PermissionChecker.Roots roots) {
        this.broker = broker;
        this.permissions = permissions;
        this.roots = roots;
    }

    private Path resolve(String path) {
        return roots.workspace().resolve(path).toAbsolutePath().normalize();
    }

    public String read(String path) {
        Path p = resolve(path);
        if (!permissions.canRead(p)) {
            throw KernelServices.denied(broker, BrokerProtocol.FILES_READ, p.toString());
        }
        return broker.request(BrokerProtocol.FILES_READ, new FilesProtocol.Read(p.toString())).path("text").asText();
    }

    public void write(String path, String text) {
        Path p = resolve(path);
        if (!permissions.canWrite(p)) {
            throw KernelServices.denied(broker, BrokerProtocol.FILES_WRITE, p.toString());
        }
        broker.request(BrokerProtocol.FILES_WRITE, new FilesProtocol.Write(p.toString(), text));
    }

    public List<String> list(String path) {
        Path p = resolve(path);
        if (!permissions.canRead(p.resolve("x"))) {
            throw KernelServices.denied(broker, BrokerProtocol.FILES_LIST, p.toString());
        }
        List<String> names = new ArrayList<>();
        broker.request(BrokerProtocol.FILES_LIST, new FilesProtocol.ListDir(p.toString())).path("names")
                .forEach(n -> names.add(n.asText()));
        return names;
    }
}
