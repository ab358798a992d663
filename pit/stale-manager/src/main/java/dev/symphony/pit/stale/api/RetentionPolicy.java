package dev.symphony.pit.stale.api;

import java.time.Duration;

/**
 * When items move between tiers. Ages are since last access and are divided by
 * {@code 1 + trainingValueBoost × trainingValue}: an item the conductor's policy can learn from (value 1)
 * with boost 3 stays four times longer in each tier, and is the last to go under budget pressure.
 *
 * @param hotWindow          unused this long → WARM
 * @param localRetention     unused this long → COLD (archive); e.g. "keep locally one month"
 * @param coldRetention      unused this long in the archive → DELETED even without pressure;
 *                           {@link #FOREVER} = delete only when the archive budget forces it
 * @param trainingValueBoost how much training value stretches the windows (≥ 0)
 */
public record RetentionPolicy(Duration hotWindow, Duration localRetention, Duration coldRetention,
                              float trainingValueBoost) {
    public static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    public RetentionPolicy {
        if (hotWindow.isNegative() || localRetention.compareTo(hotWindow) < 0 || coldRetention.compareTo(localRetention) < 0) {
            throw new IllegalArgumentException("retention windows must satisfy 0 <= hotWindow <= localRetention <= "
                    + "coldRetention, got " + hotWindow + ", " + localRetention + ", " + coldRetention);
        }
        if (!(trainingValueBoost >= 0)) {
            throw new IllegalArgumentException("trainingValueBoost must be >= 0 but was " + trainingValueBoost);
        }
    }

    /** The seed's policy: hot for a day, local for a month, archived until the archive budget needs room. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(30), FOREVER, 3f);
    }
}
