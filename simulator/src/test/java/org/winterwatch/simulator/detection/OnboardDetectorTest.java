package org.winterwatch.simulator.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.SimPerson;
import org.winterwatch.simulator.flight.SimDrone;

class OnboardDetectorTest {

    private static final SimPerson UNDER_BRIDGE = new SimPerson("p-1", new LatLon(40.0950, 113.3420), 30, "br-01");
    private static final Instant T0 = Instant.parse("2025-01-10T22:00:00Z");

    private static SimDrone.Leg leg(LatLon from, LatLon to, double altitudeM) {
        return new SimDrone.Leg(from, to, altitudeM, altitudeM, 90, true);
    }

    @Test
    void aFastTickAcrossThePersonStillSeesThem() {
        OnboardDetector detector = new OnboardDetector("drone-1", List.of(UNDER_BRIDGE), -18, 7);
        // 400 m in one tick, the person in the middle of it
        SimDrone.Leg leg = leg(new LatLon(40.0950, 113.3397), new LatLon(40.0950, 113.3444), 40);

        List<Detection> found = detector.look(leg, T0);

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.siteId()).isEqualTo("br-01");
            assertThat(d.source()).isEqualTo("drone-1");
            assertThat(new LatLon(d.lat(), d.lon()).distanceM(UNDER_BRIDGE.position())).isLessThan(10);
            assertThat(d.confidence()).isBetween(0.55, 0.97);
        });
    }

    @Test
    void aPersonOutsideTheFootprintIsNotReported() {
        OnboardDetector detector = new OnboardDetector("drone-1", List.of(UNDER_BRIDGE), -18, 7);
        // 40 m altitude: footprint half-width ~18.7 m; track passes ~55 m north
        SimDrone.Leg leg = leg(new LatLon(40.0955, 113.3397), new LatLon(40.0955, 113.3444), 40);

        assertThat(detector.look(leg, T0)).isEmpty();
    }

    @Test
    void theSamePersonIsReportedAtMostOncePerMinute() {
        OnboardDetector detector = new OnboardDetector("drone-1", List.of(UNDER_BRIDGE), -18, 7);
        SimDrone.Leg over = leg(UNDER_BRIDGE.position(), UNDER_BRIDGE.position(), 40);

        assertThat(detector.look(over, T0)).hasSize(1);
        assertThat(detector.look(over, T0.plusSeconds(30))).isEmpty();
        assertThat(detector.look(over, T0.plusSeconds(61))).hasSize(1);
    }

    @Test
    void theSameSeedGivesTheSameDetections() {
        SimDrone.Leg over = leg(UNDER_BRIDGE.position(), UNDER_BRIDGE.position(), 40);

        Detection a = new OnboardDetector("drone-1", List.of(UNDER_BRIDGE), -18, 7).look(over, T0).get(0);
        Detection b = new OnboardDetector("drone-1", List.of(UNDER_BRIDGE), -18, 7).look(over, T0).get(0);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void distanceToSegmentIsMeasuredToTheClosestPointOfTheTrack() {
        LatLon a = new LatLon(40.0, 113.0);
        LatLon b = new LatLon(40.0, 113.01);
        LatLon north = new LatLon(40.0001, 113.005);

        assertThat(ThermalCamera.distanceToSegmentM(north, a, b)).isCloseTo(11.1, org.assertj.core.data.Offset.offset(0.2));
        assertThat(ThermalCamera.halfWidthM(40)).isCloseTo(18.65, org.assertj.core.data.Offset.offset(0.05));
    }
}
