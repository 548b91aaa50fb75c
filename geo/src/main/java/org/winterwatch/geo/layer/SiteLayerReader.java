package org.winterwatch.geo.layer;

import java.io.InputStream;
import org.winterwatch.geo.site.SiteLayer;

/**
 * One file format of site layers. GeoJSON is built in; a GeoPackage or GeoTools DataStore reader
 * plugs in here where its libraries are available.
 */
public interface SiteLayerReader {

    /** Whether this reader handles files with this name (decided by extension). */
    boolean accepts(String fileName);

    /** Reads and validates a whole layer; all problems are reported together. */
    SiteLayer read(InputStream in, String sourceName) throws LayerException;
}
