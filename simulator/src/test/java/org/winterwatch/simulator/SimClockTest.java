package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimClockTest {

    private static final Instant T0 = Instant.parse("2025-01-10T22:00:00Z");

    @Test
    void manualClockMovesOnlyWhenAdvanced() {
        SimClock clock = SimClock.manual(T0);
        List<Duration> steps = new ArrayList<>();
        clock.onAdvance((from, to) -> steps.add(Duration.between(from, to)));

        assertThat(clock.now()).isEqualTo(T0);
        clock.advance(Duration.ofSeconds(90));

        assertThat(clock.now()).isEqualTo(T0.plusSeconds(90));
        assertThat(clock.asClock().instant()).isEqualTo(T0.plusSeconds(90));
        assertThat(steps).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void timeNeverGoesBack() {
        SimClock clock = SimClock.manual(T0);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRealTimeTickIsWorthTickTimesSpeedup() {
        SimClock clock = SimClock.startingAt(T0, 20);

        assertThat(clock.tickDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(clock.speedup()).isEqualTo(20);
    }
}
