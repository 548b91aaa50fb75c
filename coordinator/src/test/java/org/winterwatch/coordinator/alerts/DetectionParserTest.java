package org.winterwatch.coordinator.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionParserTest {

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final DetectionParser parser = new DetectionParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6));

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAContractDetectionWithItsOptionalFields() throws Exception {
        Detection d = parser.parse("drone-1", json("{'id':'d-1','source':'drone-1','kind':'thermal','lat':40.09,'lon':113.33,"
                + "'observedAt':'2026-01-05T18:59:00Z','confidence':0.8,'tempC':31.5,'siteId':'br-01','headingDeg':90}"));

        assertThat(d.id()).isEqualTo("d-1");
        assertThat(d.kind()).isEqualTo(DetectionKind.THERMAL);
        assertThat(d.tempC()).isEqualTo(31.5);
        assertThat(d.siteId()).isEqualTo("br-01");
        assertThat(d.observedAt()).isEqualTo(Instant.parse("2026-01-05T18:59:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                | {oops                                                                                                                        | not valid JSON",
            "missing id              | {'source':'drone-1','kind':'thermal','lat':40,'lon':113,'observedAt':'2026-01-05T18:59:00Z','confidence':0.8}              | id: missing",
            "source not the topic's  | {'id':'x','source':'drone-2','kind':'thermal','lat':40,'lon':113,'observedAt':'2026-01-05T18:59:00Z','confidence':0.8}    | does not match the topic",
            "unknown kind            | {'id':'x','source':'drone-1','kind':'radar','lat':40,'lon':113,'observedAt':'2026-01-05T18:59:00Z','confidence':0.8}      | kind: 'radar'",
            "lat out of range        | {'id':'x','source':'drone-1','kind':'thermal','lat':140,'lon':113,'observedAt':'2026-01-05T18:59:00Z','confidence':0.8}   | lat: 140.0 is outside",
            "lat as string           | {'id':'x','source':'drone-1','kind':'thermal','lat':'40','lon':113,'observedAt':'2026-01-05T18:59:00Z','confidence':0.8}  | lat: must be a number",
            "confidence above one    | {'id':'x','source':'drone-1','kind':'thermal','lat':40,'lon':113,'observedAt':'2026-01-05T18:59:00Z','confidence':1.8}    | confidence: 1.8 is outside",
            "timestamp in the future | {'id':'x','source':'drone-1','kind':'thermal','lat':40,'lon':113,'observedAt':'2026-01-05T20:00:00Z','confidence':0.8}    | in the future",
            "stale timestamp         | {'id':'x','source':'drone-1','kind':'thermal','lat':40,'lon':113,'observedAt':'2026-01-04T20:00:00Z','confidence':0.8}    | older than 360 minutes",
            "timestamp not ISO       | {'id':'x','source':'drone-1','kind':'thermal','lat':40,'lon':113,'observedAt':'yesterday','confidence':0.8}               | not an ISO-8601",
            "array payload           | [1,2]                                                                                                                        | must be a JSON object",
    })
    void rejectsBadDetectionsNamingTheFieldAndWhy(String what, String payload, String reason) {
        assertThatThrownBy(() -> parser.parse("drone-1", json(payload)))
                .isInstanceOf(InboundRejection.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsOversizedPayloads() {
        byte[] big = new byte[DetectionParser.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> parser.parse("drone-1", big)).hasMessageContaining("the limit is");
    }
}
