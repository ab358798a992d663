package dev.symphony.sdk.services;

import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.ProcessProtocol;

import java.util.List;

/** Brokered process start (the kernel runs it), allowed only with {@code "processes": true}. */
public final class HostProcesses {
    private final Broker broker;
    private final PermissionChecker permissions;

    HostProcesses(Broker broker, PermissionChecker permissions) {
        this.broker = broker;
        this.permissions = permissions;
    }

    public ProcessProtocol.RunResult run(List<String> command, String workingDir, long timeoutMs) {
        if (!permissions.canSpawnProcesses()) {
            throw KernelServices.denied(broker, BrokerProtocol.PROCESS_RUN, String.join(" ", command));
        }
        var a = broker.request(BrokerProtocol.PROCESS_RUN, new ProcessProtocol.Run(command, workingDir, timeoutMs));
        return new ProcessProtocol.RunResult(a.path("exitCode").asInt(), a.path("stdout").asText(), a.path("stderr").asText());
    }
}
