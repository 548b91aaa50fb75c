package org.winterwatch.geo.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.winterwatch.geo.site.SiteLayer;

/** The way in to site layers: read and validate files, get the bundled demo layer, write GeoJSON. */
public final class SiteLayers {

    /** Classpath location of the bundled demo layer (Yuhe river area, Datong). */
    public static final String DEMO_RESOURCE = "/org/winterwatch/geo/demo/yuhe-datong.geojson";

    private static final List<SiteLayerReader> READERS = List.of(new GeoJsonLayerReader(), new GeoPackageLayerReader());

    private SiteLayers() {
    }

    /** Reads a layer file, choosing the format by extension ({@code .geojson}, {@code .json}, {@code .gpkg}). */
    public static SiteLayer read(Path path) throws LayerException {
        String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        SiteLayerReader reader = READERS.stream().filter(r -> r.accepts(fileName)).findFirst()
                .orElseThrow(() -> new LayerException(List.of(Problem.ofFile("unsupported file type '" + fileName
                        + "': site layers must be GeoJSON (.geojson, .json) or GeoPackage (.gpkg) files"))));
        if (!Files.isRegularFile(path)) {
            throw new LayerException(List.of(Problem.ofFile("no such file: " + path)));
        }
        return reader.read(path);
    }

    /** Reads a GeoJSON FeatureCollection; {@code sourceName} only appears in messages. */
    public static SiteLayer readGeoJson(InputStream in, String sourceName) throws LayerException {
        return new GeoJsonLayerReader().read(in, sourceName);
    }

    /** Every problem of a layer file; empty when it is valid. */
    public static List<Problem> validate(Path path) {
        try {
            read(path);
            return List.of();
        } catch (LayerException e) {
            return e.problems();
        }
    }

    /** The bundled demo layer: the Yuhe river area of Datong, Shanxi. */
    public static SiteLayer demoLayer() {
        return DemoLayerHolder.LAYER;
    }

    /** The layer as an RFC 7946 FeatureCollection, with the same properties the reader accepts. */
    public static String toGeoJson(SiteLayer layer) {
        return GeoJsonLayerWriter.write(layer);
    }

    private static final class DemoLayerHolder {
        static final SiteLayer LAYER = load();

        private static SiteLayer load() {
            try (InputStream in = SiteLayers.class.getResourceAsStream(DEMO_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled demo layer missing: " + DEMO_RESOURCE);
                }
                return readGeoJson(in, DEMO_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LayerException e) {
                throw new IllegalStateException("bundled demo layer is invalid: " + e.getMessage(), e);
            }
        }
    }
}
