package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

class FleetPlannerTest {

    private final SiteLayer demo = SiteLayers.demoLayer();
    private final LatLon home = demo.centroid();

    @Test
    void everyDemoSiteIsSweptByOneDroneOrReportedWithAReason() {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 4, home);

        Set<String> swept = plan.sorties().stream().flatMap(s -> s.siteIds().stream()).collect(Collectors.toSet());
        Set<String> leftOut = plan.unassigned().stream().map(UnassignedSite::siteId).collect(Collectors.toSet());
        Set<String> all = demo.patrolSites().stream().map(Site::id).collect(Collectors.toSet());
        assertThat(swept).doesNotContainAnyElementsOf(leftOut.isEmpty() ? Set.of("\u0000") : leftOut);
        assertThat(union(swept, leftOut)).isEqualTo(all);
        plan.unassigned().forEach(u -> assertThat(u.reason()).isNotBlank());
        for (String id : swept) {
            long drones = plan.sorties().stream().filter(s -> s.siteIds().contains(id)).map(Sortie::droneIndex).distinct().count();
            assertThat(drones).as("drones sweeping " + id).isEqualTo(1);
        }
    }

    @Test
    void everySortieFitsOneBatteryWithItsReserve() {
        FleetParameters params = new FleetParameters(FleetParameters.defaults().coverage(), 10, 6, 0.2);

        FleetPlan plan = new FleetPlanner(params).plan(demo, null, 2, home);

        assertThat(plan.sorties()).isNotEmpty();
        assertThat(plan.sorties()).allSatisfy(s -> assertThat(s.durationS()).isLessThanOrEqualTo(params.usableSortieS()));
        assertThat(plan.sorties().stream().mapToInt(Sortie::droneIndex).max().orElseThrow()).isEqualTo(1);
        assertThat(plan.sortiesOf(0).size()).as("short batteries need several sorties").isGreaterThan(1);
    }

    @Test
    void noWaypointOrLegEntersANoFlyZone() {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 4, home);
        GeometryFactory f = new GeometryFactory();

        for (Sortie s : plan.sorties()) {
            List<Coordinate> line = new ArrayList<>();
            line.add(new Coordinate(home.lon(), home.lat()));
            s.waypoints().forEach(w -> line.add(new Coordinate(w.lon(), w.lat())));
            line.add(new Coordinate(home.lon(), home.lat()));
            var route = f.createLineString(line.toArray(Coordinate[]::new));
            for (Site zone : demo.noFlyZones()) {
                assertThat(zone.geometry().intersection(route).getLength())
                        .as("drone " + s.droneIndex() + " sortie " + s.number() + " inside " + zone.id())
                        .isLessThan(1e-6);
            }
        }
    }

    @Test
    void planningIsDeterministic() {
        FleetPlanner planner = new FleetPlanner(FleetParameters.defaults());

        assertThat(planner.plan(demo, null, 3, home)).isEqualTo(planner.plan(demo, null, 3, home));
    }

    @Test
    void unknownSiteIdsAreReportedNotDropped() {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, List.of("no-such-site"), 1, home);

        assertThat(plan.unassigned()).containsExactly(new UnassignedSite("no-such-site", "no such site in the layer"));
        assertThat(plan.sorties()).isEmpty();
    }

    @Test
    void planGeoJsonHasARoutePerSortieAndASweepPerSite() throws Exception {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 2, home);

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(PlanGeoJson.write(plan, demo));

        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        long routes = 0;
        long sweeps = 0;
        for (var f : json.get("features")) {
            String kind = f.get("properties").get("kind").asText();
            if (kind.equals("route")) {
                routes++;
                assertThat(f.get("properties").get("duration_s").asDouble()).isPositive();
            } else if (kind.equals("sweep")) {
                sweeps++;
                assertThat(f.get("properties").get("swath_width_m").asDouble()).isPositive();
            }
        }
        assertThat(routes).isEqualTo(plan.sorties().size());
        assertThat(sweeps).isEqualTo(plan.coverages().size());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
