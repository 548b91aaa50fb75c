package org.winterwatch.missions.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;

class ColdDerateTest {

    private final ColdDerate curve = ColdDerate.SIMULATOR;

    @Test
    void aBatteryGivesItsFullCapacityAt15DegreesAndAbove() {
        assertThat(curve.factorAt(15)).isEqualTo(1);
        assertThat(curve.factorAt(30)).isEqualTo(1);
    }

    @Test
    void itLosesThreeQuartersOfAPercentPerDegreeBelow15() {
        assertThat(curve.factorAt(5)).isCloseTo(0.925, within(1e-12));
        assertThat(curve.factorAt(-18)).isCloseTo(0.7525, within(1e-12));
        assertThat(curve.factorAt(-20)).isCloseTo(0.7375, within(1e-12));
    }

    @Test
    void itIsNeverCountedBelowHalf() {
        assertThat(curve.factorAt(-51.66)).isCloseTo(0.5, within(1e-3));
        assertThat(curve.factorAt(-80)).isEqualTo(0.5);
    }

    @Test
    void anotherCurveIsAValueOfItsOwn() {
        ColdDerate steeper = new ColdDerate(20, 0.01, 0.6);

        assertThat(steeper.factorAt(0)).isCloseTo(0.8, within(1e-12));
        assertThat(steeper.factorAt(-40)).isEqualTo(0.6);
        assertThatThrownBy(() -> new ColdDerate(15, 0.0075, 0)).hasMessageContaining("floor");
    }

    @Test
    void usableTimeIsEnduranceDeratedLessTheReserve() {
        Fleet fleet = Fleet.oneBase(new LatLon(40.09, 113.3), 1, 25, 10, 0.2, 5);

        double usable = fleet.usableS(fleet.drones().get(0), curve, -20);

        // 25 min × 60 × 0.7375 × (1 − 0.2)
        assertThat(usable).isCloseTo(885, within(1e-9));
        assertThat(fleet.usableS(fleet.drones().get(0), curve, ColdDerate.MILD_C)).isCloseTo(1200, within(1e-9));
        assertThat(fleet.drones()).extracting(FleetDrone::id).isEqualTo(List.of("drone-1"));
    }
}
