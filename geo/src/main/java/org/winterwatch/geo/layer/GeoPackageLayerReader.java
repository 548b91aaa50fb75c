package org.winterwatch.geo.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.geojson.FeatureConverter;
import org.locationtech.jts.geom.GeometryFactory;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Reads sites from every feature table of a GeoPackage ({@code .gpkg}), with the same attributes and the
 * same checks as GeoJSON layers: each row becomes a GeoJSON feature and goes through {@link FeatureReader}.
 * Feature indexes count rows across the tables in the order the GeoPackage lists them.
 */
final class GeoPackageLayerReader implements SiteLayerReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Override
    public boolean accepts(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".gpkg");
    }

    @Override
    public SiteLayer read(InputStream in, String sourceName) throws LayerException {
        Path copy = null;
        try {
            copy = Files.createTempFile("winterwatch-layer", ".gpkg");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return read(copy, sourceName);
        } catch (IOException e) {
            throw new LayerException(List.of(Problem.ofFile(sourceName + " could not be read: " + e.getMessage())));
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    @Override
    public SiteLayer read(Path path) throws LayerException {
        return read(path, path.toString());
    }

    private SiteLayer read(Path path, String sourceName) throws LayerException {
        List<JsonNode> features = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        GeoPackage geoPackage;
        try {
            geoPackage = GeoPackageManager.open(path.toFile(), false);
        } catch (RuntimeException e) {
            throw new LayerException(List.of(Problem.ofFile(sourceName + " is not a GeoPackage (an SQLite file with"
                    + " gpkg_contents): " + firstLine(e))));
        }
        try (geoPackage) {
            List<String> tables = geoPackage.getFeatureTables();
            if (tables.isEmpty()) {
                throw new LayerException(List.of(Problem.ofFile(sourceName + " has no feature tables")));
            }
            for (String table : tables) {
                FeatureDao dao = geoPackage.getFeatureDao(table);
                if (!isWgs84(dao.getSrs())) {
                    problems.add(Problem.ofFile("table " + table + ": coordinates must be WGS 84 longitude/latitude"
                            + " (EPSG:4326), but the table uses " + describe(dao.getSrs()) + "; reproject it"));
                    continue;
                }
                FeatureResultSet rows = dao.queryForAll();
                try {
                    while (rows.moveToNext()) {
                        features.add(feature(rows.getRow()));
                    }
                } finally {
                    rows.close();
                }
            }
        } catch (LayerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LayerException(List.of(Problem.ofFile(sourceName + " could not be read as a GeoPackage: "
                    + firstLine(e))));
        }
        if (features.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.ofFile("the layer has no features"));
        }
        return sites(features, problems);
    }

    private static SiteLayer sites(List<JsonNode> features, List<Problem> problems) throws LayerException {
        List<Site> sites = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        FeatureReader reader = new FeatureReader(FACTORY);
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String id = FeatureReader.idOf(feature);
            Integer first = id == null ? null : firstIndexOfId.putIfAbsent(id, i);
            if (first != null) {
                problems.add(new Problem(i, id, "id", "duplicate id: feature " + first
                        + " already uses '" + id + "' (ids must be unique)"));
            }
            reader.read(i, feature, problems).filter(s -> first == null).ifPresent(sites::add);
        }
        if (!problems.isEmpty()) {
            throw new LayerException(problems);
        }
        return new SiteLayer(sites);
    }

    /** The row as a GeoJSON feature: its attributes as properties, its geometry as GeoJSON. */
    private static JsonNode feature(FeatureRow row) {
        ObjectNode feature = MAPPER.createObjectNode().put("type", "Feature");
        ObjectNode props = feature.putObject("properties");
        String[] columns = row.getColumnNames();
        int pk = row.getPkColumnIndex();
        int geometryColumn = row.getGeometryColumnIndex();
        for (int c = 0; c < columns.length; c++) {
            if (c == pk || c == geometryColumn) {
                continue;
            }
            props.set(columns[c].toLowerCase(Locale.ROOT), MAPPER.valueToTree(row.getValue(c)));
        }
        GeoPackageGeometryData data = row.getGeometry();
        if (data == null || data.getGeometry() == null) {
            feature.putNull("geometry");
        } else {
            try {
                feature.set("geometry", MAPPER.readTree(FeatureConverter.toStringValue(data.getGeometry())));
            } catch (IOException | RuntimeException e) {
                feature.put("geometry", "unreadable geometry: " + firstLine(e));
            }
        }
        return feature;
    }

    private static boolean isWgs84(SpatialReferenceSystem srs) {
        if (srs == null) {
            return true;
        }
        long code = srs.getOrganizationCoordsysId();
        String org = srs.getOrganization() == null ? "" : srs.getOrganization().toUpperCase(Locale.ROOT);
        return (org.equals("EPSG") && code == 4326) || srs.getSrsId() == 4326
                || (srs.getDefinition() != null && srs.getDefinition().contains("CRS84"));
    }

    private static String describe(SpatialReferenceSystem srs) {
        return srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
