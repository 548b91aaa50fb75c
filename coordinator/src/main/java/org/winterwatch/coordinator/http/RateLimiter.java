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

    /** Takes one request for {@code key}; returns 0 when allowed, else the whole seconds to wait before trying again. */
    synchronized long take(String key) {
        long now = nanos.getAsLong();
        // bucket: [tokens left, time of the last refill in nanoseconds]
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perSecond));
    }
}
