package org.winterwatch.missions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.site.SiteLayer;

/** Writes a fleet plan as the contract's GeoJSON (CONTRACT §3): a route per sortie and a sweep per site. */
public final class PlanGeoJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanGeoJson() {
    }

    public static String write(FleetPlan plan, SiteLayer layer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Sortie s : plan.sorties()) {
            ObjectNode f = feature(features, line(s.waypoints().stream().map(w -> new LatLon(w.lat(), w.lon())).toList(), plan.home()));
            ObjectNode p = f.putObject("properties");
            p.put("kind", "route");
            p.put("drone", s.droneName());
            p.put("sortie", s.number());
            p.put("length_m", Math.round(s.lengthM() * 10) / 10.0);
            p.put("duration_s", Math.round(s.durationS() * 10) / 10.0);
            ArrayNode sites = p.putArray("site_ids");
            s.siteIds().forEach(sites::add);
        }
        for (SiteCoverage c : plan.coverages()) {
            ObjectNode f = feature(features, line(c.path(), null));
            ObjectNode p = f.putObject("properties");
            p.put("kind", "sweep");
            p.put("site_id", c.siteId());
            layer.byId(c.siteId()).ifPresent(site -> p.put("site_name", site.name()));
            int drone = plan.droneOf(c.siteId());
            p.put("drone", drone < 0 ? null : "drone-" + (drone + 1));
            p.put("swath_width_m", Math.round(c.swathWidthM() * 100) / 100.0);
            p.put("length_m", Math.round(c.lengthM() * 10) / 10.0);
        }
        return root.toPrettyString();
    }

    private static ObjectNode feature(ArrayNode features, ObjectNode geometry) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        f.set("geometry", geometry);
        return f;
    }

    /** A LineString; a route starts and ends at home. A single point is repeated so the line stays valid. */
    private static ObjectNode line(List<LatLon> points, LatLon home) {
        ObjectNode g = JSON.createObjectNode();
        g.put("type", "LineString");
        ArrayNode coords = g.putArray("coordinates");
        if (home != null) {
            coords.addArray().add(home.lon()).add(home.lat());
        }
        points.forEach(p -> coords.addArray().add(p.lon()).add(p.lat()));
        if (home != null) {
            coords.addArray().add(home.lon()).add(home.lat());
        }
        if (coords.size() == 1) {
            coords.add(coords.get(0).deepCopy());
        }
        return g;
    }
}
