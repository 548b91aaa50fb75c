package org.winterwatch.missions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Writes a fleet plan as the GeoJSON FeatureCollection of the contract (§3, §6): a {@code route} per sortie (with
 * its drone's {@code base} and {@code usable_s}), a {@code sweep} per site, a {@code home} point per base, the
 * {@code makespan_s} of the whole plan and the unassigned sites.
 */
public final class PlanGeoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanGeoJson() {
    }

    public static String write(FleetPlan plan, SiteLayer layer) {
        ObjectNode root = MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        root.put("makespan_s", round(plan.makespanS()));
        for (Sortie sortie : plan.sorties()) {
            PlannedDrone drone = plan.drone(sortie.droneIndex());
            ObjectNode props = feature(features, route(drone.base(), sortie))
                    .put("kind", "route")
                    .put("drone", drone.id())
                    .put("base", drone.baseId())
                    .put("usable_s", round(drone.usableS()))
                    .put("sortie", sortie.number())
                    .put("length_m", round(sortie.lengthM()))
                    .put("duration_s", round(sortie.durationS()))
                    .put("waypoints", sortie.waypoints().size());
            ArrayNode ids = props.putArray("site_ids");
            sortie.siteIds().forEach(ids::add);
        }
        for (SiteCoverage coverage : plan.coverages()) {
            if (coverage.isEmpty()) {
                continue;
            }
            ObjectNode props = feature(features, sweep(coverage.path()))
                    .put("kind", "sweep")
                    .put("site_id", coverage.siteId())
                    .put("swath_width_m", round(coverage.swathWidthM()))
                    .put("length_m", round(coverage.lengthM()))
                    .put("covered_fraction", Math.round(coverage.coveredFraction() * 10000) / 10000.0)
                    .put("no_fly_fraction", Math.round(coverage.noFlyFraction() * 10000) / 10000.0);
            if (coverage.dwellS() > 0) {
                props.put("hover_s", round(coverage.dwellS()));
            }
            if (!coverage.noFlyZoneIds().isEmpty()) {
                ArrayNode zones = props.putArray("no_fly_zone_ids");
                coverage.noFlyZoneIds().forEach(zones::add);
            }
            int drone = plan.droneOf(coverage.siteId());
            props.put("drone", drone < 0 ? null : plan.drone(drone).id());
            layer.byId(coverage.siteId()).map(Site::name).ifPresent(name -> props.put("site_name", name));
        }
        plan.bases().forEach((id, position) -> {
            ObjectNode home = MAPPER.createObjectNode().put("type", "Point");
            home.putArray("coordinates").add(position.lon()).add(position.lat());
            feature(features, home).put("kind", "home").put("base", id);
        });
        ArrayNode unassigned = root.putArray("unassigned");
        plan.unassigned().forEach(u -> unassigned.addObject().put("site_id", u.siteId()).put("reason", u.reason()));
        return root.toPrettyString();
    }

    private static ObjectNode feature(ArrayNode features, ObjectNode geometry) {
        ObjectNode feature = features.addObject().put("type", "Feature");
        feature.set("geometry", geometry);
        return feature.putObject("properties");
    }

    private static ObjectNode route(LatLon home, Sortie sortie) {
        ObjectNode line = MAPPER.createObjectNode().put("type", "LineString");
        ArrayNode coords = line.putArray("coordinates");
        coords.addArray().add(home.lon()).add(home.lat());
        sortie.waypoints().forEach(w -> coords.addArray().add(w.lon()).add(w.lat()));
        return line;
    }

    private static ObjectNode sweep(List<LatLon> path) {
        if (path.size() == 1) {
            ObjectNode point = MAPPER.createObjectNode().put("type", "Point");
            point.putArray("coordinates").add(path.get(0).lon()).add(path.get(0).lat());
            return point;
        }
        ObjectNode line = MAPPER.createObjectNode().put("type", "LineString");
        ArrayNode coords = line.putArray("coordinates");
        path.forEach(p -> coords.addArray().add(p.lon()).add(p.lat()));
        return line;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
