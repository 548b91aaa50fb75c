package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;

class PlanGeoJsonTest {

    private final SiteLayer demo = SiteLayers.demoLayer();
    private final LatLon home = demo.centroid();

    @Test
    void routesRunFromHomeToHomeWithTheContractProperties() throws Exception {
        FleetParameters params = new FleetParameters(FleetParameters.defaults().coverage(), 10, 12, 0.2);
        FleetPlan plan = new FleetPlanner(params).plan(demo, null, 2, home);
        JsonNode json = new ObjectMapper().readTree(PlanGeoJson.write(plan, demo));

        List<JsonNode> routes = ofKind(json, "route");
        assertThat(routes).hasSize(plan.sorties().size());
        for (JsonNode route : routes) {
            JsonNode coords = route.at("/geometry/coordinates");
            assertThat(route.at("/geometry/type").asText()).isEqualTo("LineString");
            assertThat(coords.get(0).get(0).asDouble()).isEqualTo(home.lon());
            assertThat(coords.get(coords.size() - 1).get(1).asDouble()).isCloseTo(home.lat(), org.assertj.core.api.Assertions.within(1e-7));
            JsonNode props = route.get("properties");
            assertThat(props.get("drone").asText()).matches("drone-[12]");
            assertThat(props.get("sortie").asInt()).isPositive();
            assertThat(props.get("length_m").asDouble()).isPositive();
            assertThat(props.get("duration_s").asDouble()).isPositive().isLessThanOrEqualTo(params.usableSortieS());
        }
    }

    @Test
    void everyCoveredSiteHasASweepWithItsDroneAndSwath() throws Exception {
        FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 4, home);
        JsonNode json = new ObjectMapper().readTree(PlanGeoJson.write(plan, demo));

        List<JsonNode> sweeps = ofKind(json, "sweep");
        assertThat(sweeps).extracting(s -> s.at("/properties/site_id").asText())
                .containsExactlyInAnyOrderElementsOf(demo.patrolSites().stream().map(s -> s.id()).toList());
        for (JsonNode sweep : sweeps) {
            assertThat(sweep.at("/properties/drone").asText()).matches("drone-[1-4]");
            assertThat(sweep.at("/properties/swath_width_m").asDouble()).isBetween(29.0, 31.0);
            assertThat(sweep.at("/geometry/type").asText()).isEqualTo("LineString");
        }
        assertThat(ofKind(json, "home")).hasSize(1);
        assertThat(json.get("unassigned")).isEmpty();
    }

    private static List<JsonNode> ofKind(JsonNode json, String kind) {
        List<JsonNode> out = new ArrayList<>();
        json.get("features").forEach(f -> {
            if (kind.equals(f.at("/properties/kind").asText())) {
                out.add(f);
            }
        });
        return out;
    }
}
