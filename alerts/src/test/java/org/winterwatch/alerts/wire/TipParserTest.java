package org.winterwatch.alerts.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TipParserTest {

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final TipParser parser = new TipParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6),
            Duration.ofMinutes(2));

    private static byte[] tip(String observedAt) {
        return ("{\"id\":\"t-1\",\"reporter\":\"courier-7\",\"reporterRole\":\"courier\",\"lat\":40.09,\"lon\":113.33,"
                + "\"observedAt\":\"" + observedAt + "\",\"note\":\"someone under the bridge\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTipFromAPhoneWhoseClockRunsAMinuteFastIsTakenAsSeenNow() throws Exception {
        assertThat(parser.parse(tip("2026-01-05T19:01:00Z")).observedAt()).isEqualTo(NOW);
    }

    @Test
    void aTipBeyondTheSkewIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parser.parse(tip("2026-01-05T19:10:00Z")))
                .isInstanceOf(InboundRejection.class)
                .hasMessageStartingWith("observedAt: 2026-01-05T19:10:00Z is 600 s in the future");
    }
}
