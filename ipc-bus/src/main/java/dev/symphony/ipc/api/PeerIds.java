package dev.symphony.ipc.api;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit number that stands for a peer's name in the fixed header (FNV-1a of the UTF-8 name):
 * both processes compute it from the id string, so nothing has to be agreed at run time.
 */
public final class PeerIds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PeerIds() {
    }

    public static long hash(String peerName) {
        long hash = FNV_OFFSET;
        for (byte b : peerName.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
