package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.HostState;

import java.util.Arrays;

/** Extension hosts: Player state and last heartbeat, indexed by host id. */
final class HostTable {
    private final String[] names;
    private final HostState[] states;
    private final long[] lastHeartbeatNanos;
    private int count;

    HostTable(final int capacity) {
        names = new String[capacity];
        states = new HostState[capacity];
        lastHeartbeatNanos = new long[capacity];
    }

    int register(final String name, final long nowNanos) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("host name must not be blank");
        }
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                throw new IllegalArgumentException("host '" + name + "' is already registered as id " + i);
            }
        }
        if (count == names.length) {
            throw new IllegalStateException("host table full (" + names.length + "); raise maxHosts in the context");
        }
        names[count] = name;
        states[count] = HostState.PENDING;
        lastHeartbeatNanos[count] = nowNanos;
        return count++;
    }

    void check(final int hostId) {
        if (hostId < 0 || hostId >= count) {
            throw new IllegalArgumentException("unknown host id " + hostId + " (registered: " + count + ")");
        }
    }

    boolean isValid(final int hostId) {
        return hostId >= 0 && hostId < count;
    }

    int count() {
        return count;
    }

    String name(final int hostId) {
        return names[hostId];
    }

    HostState state(final int hostId) {
        return states[hostId];
    }

    void state(final int hostId, final HostState state) {
        states[hostId] = state;
    }

    boolean canServe(final int hostId) {
        return states[hostId].canServe();
    }

    void heartbeat(final int hostId, final long nowNanos) {
        lastHeartbeatNanos[hostId] = nowNanos;
    }

    long lastHeartbeat(final int hostId) {
        return lastHeartbeatNanos[hostId];
    }

    @Override
    public String toString() {
        return "HostTable" + Arrays.toString(Arrays.copyOf(names, count));
    }
}
