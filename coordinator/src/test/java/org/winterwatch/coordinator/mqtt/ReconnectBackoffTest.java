package org.winterwatch.coordinator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void waitsHalfASecondThenDoublesUpToFourSeconds() {
        ReconnectBackoff backoff = new ReconnectBackoff();

        assertThat(IntStream.range(0, 6).mapToObj(i -> backoff.next().toMillis()))
                .containsExactly(500L, 1000L, 2000L, 4000L, 4000L, 4000L);
    }

    @Test
    void startsOverAtHalfASecondOnceConnected() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }
}
