package org.winterwatch.alerts.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceClocksTest {

    private static final Instant T0 = Instant.parse("2026-01-05T19:00:00Z");
    private final SourceClocks clocks = new SourceClocks();

    @Test
    void aSensorWhoseClockRunsAMinuteFastIsReportedAheadByAMinute() {
        // given a sensor stamping its readings a minute ahead, and one on time seen after 300 ms on the way
        clocks.record("atm-01-motion", T0.plusSeconds(60), T0);
        clocks.record("drone-1", T0.minusMillis(300), T0);

        // when the health check asks
        SourceClocks.Report report = clocks.report(10);

        // then only the fast one counts as ahead, by the minute
        assertThat(report.sources()).isEqualTo(2);
        assertThat(report.sourcesAhead()).isEqualTo(1);
        assertThat(report.worst()).hasValueSatisfying(w -> {
            assertThat(w.source()).isEqualTo("atm-01-motion");
            assertThat(w.last()).isEqualTo(Duration.ofSeconds(60));
            assertThat(w.lastSeen()).isEqualTo(T0);
        });
    }

    @Test
    void aSourceWithinASecondOfTheCoordinatorIsNotAhead() {
        clocks.record("cv-02-thermal", T0.plusMillis(900), T0);

        assertThat(clocks.report(10).sourcesAhead()).isZero();
        assertThat(clocks.report(10).worst()).isEmpty();
    }

    @Test
    void theSmoothedOffsetFollowsTheReadingsWhileTheLastOneIsKeptAsIs() {
        // given a sensor 10 s ahead, then set right
        clocks.record("s-1", T0.plusSeconds(10), T0);
        clocks.record("s-1", T0.plusSeconds(60), T0.plusSeconds(60));

        SourceClocks.Offset offset = clocks.of("s-1").orElseThrow();

        // then the latest reading is 0, the smoothed one remembers some of the 10 s, and two readings were made
        assertThat(offset.last()).isZero();
        assertThat(offset.smoothed()).isEqualTo(Duration.ofSeconds(8));
        assertThat(offset.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(offset.readings()).isEqualTo(2);
        assertThat(offset.ahead()).isFalse();
    }

    @Test
    void theSourcesHeardFromLongestAgoAreForgottenFirst() {
        SourceClocks small = new SourceClocks(2);
        small.record("a", T0.plusSeconds(30), T0);
        small.record("b", T0.plusSeconds(30), T0);
        small.record("a", T0.plusSeconds(31), T0.plusSeconds(1));   // a is heard again: b is now the oldest

        small.record("c", T0.plusSeconds(32), T0.plusSeconds(2));

        assertThat(small.report(10).sources()).isEqualTo(2);
        assertThat(small.of("b")).isEmpty();
        assertThat(small.of("a")).isPresent();
        assertThat(small.of("c")).isPresent();
    }

    @Test
    void theReportListsTheFurthestAheadFirstAndNoMoreThanAsked() {
        for (int i = 1; i <= 5; i++) {
            clocks.record("s-" + i, T0.plusSeconds(10L * i), T0);
        }

        SourceClocks.Report report = clocks.report(3);

        assertThat(report.sourcesAhead()).isEqualTo(5);
        assertThat(report.ahead()).extracting(SourceClocks.Offset::source).containsExactly("s-5", "s-4", "s-3");
    }
}
