package org.winterwatch.coordinator.http;

import java.util.regex.Pattern;

/**
 * Where the API listens, who may use it, and how fast.
 *
 * @param ratePerSecond requests a token may make per second, sustained (default 20)
 * @param rateBurst     requests a token may make at once after a quiet spell (default 60)
 * @param corsOrigin    the one other origin whose pages may call the API ({@code https://host[:port]}), or null for
 *                      none (the default: no CORS headers at all)
 * @param mapTileUrl    where the dashboard's map takes its tiles ({@code https://.../{z}/{x}/{y}.png}), or null: the
 *                      map is then drawn from the site layer alone, as it must be where no tile server is reachable
 */
public record HttpSettings(String host, int port, AccessTokens tokens, double ratePerSecond, int rateBurst,
                           String corsOrigin, String mapTileUrl) {

    public static final double DEFAULT_RATE_PER_SECOND = 20;
    public static final int DEFAULT_RATE_BURST = 60;
    /** Scheme, host and port: what a browser sends as {@code Origin}; no path, no wildcard. */
    private static final Pattern ORIGIN = Pattern.compile("https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    public HttpSettings(String host, int port, AccessTokens tokens) {
        this(host, port, tokens, DEFAULT_RATE_PER_SECOND, DEFAULT_RATE_BURST);
    }

    public HttpSettings(String host, int port, AccessTokens tokens, double ratePerSecond, int rateBurst) {
        this(host, port, tokens, ratePerSecond, rateBurst, null, null);
    }

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http-port must be within 0..65535, was " + port);
        }
        if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate_limit_per_s must be a number of requests > 0, was " + ratePerSecond);
        }
        if (rateBurst < 1) {
            throw new IllegalArgumentException("rate_limit_burst must be at least 1, was " + rateBurst);
        }
        if (corsOrigin != null && !ORIGIN.matcher(corsOrigin).matches()) {
            throw new IllegalArgumentException("cors_origin: '" + corsOrigin + "' is not an origin such as "
                    + "https://control.example.org:8443 (scheme, host and port only; no path, no '*')");
        }
        if (mapTileUrl != null) {
            MapTiles.origin(mapTileUrl); // refuses a template the map could not use
        }
    }

    /** The same settings, letting pages from {@code origin} call the API (null: none). */
    public HttpSettings withCorsOrigin(String origin) {
        return new HttpSettings(host, port, tokens, ratePerSecond, rateBurst, origin, mapTileUrl);
    }

    /** The same settings, with the dashboard's map on tiles from {@code template} (null: the site layer alone). */
    public HttpSettings withMapTileUrl(String template) {
        return new HttpSettings(host, port, tokens, ratePerSecond, rateBurst, corsOrigin, template);
    }
}
