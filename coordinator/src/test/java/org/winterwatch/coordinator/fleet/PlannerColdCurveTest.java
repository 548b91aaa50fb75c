package org.winterwatch.coordinator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.simulator.flight.SimDrone;

/**
 * The planner derates batteries by the simulator's battery model: the two live in modules that may not know each
 * other (missions and simulator), so this test, which sees both, keeps them from drifting apart.
 */
class PlannerColdCurveTest {

    @Test
    void thePlannersDefaultCurveIsTheSimulatorsBatteryModel() {
        for (double tempC = -60; tempC <= 30; tempC += 0.5) {
            assertThat(ColdDerate.SIMULATOR.factorAt(tempC)).as("%.1f °C", tempC)
                    .isCloseTo(SimDrone.capacityFactor(tempC), within(1e-12));
        }
    }
}
