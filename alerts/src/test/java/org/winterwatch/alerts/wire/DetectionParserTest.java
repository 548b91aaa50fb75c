package org.winterwatch.alerts.wire;

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
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.DetectionKind;
import org.winterwatch.alerts.clocks.SourceClocks;

class DetectionParserTest {

    private static final Instant NOW = Instant.parse("2026-01-05T19:00:00Z");
    private final DetectionParser parser = new DetectionParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6));

    private final SourceClocks clocks = new SourceClocks();
    private final DetectionParser skewed = new DetectionParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6),
            Duration.ofMinutes(2), clocks);

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] observedAt(String source, String observedAt) {
        return json("{'id':'d-1','source':'" + source + "','kind':'motion','lat':40.088,'lon':113.3342,"
                + "'observedAt':'" + observedAt + "','confidence':0.9}");
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
    void aSensorWhoseClockRunsAMinuteFastIsAcceptedAsSeenNow() throws Exception {
        // given a sensor whose clock runs a minute ahead of the coordinator's
        byte[] payload = observedAt("atm-01-motion", "2026-01-05T19:01:00Z");

        // when its detection arrives
        Detection d = skewed.parse("atm-01-motion", payload);

        // then it is accepted, clamped to the coordinator's now, and the sensor is noted as a minute ahead
        assertThat(d.observedAt()).isEqualTo(NOW);
        assertThat(clocks.of("atm-01-motion")).hasValueSatisfying(o -> assertThat(o.last()).isEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aDetectionExactlyTheSkewAheadIsStillAccepted() throws Exception {
        assertThat(skewed.parse("s-1", observedAt("s-1", "2026-01-05T19:02:00Z")).observedAt()).isEqualTo(NOW);
    }

    @Test
    void beyondTheSkewADetectionIsRefusedNamingTheFieldAndTheSettingButItsClockIsNoted() {
        assertThatThrownBy(() -> skewed.parse("s-1", observedAt("s-1", "2026-01-05T19:02:00.500Z")))
                .isInstanceOf(InboundRejection.class)
                .hasMessageStartingWith("observedAt: 2026-01-05T19:02:00.500Z is 120.5 s in the future")
                .hasMessageContaining("at most 120 s ahead")
                .hasMessageContaining("max_clock_skew_s");
        assertThat(clocks.report(10).worst()).hasValueSatisfying(w -> assertThat(w.source()).isEqualTo("s-1"));
    }

    @Test
    void theSkewIsSetByTheOperator() throws Exception {
        DetectionParser strict = new DetectionParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6), Duration.ZERO,
                new SourceClocks());
        DetectionParser lenient = new DetectionParser(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(6),
                Duration.ofMinutes(10), new SourceClocks());

        assertThatThrownBy(() -> strict.parse("s-1", observedAt("s-1", "2026-01-05T19:00:01Z")))
                .hasMessageContaining("at most 0 s ahead");
        assertThat(lenient.parse("s-1", observedAt("s-1", "2026-01-05T19:09:00Z")).observedAt()).isEqualTo(NOW);
    }

    @Test
    void aDetectionFromThePastKeepsItsOwnTime() throws Exception {
        assertThat(skewed.parse("s-1", observedAt("s-1", "2026-01-05T18:58:30Z")).observedAt())
                .isEqualTo(Instant.parse("2026-01-05T18:58:30Z"));
    }

    @Test
    void fieldsTheContractDoesNotNameSuchAsTheSimulatorsSimulatedAtAreIgnored() throws Exception {
        Detection d = parser.parse("drone-1", json("{'id':'d-1','source':'drone-1','kind':'thermal','lat':40.09,'lon':113.33,"
                + "'observedAt':'2026-01-05T18:59:00Z','simulatedAt':'2026-01-06T02:00:00Z','confidence':0.8,"
                + "'firmware':{'version':3}}"));

        assertThat(d.observedAt()).isEqualTo(Instant.parse("2026-01-05T18:59:00Z"));
    }

    @Test
    void rejectsOversizedPayloads() {
        byte[] big = new byte[DetectionParser.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> parser.parse("drone-1", big)).hasMessageContaining("the limit is");
    }
}
