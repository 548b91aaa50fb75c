package org.winterwatch.coordinator.http;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token: {@code burst} requests at once, refilled at {@code perSecond}. One runaway client (a
 * dashboard stuck in a loop, a leaked token) then cannot starve the others or the alert worker.
 */
final class RateLimiter {

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new HashMap<>();

    RateLimiter(double perSecond, int burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Keys kept at most; beyond, buckets that have filled up again are forgotten (they hold nothing). */
    private static final int MAX_KEYS = 10_000;

    /** Takes one request for {@code key}; returns 0 when allowed, else the whole seconds to wait before trying again. */
    synchronized long take(String key) {
        double[] b = refilled(key);
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return secondsUntilOne(b);
    }

    /** Like {@link #take} but takes nothing: 0 while {@code key} has a request left, else the seconds to wait. */
    synchronized long waitFor(String key) {
        double[] b = refilled(key);
        return b[0] >= 1 ? 0 : secondsUntilOne(b);
    }

    private long secondsUntilOne(double[] b) {
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perSecond));
    }

    private double[] refilled(String key) {
        long now = nanos.getAsLong();
        if (buckets.size() >= MAX_KEYS && !buckets.containsKey(key)) {
            buckets.values().removeIf(old -> old[0] + (now - (long) old[1]) / 1e9 * perSecond >= burst);
        }
        // bucket: [tokens left, time of the last refill in nanoseconds]
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
        b[1] = now;
        return b;
    }
}
