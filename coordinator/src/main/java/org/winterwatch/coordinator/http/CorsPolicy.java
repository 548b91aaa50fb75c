package org.winterwatch.coordinator.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Set;

/**
 * Cross-origin requests: refused (no CORS headers at all) unless {@code cors_origin} names the one origin whose pages
 * may call the API, such as a dashboard served from elsewhere. Tokens travel in the {@code Authorization} header, never
 * in cookies, so credentials are not allowed.
 */
final class CorsPolicy {

    private static final int PREFLIGHT_MAX_AGE_S = 600;

    private CorsPolicy() {
    }

    /** Answers preflights and adds the CORS headers for {@code origin}; does nothing when it is null. */
    static void install(Router router, String origin) {
        if (origin == null) {
            return;
        }
        router.route().handler(CorsHandler.create()
                .addOrigin(origin)
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT))
                .allowedHeaders(Set.of("Authorization", "Content-Type", "Accept"))
                .exposedHeaders(Set.of("Location", "Retry-After"))
                .allowCredentials(false)
                .maxAgeSeconds(PREFLIGHT_MAX_AGE_S));
    }
}
