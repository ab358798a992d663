package dev.symphony.ipc.api;

import org.agrona.concurrent.Agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent that pumps a set of endpoints (the kernel: all hosts; a host: its one channel) and
 * sends their heartbeats. Run it with an {@link org.agrona.concurrent.AgentRunner} and a
 * {@link DoorbellIdleStrategy}, which sleeps in {@link #sleep} once backing off is not enough.
 */
public final class EndpointPump implements Agent {
    private static final int BATCH = 64;
    private final String roleName;
    private final boolean sendsHeartbeats;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Endpoint> toRegister = new ConcurrentLinkedQueue<>();
    private final Selector selector;

    public EndpointPump(String roleName, boolean sendsHeartbeats) {
        this.roleName = roleName;
        this.sendsHeartbeats = sendsHeartbeats;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(Endpoint endpoint) {
        endpoints.add(endpoint);
        toRegister.add(endpoint);
        selector.wakeup();
    }

    public void remove(Endpoint endpoint) {
        endpoints.remove(endpoint);
        SelectionKey key = endpoint.doorbell().channel().keyFor(selector);
        if (key != null) {
            key.cancel();
        }
        selector.wakeup();
    }

    @Override
    public int doWork() {
        int work = 0;
        long now = sendsHeartbeats ? System.nanoTime() : 0;
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.isClosed()) {
                work += endpoint.doWork(BATCH);
                if (sendsHeartbeats) {
                    endpoint.heartbeatIfDue(now);
                }
            }
        }
        return work;
    }

    /**
     * Sleeps until a peer rings or {@code timeoutMillis} pass, unless a message slipped in after
     * this side announced it sleeps. While another thread pumps an endpoint, naps instead: that
     * thread reads the queue, and announcing sleep would make the peer ring for every message.
     */
    void sleep(long timeoutMillis) {
        registerNew();
        if (sendsHeartbeats) {
            long now = System.nanoTime();
            long wanted = Long.MAX_VALUE;
            for (Endpoint endpoint : endpoints) {
                if (endpoint.heartbeatsWanted(now)) {
                    wanted = Math.min(wanted, endpoint.heartbeatIntervalMillis());
                }
            }
            timeoutMillis = Math.min(timeoutMillis, wanted);
        }
        for (Endpoint endpoint : endpoints) {
            if (endpoint.isClosed()) {
                remove(endpoint);
            } else if (endpoint.pumpedElsewhere()) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                return;
            }
        }
        for (Endpoint endpoint : endpoints) {
            endpoint.doorbell().announceSleeping();
        }
        try {
            if (doWork() == 0) {
                selector.select(timeoutMillis);
                for (SelectionKey key : selector.selectedKeys()) {
                    Endpoint endpoint = (Endpoint) key.attachment();
                    if (!endpoint.doorbell().drain()) {
                        key.cancel();
                        endpoint.peerClosed();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Endpoint endpoint : endpoints) {
                endpoint.doorbell().clearSleeping();
            }
        }
    }

    private void registerNew() {
        Endpoint endpoint;
        while ((endpoint = toRegister.poll()) != null) {
            try {
                endpoint.doorbell().channel().register(selector, SelectionKey.OP_READ, endpoint);
            } catch (ClosedChannelException e) {
                endpoints.remove(endpoint);
            }
        }
    }

    @Override
    public void onClose() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public String roleName() {
        return roleName;
    }
}
