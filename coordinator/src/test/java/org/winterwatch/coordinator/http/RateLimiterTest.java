package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void aTokenGetsItsBurstThenWaitsForTheRefillWhileOtherTokensGoOn() {
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).as("fourth at once: wait a second").isEqualTo(1);
        assertThat(limiter.take("b")).as("another token has its own bucket").isZero();

        now.addAndGet(500_000_000L); // half a second refills one request at 2 per second
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isEqualTo(1);

        now.addAndGet(60_000_000_000L); // a quiet minute refills only up to the burst
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isEqualTo(1);
    }

    @Test
    void aSlowLimitSaysHowManySecondsToWait() {
        RateLimiter slow = new RateLimiter(0.1, 1, now::get);
        assertThat(slow.take("a")).isZero();
        assertThat(slow.take("a")).isEqualTo(10);
    }
}
