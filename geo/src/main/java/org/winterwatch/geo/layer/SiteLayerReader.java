package org.winterwatch.geo.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.winterwatch.geo.site.SiteLayer;

/**
 * One file format of site layers. GeoJSON and GeoPackage are built in; a GeoTools DataStore reader
 * plugs in here where its libraries are available.
 */
public interface SiteLayerReader {

    /** Whether this reader handles files with this name (decided by extension). */
    boolean accepts(String fileName);

    /** Reads and validates a whole layer; all problems are reported together. */
    SiteLayer read(InputStream in, String sourceName) throws LayerException;

    /** Reads a layer file; formats that need random access (GeoPackage) read the file in place. */
    default SiteLayer read(Path path) throws LayerException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new LayerException(List.of(Problem.ofFile(path + " could not be read: " + e.getMessage())));
        }
    }
}
