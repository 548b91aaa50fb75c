package org.winterwatch.geo.layer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/** Reads an RFC 7946 FeatureCollection of sites; every problem in the file is collected before failing. */
final class GeoJsonLayerReader implements SiteLayerReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Override
    public boolean accepts(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".geojson") || lower.endsWith(".json");
    }

    @Override
    public SiteLayer read(InputStream in, String sourceName) throws LayerException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new LayerException(List.of(Problem.ofFile(sourceName + " is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"))));
        } catch (IOException e) {
            throw new LayerException(List.of(Problem.ofFile(sourceName + " could not be read: " + e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode features = collection(root, sourceName, problems);
        if (features == null) {
            throw new LayerException(problems);
        }
        List<Site> sites = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        FeatureReader featureReader = new FeatureReader(FACTORY);
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String id = feature.isObject() ? FeatureReader.idOf(feature) : null;
            Integer first = id == null ? null : firstIndexOfId.putIfAbsent(id, i);
            if (first != null) {
                problems.add(new Problem(i, id, "id", "duplicate id: feature " + first
                        + " already uses '" + id + "' (ids must be unique)"));
            }
            featureReader.read(i, feature, problems).filter(s -> first == null).ifPresent(sites::add);
        }
        if (!problems.isEmpty()) {
            throw new LayerException(problems);
        }
        return new SiteLayer(sites);
    }

    private static JsonNode collection(JsonNode root, String sourceName, List<Problem> problems) {
        if (root == null || root.isMissingNode()) {
            problems.add(Problem.ofFile(sourceName + " is empty"));
            return null;
        }
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText())) {
            problems.add(Problem.ofFile("not a GeoJSON FeatureCollection: expected \"type\": \"FeatureCollection\", found "
                    + (root.isObject() ? root.get("type") : root.getNodeType().name().toLowerCase(Locale.ROOT))));
            return null;
        }
        JsonNode crs = root.path("crs").path("properties").path("name");
        if (crs.isTextual() && !crs.asText().contains("CRS84") && !crs.asText().endsWith("4326")) {
            problems.add(Problem.ofFile("coordinates must be WGS 84 longitude/latitude (RFC 7946), but the file declares crs "
                    + crs.asText() + "; reproject it to EPSG:4326"));
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            problems.add(Problem.ofFile("a FeatureCollection needs a 'features' array"));
            return null;
        }
        if (features.isEmpty()) {
            problems.add(Problem.ofFile("the layer has no features"));
            return null;
        }
        return problems.isEmpty() ? features : null;
    }
}
