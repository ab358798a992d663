package dev.symphony.sdk.services;

import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.NetworkProtocol;

import java.net.URI;

/** Brokered HTTP GET to the hosts the manifest lists. */
public final class HostNetwork {
    private final Broker broker;
    private final PermissionChecker permissions;

    HostNetwork(Broker broker, PermissionChecker permissions) {
        this.broker = broker;
        this.permissions = permissions;
    }

    public NetworkProtocol.FetchResult fetch(String url, long timeoutMs) {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        if (uri.getHost() == null || !permissions.canConnect(uri.getHost(), port)) {
            throw KernelServices.denied(broker, BrokerProtocol.NETWORK_FETCH, url);
        }
        var answer = broker.request(BrokerProtocol.NETWORK_FETCH, new NetworkProtocol.Fetch(url, timeoutMs));
        return new NetworkProtocol.FetchResult(answer.path("status").asInt(), answer.path("body").asText());
    }
}
