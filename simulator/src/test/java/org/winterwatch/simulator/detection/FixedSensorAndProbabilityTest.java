package org.winterwatch.simulator.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.SimPerson;
import org.winterwatch.simulator.flight.SimDrone;
import org.winterwatch.simulator.world.Decoy;
import org.winterwatch.simulator.world.FixedSensorSpec;

class FixedSensorAndProbabilityTest {

    private static final Instant T0 = Instant.parse("2025-01-10T22:00:00Z");
    private static final LatLon LOBBY = new LatLon(40.0880, 113.3342);

    @Test
    void detectionGetsLessLikelyHigherUpWithLessContrastAndUnderCover() {
        assertThat(ThermalCamera.detectionProbability(40, 48, 0)).isEqualTo(1.0);
        assertThat(ThermalCamera.detectionProbability(120, 48, 0)).isBetween(0.2, 0.6);
        assertThat(ThermalCamera.detectionProbability(300, 48, 0)).isZero();
        assertThat(ThermalCamera.detectionProbability(40, 8, 0)).isBetween(0.3, 0.6);
        assertThat(ThermalCamera.detectionProbability(40, 48, 0.6)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aPersonUnderABridgeDeckIsFoundOnlyOnSomePasses() {
        SimPerson underDeck = new SimPerson("p", new LatLon(40.0950, 113.3420), 30, "br-01", 0, Double.POSITIVE_INFINITY,
                0.6, List.of(), 0);
        OnboardDetector detector = new OnboardDetector("drone-1", List.of(underDeck), List.of(), -18, 3, T0);
        SimDrone.Leg over = new SimDrone.Leg(underDeck.position(), underDeck.position(), 40, 40, 0, true);

        int found = 0;
        for (int pass = 0; pass < 200; pass++) {
            found += detector.look(over, T0.plusSeconds(61L * pass)).size();
        }

        assertThat(found).isBetween(60, 100);
    }

    @Test
    void aWarmVentGivesFalsePositivesAtItsRateWithLowConfidence() {
        Decoy vent = new Decoy("vent-1", "vent", new LatLon(40.0950, 113.3400), 35, 0.3);
        OnboardDetector detector = new OnboardDetector("drone-1", List.of(), List.of(vent), -18, 5, T0);
        SimDrone.Leg over = new SimDrone.Leg(vent.position(), vent.position(), 40, 40, 0, true);

        List<Detection> found = new ArrayList<>();
        for (int pass = 0; pass < 300; pass++) {
            found.addAll(detector.look(over, T0.plusSeconds(61L * pass)));
        }

        assertThat(found.size()).isBetween(65, 115);
        assertThat(found).allSatisfy(d -> {
            assertThat(d.confidence()).isLessThanOrEqualTo(OnboardDetector.MAX_DECOY_CONFIDENCE);
            assertThat(d.siteId()).isNull();
        });
    }

    @Test
    void anAtmMotionSensorReportsSomeoneInTheLobbyEveryPeriodOnceTheyArrive() {
        SimPerson late = new SimPerson("p", LOBBY, 31, "atm-01", 120, 600, 0, List.of(), 0);
        FixedSensor sensor = new FixedSensor(new FixedSensorSpec("atm-01-motion", FixedSensorSpec.Kind.MOTION, LOBBY,
                "atm-01", 6, 30, 0), List.of(late), -18, 9, T0);

        assertThat(sensor.look(T0.plusSeconds(119))).isEmpty();
        List<Detection> whileThere = sensor.look(T0.plusSeconds(599));
        List<Detection> after = sensor.look(T0.plusSeconds(1200));

        assertThat(whileThere.size()).isBetween(13, 16);
        assertThat(whileThere).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Detection.MOTION);
            assertThat(d.source()).isEqualTo("atm-01-motion");
            assertThat(d.siteId()).isEqualTo("atm-01");
            assertThat(DetectionJson.write(d, T0)).contains("\"kind\":\"motion\"").doesNotContain("tempC");
        });
        assertThat(after).isEmpty();
    }

    @Test
    void aSensorWithAFalseRateTriggersRoughlyThatOftenOnAnEmptyLobby() {
        FixedSensor sensor = new FixedSensor(new FixedSensorSpec("atm-01-motion", FixedSensorSpec.Kind.MOTION, LOBBY,
                "atm-01", 6, 30, 6), List.of(), -18, 11, T0);

        int spurious = sensor.look(T0.plusSeconds(100 * 3600)).size();

        assertThat(spurious).isBetween(480, 720);
    }
}
