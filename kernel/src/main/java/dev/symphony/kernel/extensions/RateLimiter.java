package dev.symphony.kernel.extensions;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets per caller → callee pair: a burst of one second's worth, refilled continuously. */
final class RateLimiter {
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;
    }

    RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    boolean tryAcquire(String key, double perSecond) {
        Bucket b = buckets.computeIfAbsent(key, k -> {
            Bucket n = new Bucket();
            n.tokens = Math.max(1, perSecond);
            n.last = nanoClock.getAsLong();
            return n;
        });
        synchronized (b) {
            long now = nanoClock.getAsLong();
            b.tokens = Math.min(Math.max(1, perSecond), b.tokens + (now - b.last) / 1e9 * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
