package org.winterwatch.geo.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;

/** Reads one GeoJSON feature into a {@link Site}, collecting every problem it has. */
final class FeatureReader {

    private final GeometryReader geometryReader;

    FeatureReader(GeometryFactory factory) {
        this.geometryReader = new GeometryReader(factory);
    }

    /** The feature's id as the layer names it, or {@code null}; used for duplicate checks and messages. */
    static String idOf(JsonNode feature) {
        JsonNode id = feature.path("properties").path("id");
        if (id.isMissingNode() || id.isNull()) {
            id = feature.path("id");
        }
        if (id.isTextual() && !id.asText().isBlank()) {
            return id.asText().trim();
        }
        return id.isIntegralNumber() ? id.asText() : null;
    }

    Optional<Site> read(int index, JsonNode feature, List<Problem> problems) {
        if (feature == null || !feature.isObject()) {
            problems.add(new Problem(index, null, null, "a feature must be a JSON object, found " + feature));
            return Optional.empty();
        }
        String id = idOf(feature);
        List<Problem> mine = new ArrayList<>();
        if (!"Feature".equals(feature.path("type").asText())) {
            mine.add(new Problem(index, id, "type", "expected \"type\": \"Feature\", found " + feature.get("type")));
        }
        JsonNode props = feature.get("properties");
        if (props == null || props.isNull()) {
            props = JsonNodeFactory.instance.objectNode();
        } else if (!props.isObject()) {
            mine.add(new Problem(index, id, "properties", "properties must be a JSON object"));
            props = JsonNodeFactory.instance.objectNode();
        }
        if (id == null) {
            mine.add(new Problem(index, null, "id", "missing id: give every feature a unique string property 'id'"));
        }
        Optional<SiteCategory> category = category(index, id, props.get("category"), mine);
        int priority = priority(index, id, props.get("priority"), mine);
        String team = text(index, id, props, "team", mine);
        String name = text(index, id, props, "name", mine);
        double corridorWidthM = corridorWidth(index, id, props.get("corridor_width_m"), mine);
        Optional<Geometry> geometry = geometryReader.read(feature.get("geometry"));
        geometryReader.defects().forEach(d -> mine.add(new Problem(index, id, "geometry", d)));
        if (category.filter(SiteCategory.NO_FLY_ZONE::equals).isPresent()
                && geometry.filter(g -> g.getDimension() != 2).isPresent()) {
            mine.add(new Problem(index, id, "geometry", "a no_fly_zone must be a Polygon or MultiPolygon, found "
                    + geometry.get().getGeometryType()));
        }
        problems.addAll(mine);
        if (!mine.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Site(id, name, category.orElseThrow(), priority, team, geometry.orElseThrow(),
                corridorWidthM));
    }

    private static Optional<SiteCategory> category(int index, String id, JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            problems.add(new Problem(index, id, "category",
                    "missing category (expected one of " + SiteCategory.wireNames() + ")"));
            return Optional.empty();
        }
        Optional<SiteCategory> category = node.isTextual() ? SiteCategory.fromWire(node.asText()) : Optional.empty();
        if (category.isEmpty()) {
            problems.add(new Problem(index, id, "category", "unknown category '" + node.asText()
                    + "' (expected one of " + SiteCategory.wireNames() + ")"));
        }
        return category;
    }

    private static int priority(int index, String id, JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return Site.DEFAULT_PRIORITY;
        }
        boolean whole = node.isNumber() && node.asDouble() == Math.rint(node.asDouble());
        if (!whole || node.asDouble() < 1 || node.asDouble() > 5) {
            problems.add(new Problem(index, id, "priority",
                    "priority must be a whole number from 1 (low) to 5 (high), found " + node));
            return Site.DEFAULT_PRIORITY;
        }
        return node.asInt();
    }

    private static double corridorWidth(int index, String id, JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return Site.DEFAULT_CORRIDOR_WIDTH_M;
        }
        if (!node.isNumber() || !(node.asDouble() > 0) || !Double.isFinite(node.asDouble())) {
            problems.add(new Problem(index, id, "corridor_width_m",
                    "corridor_width_m must be a positive number of metres, found " + node));
            return Site.DEFAULT_CORRIDOR_WIDTH_M;
        }
        return node.asDouble();
    }

    private static String text(int index, String id, JsonNode props, String field, List<Problem> problems) {
        JsonNode node = props.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(index, id, field, field + " must be a string, found " + node));
            return null;
        }
        return node.asText().isBlank() ? null : node.asText().trim();
    }
}
