package org.winterwatch.alerts.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimesTest {

    @Test
    void readsEveryPlainUtcTimeAsInstantParseDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(2_000_000_000) + 100_000_000L, random.nextInt(1_000_000_000));
            String text = random.nextBoolean() ? t.toString() : Instant.ofEpochSecond(t.getEpochSecond()).toString();
            assertThat(UtcTimes.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(UtcTimes.parse("2026-01-05T03:12:00.5Z")).isEqualTo(Instant.parse("2026-01-05T03:12:00.500Z"));
        assertThat(UtcTimes.parse("2028-02-29T23:59:59Z")).isEqualTo(Instant.parse("2028-02-29T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-05T10:60:00Z",
            "2026-01-05 10:00:00Z", "2026-01-05T10:00:00", "2026-01-05T10:00:00.1234567890Z",
            "2O26-01-05T10:00:00Z", "yesterday"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
