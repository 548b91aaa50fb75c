package org.winterwatch.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.winterwatch.drone.Autopilot;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.missions.FleetParameters;
import org.winterwatch.missions.fleet.ColdDerate;
import org.winterwatch.simulator.SimulatorConfig;

/** Sorties in {@code serve} are planned on what the batteries give in the weather in force. */
class SweepPlanningTest {

    @Test
    void aColdNightShortensEverySortieAsTheSimulatorsBatteryDoes() {
        AtomicReference<Double> weather = new AtomicReference<>(15.0);
        SweepPlanning planning = new SweepPlanning(SiteLayers.demoLayer(), FleetParameters.defaults(), weather::get,
                ColdDerate.SIMULATOR);
        double mildS = planning.atAltitude(40).usableSortieS();

        weather.set(-20.0);
        double coldS = planning.atAltitude(40).usableSortieS();

        // 25 min x 0.8 (reserve) = 1,200 s; at -20 C the battery gives 1 - 0.0075 x 35 = 0.7375 of it
        assertThat(mildS).isCloseTo(1200, within(0.5));
        assertThat(coldS).isCloseTo(1200 * 0.7375, within(0.5));
    }

    @Test
    void theFirstSortieOfAColdNightCarriesFewerSites() {
        AtomicReference<Double> weather = new AtomicReference<>(15.0);
        SweepPlanning planning = new SweepPlanning(SiteLayers.demoLayer(), FleetParameters.defaults(), weather::get,
                ColdDerate.SIMULATOR);
        var every = SiteLayers.demoLayer().patrolSites().stream().map(Site::id).toList();

        int mild = planning.atAltitude(40).next(every, SimulatorConfig.DEMO_HOME, Autopilot.PX4).siteIds().size();
        weather.set(-25.0);
        int cold = planning.atAltitude(40).next(every, SimulatorConfig.DEMO_HOME, Autopilot.PX4).siteIds().size();

        assertThat(cold).isPositive().isLessThan(mild);
    }
}
