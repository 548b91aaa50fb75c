package org.winterwatch.coordinator.mqtt;

import java.time.Duration;

/**
 * How long to wait before the next connection attempt: 0.5 s, doubling up to 4 s, back to 0.5 s once connected. The
 * cap is below 5 s so that the coordinator is back within about 5 s of a broker that returns after any outage.
 */
final class ReconnectBackoff {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration MOST = Duration.ofSeconds(4);

    private Duration next = FIRST;

    /** The wait before the coming attempt; each call doubles the one after, up to {@link #MOST}. */
    synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MOST) > 0 ? MOST : doubled;
        return now;
    }

    synchronized void reset() {
        next = FIRST;
    }
}
