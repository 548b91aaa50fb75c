package org.winterwatch.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.winterwatch.geo.layer.SiteLayers;
import org.winterwatch.geo.site.SiteLayer;

/** Round trips of the plan formats: write, read back with a plain parser, compare coordinates. */
class PlanFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SiteLayer demo = SiteLayers.demoLayer();
    private final FleetPlan plan = new FleetPlanner(FleetParameters.defaults()).plan(demo, null, 3, demo.centroid());

    @Test
    void qgroundControlPlanHoldsEverySortieAsTakeoffWaypointsAndReturn() throws Exception {
        for (int d = 0; d < 3; d++) {
            JsonNode root = MAPPER.readTree(QgcPlan.forDrone(plan, demo, d));

            assertThat(root.path("fileType").asText()).isEqualTo("Plan");
            assertThat(root.path("version").asInt()).isEqualTo(1);
            JsonNode mission = root.path("mission");
            assertThat(mission.path("version").asInt()).isEqualTo(2);
            assertThat(mission.path("plannedHomePosition").get(0).asDouble()).isCloseTo(plan.homeOf(d).lat(), within(1e-9));
            assertThat(mission.path("plannedHomePosition").get(1).asDouble()).isCloseTo(plan.homeOf(d).lon(), within(1e-9));
            List<Waypoint> expected = new ArrayList<>();
            plan.sortiesOf(d).forEach(s -> expected.addAll(s.waypoints().subList(0, s.waypoints().size() - 1)));
            List<JsonNode> waypoints = new ArrayList<>();
            int takeoffs = 0;
            int returns = 0;
            int jump = 1;
            for (JsonNode item : mission.path("items")) {
                assertThat(item.path("type").asText()).isEqualTo("SimpleItem");
                assertThat(item.path("doJumpId").asInt()).isEqualTo(jump++);
                assertThat(item.path("params")).hasSize(7);
                switch (item.path("command").asInt()) {
                    case 16 -> waypoints.add(item);
                    case 22 -> takeoffs++;
                    case 20 -> returns++;
                    case 2500, 2501 -> assertThat(item.path("frame").asInt()).isEqualTo(2);
                    default -> throw new AssertionError("unexpected command " + item);
                }
            }
            assertThat(takeoffs).isEqualTo(plan.sortiesOf(d).size()).isEqualTo(returns);
            assertThat(waypoints).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonNode p = waypoints.get(i).path("params");
                assertThat(waypoints.get(i).path("frame").asInt()).isEqualTo(3);
                assertThat(p.get(4).asDouble()).isCloseTo(expected.get(i).lat(), within(1e-9));
                assertThat(p.get(5).asDouble()).isCloseTo(expected.get(i).lon(), within(1e-9));
                assertThat(p.get(6).asDouble()).isCloseTo(expected.get(i).altitudeM(), within(1e-9));
            }
            JsonNode polygons = root.path("geoFence").path("polygons");
            assertThat(polygons).hasSize(demo.noFlyZones().size());
            polygons.forEach(p -> assertThat(p.path("inclusion").asBoolean(true)).isFalse());
            var ring = demo.noFlyZones().get(0).geometry().getGeometryN(0).getCoordinates();
            assertThat(polygons.get(0).path("polygon").get(0).get(0).asDouble()).isCloseTo(ring[0].y, within(1e-12));
            assertThat(root.path("rallyPoints").path("points").isArray()).isTrue();
        }
    }

    @Test
    void qgroundControlPlanRecordsExactlyAlongEverySweep() throws Exception {
        for (int d = 0; d < 3; d++) {
            // given the items of one drone's plan, and the waypoints the planner made
            JsonNode items = MAPPER.readTree(QgcPlan.forDrone(plan, demo, d)).path("mission").path("items");
            List<Sortie> sorties = plan.sortiesOf(d);

            // when the mission is replayed, noting whether the camera records on arrival at each waypoint
            boolean recording = false;
            int sortie = -1;
            int reached = 0;
            int starts = 0;
            List<List<Boolean>> onArrival = new ArrayList<>();
            for (JsonNode item : items) {
                switch (item.path("command").asInt()) {
                    case 2500 -> {
                        assertThat(recording).as("start while recording").isFalse();
                        recording = true;
                        starts++;
                    }
                    case 2501 -> {
                        assertThat(recording).as("stop while not recording").isTrue();
                        recording = false;
                    }
                    case 22 -> {
                        assertThat(recording).as("camera on at take-off").isFalse();
                        sortie++;
                        reached = 0;
                        onArrival.add(new ArrayList<>());
                    }
                    case 16 -> {
                        onArrival.get(sortie).add(recording);
                        if (sorties.get(sortie).waypoints().get(reached++).holdS() > 0) {
                            assertThat(recording).as("a hover is recorded from its start").isTrue();
                        }
                    }
                    case 20 -> assertThat(recording).as("camera on for the return").isFalse();
                    default -> { }
                }
            }

            // then it records on every leg between two points of one sweep and on no other leg (bar the way into a hover)
            assertThat(onArrival).hasSize(sorties.size());
            int sweeps = 0;
            for (int s = 0; s < sorties.size(); s++) {
                List<Waypoint> ws = sorties.get(s).waypoints().subList(0, sorties.get(s).waypoints().size() - 1);
                for (int i = 0; i + 1 < ws.size(); i++) {
                    Waypoint from = ws.get(i);
                    Waypoint to = ws.get(i + 1);
                    boolean sweepLeg = from.cameraOn() && to.cameraOn() && from.siteId().equals(to.siteId());
                    if (to.holdS() == 0) {
                        assertThat(onArrival.get(s).get(i + 1)).as("leg %d of sortie %d", i, s).isEqualTo(sweepLeg);
                    }
                }
                for (int i = 0; i < ws.size(); i++) {
                    sweeps += QgcPlan.startsSweep(ws, i) ? 1 : 0;
                }
            }
            assertThat(starts).isEqualTo(sweeps).isPositive();
        }
    }

    @Test
    void kmlHoldsEverySortieRouteAtFlightAltitude() throws Exception {
        Document kml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(PlanKml.write(plan, demo).getBytes(StandardCharsets.UTF_8)));
        NodeList placemarks = kml.getElementsByTagName("Placemark");
        int routes = 0;
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element placemark = (Element) placemarks.item(i);
            String name = placemark.getElementsByTagName("name").item(0).getTextContent();
            if (!name.contains(" sortie ")) {
                continue;
            }
            String[] parts = name.split(" sortie ");
            Sortie sortie = plan.sortiesOf(Integer.parseInt(parts[0].substring("drone-".length())) - 1)
                    .get(Integer.parseInt(parts[1]) - 1);
            String[] positions = placemark.getElementsByTagName("coordinates").item(0).getTextContent().trim().split("\\s+");
            assertThat(positions).hasSize(sortie.waypoints().size() + 1);
            for (int k = 1; k < positions.length; k++) {
                String[] lonLatAlt = positions[k].split(",");
                Waypoint w = sortie.waypoints().get(k - 1);
                assertThat(Double.parseDouble(lonLatAlt[0])).isCloseTo(w.lon(), within(1e-7));
                assertThat(Double.parseDouble(lonLatAlt[1])).isCloseTo(w.lat(), within(1e-7));
                assertThat(Double.parseDouble(lonLatAlt[2])).isCloseTo(w.altitudeM(), within(0.1));
            }
            routes++;
        }
        assertThat(routes).isEqualTo(plan.sorties().size());
    }

    @Test
    void summaryNamesEveryDroneAndEverySiteLeftOut() {
        String text = PlanSummary.text(plan, demo);

        assertThat(text).contains("drone-1").contains("drone-3").contains("Coverage:").contains("camera on");
        plan.unassigned().forEach(u -> assertThat(text).contains(u.siteId()));
    }
}
