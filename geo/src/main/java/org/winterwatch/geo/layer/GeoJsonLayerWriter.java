package org.winterwatch.geo.layer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/** Writes sites as a GeoJSON FeatureCollection that {@link GeoJsonLayerReader} reads back unchanged. */
final class GeoJsonLayerWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJsonLayerWriter() {
    }

    static String write(SiteLayer layer) {
        ObjectNode root = MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Site site : layer.sites()) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            ObjectNode props = feature.putObject("properties")
                    .put("id", site.id())
                    .put("name", site.name())
                    .put("category", site.category().wireName())
                    .put("priority", site.priority());
            if (site.team() != null) {
                props.put("team", site.team());
            }
            if (site.geometry().getDimension() == 1) {
                props.put("corridor_width_m", site.corridorWidthM());
            }
            feature.set("geometry", geometry(site.geometry()));
        }
        return root.toString();
    }

    private static ObjectNode geometry(Geometry g) {
        ObjectNode node = MAPPER.createObjectNode().put("type", g.getGeometryType());
        ArrayNode coords = node.putArray("coordinates");
        if (g instanceof Point p) {
            coords.add(p.getX()).add(p.getY());
        } else if (g instanceof LineString line) {
            positions(coords, line);
        } else if (g instanceof Polygon polygon) {
            rings(coords, polygon);
        } else if (g instanceof MultiLineString || g instanceof MultiPolygon) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                ArrayNode partNode = coords.addArray();
                if (part instanceof Polygon polygon) {
                    rings(partNode, polygon);
                } else {
                    positions(partNode, (LineString) part);
                }
            }
        } else {
            throw new IllegalArgumentException("cannot write geometry type " + g.getGeometryType());
        }
        return node;
    }

    private static void rings(ArrayNode coords, Polygon polygon) {
        positions(coords.addArray(), polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            positions(coords.addArray(), polygon.getInteriorRingN(i));
        }
    }

    private static void positions(ArrayNode into, LineString line) {
        for (Coordinate c : line.getCoordinates()) {
            into.addArray().add(c.x).add(c.y);
        }
    }
}
