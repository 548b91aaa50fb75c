package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

class ScenarioTest {

    /** About 5 m at Datong's latitude. */
    private static final double AT_SITE_DEG = 0.00005;

    @Test
    void demoPeopleShelterAtOrInsideTheirDemoLayerSites() {
        SiteLayer layer = SiteLayers.demoLayer();
        List<SimPerson> people = SimPerson.demoPeople();
        GeometryFactory factory = new GeometryFactory();

        assertThat(people).hasSizeGreaterThanOrEqualTo(6);
        for (SimPerson person : people) {
            Site site = layer.byId(person.siteId()).orElseThrow(
                    () -> new AssertionError(person.id() + " names unknown site " + person.siteId()));
            Point where = factory.createPoint(new Coordinate(person.position().lon(), person.position().lat()));
            assertThat(site.geometry().distance(where))
                    .as("%s at %s", person.id(), site.id())
                    .isLessThan(AT_SITE_DEG);
            assertThat(site.isNoFlyZone()).isFalse();
        }
    }

    @Test
    void demoPeopleAreUnderBridgesInACulvertAnAbandonedBuildingAndAnAtmLobby() {
        SiteLayer layer = SiteLayers.demoLayer();

        List<SiteCategory> categories = SimPerson.demoPeople().stream()
                .map(p -> layer.byId(p.siteId()).orElseThrow().category())
                .toList();

        assertThat(categories).contains(SiteCategory.BRIDGE, SiteCategory.CULVERT,
                SiteCategory.ABANDONED_BUILDING, SiteCategory.ATM_LOBBY);
    }

    @Test
    void demoConfigLaunchesFourDronesInsideTheDemoArea() {
        SimulatorConfig demo = SimulatorConfig.demo(null);

        assertThat(demo.drones()).isEqualTo(4);
        assertThat(demo.ambientTempC()).isEqualTo(-18);
        assertThat(SiteLayers.demoLayer().centroid().distanceM(demo.home())).isLessThan(3_000);
    }
}
