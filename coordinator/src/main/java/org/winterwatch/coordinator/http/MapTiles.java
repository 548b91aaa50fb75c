package org.winterwatch.coordinator.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A tile server for the dashboard's map, as a Leaflet URL template ({@code https://{s}.tiles.example.org/{z}/{x}/{y}.png}).
 * Only where one is configured: the control room may have no internet, so the map never depends on tiles.
 */
final class MapTiles {

    private MapTiles() {
    }

    /**
     * The origin the page's content security policy must let images come from ({@code {s}} becomes {@code *}).
     *
     * @throws IllegalArgumentException naming what is wrong with the template
     */
    static String origin(String template) {
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("map_tile_url: '" + template + "' needs {z}, {x} and {y}, such as "
                    + "https://tiles.example.org/{z}/{x}/{y}.png");
        }
        URI uri;
        try {
            uri = new URI(template.replace("{s}", "s").replaceAll("\\{[a-z]+}", "0"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("map_tile_url: '" + template + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("map_tile_url: '" + template + "' must be an http(s) URL with a host");
        }
        String host = template.contains("{s}.") ? "*." + uri.getHost().substring(uri.getHost().indexOf('.') + 1) : uri.getHost();
        return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
