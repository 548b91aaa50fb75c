package org.winterwatch.geo.layer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns one GeoJSON geometry object into a JTS geometry, reporting every defect it finds as text.
 *
 * <p>Checks are made on the raw positions before JTS sees them, because JTS refuses some defects
 * (an unclosed ring) with an exception that would hide the others.
 */
final class GeometryReader {

    static final String SUPPORTED = "Point, LineString, MultiLineString, Polygon or MultiPolygon";

    private final GeometryFactory factory;
    private final List<String> defects = new ArrayList<>();
    private int outOfRange;
    private String firstOutOfRange;

    GeometryReader(GeometryFactory factory) {
        this.factory = factory;
    }

    /** The defects found by the last {@link #read}; empty when the geometry is usable. */
    List<String> defects() {
        return List.copyOf(defects);
    }

    Optional<Geometry> read(JsonNode geometry) {
        defects.clear();
        outOfRange = 0;
        firstOutOfRange = null;
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            return fail("missing geometry (every feature needs a " + SUPPORTED + ")");
        }
        if (!geometry.isObject()) {
            return fail("geometry must be a JSON object with 'type' and 'coordinates'");
        }
        String type = geometry.path("type").asText("");
        JsonNode coords = geometry.get("coordinates");
        if (!List.of("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon").contains(type)) {
            return fail("unsupported geometry type '" + type + "' (use " + SUPPORTED + ")");
        }
        if (coords == null || !coords.isArray()) {
            return fail("geometry has no 'coordinates' array");
        }
        if (coords.isEmpty()) {
            return fail("empty geometry: '" + type + "' has no coordinates");
        }
        Geometry built = switch (type) {
            case "Point" -> point(coords);
            case "LineString" -> line(coords, "");
            case "MultiLineString" -> multiLine(coords);
            case "Polygon" -> polygon(coords, "");
            default -> multiPolygon(coords);
        };
        if (outOfRange > 0) {
            defects.add(0, firstOutOfRange + (outOfRange > 1 ? " (and " + (outOfRange - 1) + " more positions)" : ""));
        }
        if (!defects.isEmpty() || built == null) {
            return Optional.empty();
        }
        if (built.getDimension() == 2) {
            TopologyValidationError error = new IsValidOp(built).getValidationError();
            if (error != null) {
                Coordinate at = error.getCoordinate();
                return fail("invalid polygon: " + error.getMessage().toLowerCase(Locale.ROOT)
                        + (at == null ? "" : " at " + position(at.x, at.y))
                        + " (rings must be closed and must not cross themselves or each other)");
            }
        }
        return Optional.of(built);
    }

    private Optional<Geometry> fail(String defect) {
        defects.add(defect);
        return Optional.empty();
    }

    private Geometry point(JsonNode coords) {
        Coordinate c = position(coords, "");
        return c == null ? null : factory.createPoint(c);
    }

    private LineString line(JsonNode coords, String where) {
        Coordinate[] cs = positions(coords, where);
        if (cs == null) {
            return null;
        }
        if (cs.length < 2) {
            defects.add(where + "a line needs at least 2 positions, found " + cs.length);
            return null;
        }
        LineString line = factory.createLineString(cs);
        if (line.getLength() == 0) {
            defects.add(where + "the line has zero length (all positions are the same)");
            return null;
        }
        return line;
    }

    private Geometry multiLine(JsonNode coords) {
        List<LineString> lines = new ArrayList<>();
        for (int i = 0; i < coords.size(); i++) {
            LineString line = line(coords.get(i), "line " + i + ": ");
            if (line != null) {
                lines.add(line);
            }
        }
        return lines.size() == coords.size() ? factory.createMultiLineString(lines.toArray(LineString[]::new)) : null;
    }

    private Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            defects.add(where + "a polygon needs at least an outer ring");
            return null;
        }
        List<LinearRing> built = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            String ringName = where + (r == 0 ? "outer ring: " : "hole " + r + ": ");
            Coordinate[] cs = positions(rings.get(r), ringName);
            if (cs == null) {
                continue;
            }
            if (cs.length < 4) {
                defects.add(ringName + "a ring needs at least 4 positions (first repeated as last), found " + cs.length);
            } else if (!cs[0].equals2D(cs[cs.length - 1])) {
                defects.add(ringName + "ring is not closed: first position " + position(cs[0].x, cs[0].y)
                        + " differs from last " + position(cs[cs.length - 1].x, cs[cs.length - 1].y)
                        + " (repeat the first position at the end)");
            } else {
                built.add(factory.createLinearRing(cs));
            }
        }
        if (built.size() != rings.size()) {
            return null;
        }
        return factory.createPolygon(built.get(0), built.subList(1, built.size()).toArray(LinearRing[]::new));
    }

    private Geometry multiPolygon(JsonNode coords) {
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < coords.size(); i++) {
            Polygon p = polygon(coords.get(i), "polygon " + i + ", ");
            if (p != null) {
                polygons.add(p);
            }
        }
        return polygons.size() == coords.size() ? factory.createMultiPolygon(polygons.toArray(Polygon[]::new)) : null;
    }

    private Coordinate[] positions(JsonNode array, String where) {
        if (array == null || !array.isArray()) {
            defects.add(where + "expected an array of [longitude, latitude] positions");
            return null;
        }
        Coordinate[] out = new Coordinate[array.size()];
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            out[i] = position(array.get(i), where);
            ok &= out[i] != null;
        }
        return ok ? out : null;
    }

    private Coordinate position(JsonNode p, String where) {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            defects.add(where + "position " + p + " is not [longitude, latitude] in numbers");
            return null;
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (!inRange(lon, lat)) {
            if (outOfRange++ == 0) {
                firstOutOfRange = where + "coordinates out of range: " + position(lon, lat)
                        + " needs longitude in -180..180 and latitude in -90..90"
                        + (inRange(lat, lon) ? "; latitude and longitude look swapped: GeoJSON positions are"
                        + " [longitude, latitude], so write " + position(lat, lon) : "");
            }
            return null;
        }
        return new Coordinate(lon, lat);
    }

    private static boolean inRange(double lon, double lat) {
        return Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
    }

    private static String position(double lon, double lat) {
        return "[" + plain(lon) + ", " + plain(lat) + "]";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
