package org.winterwatch.missions;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.coverage.SiteCoverage;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Writes a fleet plan as KML 2.2 for Google Earth, QGIS or a phone map: a folder per drone with a line
 * per sortie (at flight altitude), a folder of camera-on sweeps per site, the no-fly zones as red
 * polygons, and each base.
 */
public final class PlanKml {

    private PlanKml() {
    }

    public static String write(FleetPlan plan, SiteLayer layer) {
        StringBuilder kml = new StringBuilder(64 * 1024);
        kml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>WinterWatch plan</name>\n")
                .append("<Style id=\"route\"><LineStyle><color>ffff8800</color><width>2</width></LineStyle></Style>\n")
                .append("<Style id=\"sweep\"><LineStyle><color>ff00ccff</color><width>3</width></LineStyle></Style>\n")
                .append("<Style id=\"nofly\"><LineStyle><color>ff0000ff</color></LineStyle>")
                .append("<PolyStyle><color>550000ff</color></PolyStyle></Style>\n");
        for (int d = 0; d < plan.drones().size(); d++) {
            String drone = escape(plan.drone(d).id());
            if (plan.sortiesOf(d).isEmpty()) {
                continue;
            }
            kml.append("<Folder><name>").append(drone).append("</name>\n");
            for (Sortie sortie : plan.sortiesOf(d)) {
                kml.append("<Placemark><name>").append(drone).append(" sortie ").append(sortie.number())
                        .append("</name><description>").append(escape(String.format(Locale.ROOT,
                                "%.0f m, %.1f min, sites %s", sortie.lengthM(), sortie.durationS() / 60,
                                String.join(", ", sortie.siteIds()))))
                        .append("</description><styleUrl>#route</styleUrl><LineString><altitudeMode>relativeToGround")
                        .append("</altitudeMode><coordinates>");
                position(kml, plan.homeOf(d), 0);
                for (Waypoint w : sortie.waypoints()) {
                    kml.append(' ');
                    position(kml, new LatLon(w.lat(), w.lon()), w.altitudeM());
                }
                kml.append("</coordinates></LineString></Placemark>\n");
            }
            kml.append("</Folder>\n");
        }
        kml.append("<Folder><name>sweeps</name>\n");
        for (SiteCoverage coverage : plan.coverages()) {
            if (coverage.path().size() < 2) {
                continue;
            }
            String name = layer.byId(coverage.siteId()).map(Site::name).orElse(coverage.siteId());
            kml.append("<Placemark><name>").append(escape(coverage.siteId())).append("</name><description>")
                    .append(escape(name)).append(String.format(Locale.ROOT, ", swath %.1f m", coverage.swathWidthM()))
                    .append("</description><styleUrl>#sweep</styleUrl><LineString><coordinates>");
            appendPositions(kml, coverage.path());
            kml.append("</coordinates></LineString></Placemark>\n");
        }
        kml.append("</Folder>\n<Folder><name>no-fly zones</name>\n");
        for (Site zone : layer.noFlyZones()) {
            Geometry g = zone.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof Polygon p) {
                    kml.append("<Placemark><name>").append(escape(zone.id())).append("</name><styleUrl>#nofly</styleUrl>")
                            .append("<Polygon><outerBoundaryIs><LinearRing><coordinates>");
                    appendRing(kml, p.getExteriorRing().getCoordinates());
                    kml.append("</coordinates></LinearRing></outerBoundaryIs>");
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        kml.append("<innerBoundaryIs><LinearRing><coordinates>");
                        appendRing(kml, p.getInteriorRingN(h).getCoordinates());
                        kml.append("</coordinates></LinearRing></innerBoundaryIs>");
                    }
                    kml.append("</Polygon></Placemark>\n");
                }
            }
        }
        kml.append("</Folder>\n");
        plan.bases().forEach((id, position) -> {
            kml.append("<Placemark><name>").append(plan.bases().size() == 1 ? "home" : "base " + escape(id))
                    .append("</name><Point><coordinates>");
            position(kml, position, 0);
            kml.append("</coordinates></Point></Placemark>\n");
        });
        kml.append("</Document>\n</kml>\n");
        return kml.toString();
    }

    private static void appendPositions(StringBuilder kml, List<LatLon> path) {
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                kml.append(' ');
            }
            position(kml, path.get(i), 0);
        }
    }

    private static void appendRing(StringBuilder kml, Coordinate[] ring) {
        for (int i = 0; i < ring.length; i++) {
            if (i > 0) {
                kml.append(' ');
            }
            position(kml, new LatLon(ring[i].y, ring[i].x), 0);
        }
    }

    private static void position(StringBuilder kml, LatLon p, double altitudeM) {
        kml.append(String.format(Locale.ROOT, "%.8f,%.8f,%.1f", p.lon(), p.lat(), altitudeM));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
