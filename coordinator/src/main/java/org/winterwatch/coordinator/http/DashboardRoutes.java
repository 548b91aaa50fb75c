package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.EnumSet;

/**
 * The control-room dashboard ({@code GET /}) and the figures page: static files from the jar's {@code webroot}, the
 * map and chart libraries from their WebJars, {@code GET /dashboard-settings.json} (the map's tile server, if any),
 * and {@code GET /api/v1/whoami} for the page to show what the token's role may do. The pages carry no data:
 * everything they show comes from the API with the token the user pastes.
 */
final class DashboardRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** WebJars are versioned by path, so a browser may keep them; the pages themselves are never cached. */
    private static final long LIBRARY_MAX_AGE_S = 24 * 3600;

    private DashboardRoutes() {
    }

    /** @param mapTileUrl the map's tile server (a Leaflet URL template), or null for none */
    static void install(Router router, String mapTileUrl) {
        // the pages live under every answer's policy (only this server's scripts, styles and images; no inline
        // script or style), with the map's tile server added to the images when one is configured
        String policy = mapTileUrl == null ? HttpHardening.CONTENT_SECURITY_POLICY
                : HttpHardening.CONTENT_SECURITY_POLICY.replace("img-src 'self' data:",
                        "img-src 'self' data: " + MapTiles.origin(mapTileUrl));
        Handler<RoutingContext> pagePolicy = ctx -> {
            ctx.response().headers().set("Content-Security-Policy", policy);
            ctx.next();
        };
        ObjectNode pageSettings = JSON.createObjectNode().put("tileUrl", mapTileUrl);
        router.get("/api/v1/whoami").handler(ctx -> allow(ctx, EnumSet.allOf(Role.class), DashboardRoutes::whoami));
        router.get("/dashboard-settings.json").handler(ctx -> send(ctx, 200, pageSettings.toString()));
        StaticHandler pages = StaticHandler.create("webroot").setCachingEnabled(false).setDirectoryListing(false)
                .setIndexPage("index.html");
        StaticHandler libraries = StaticHandler.create("META-INF/resources/webjars").setDirectoryListing(false)
                .setMaxAgeSeconds(LIBRARY_MAX_AGE_S);
        router.get("/webjars/*").handler(pagePolicy).handler(libraries);
        router.get("/").handler(pagePolicy).handler(pages);
        // everything else outside the API: a file that is not there falls through to the API's 404
        router.routeWithRegex(HttpMethod.GET, "^/(?!api/).*").handler(pagePolicy).handler(pages);
    }

    /** The token's role and, for a ground team, its team. */
    private static void whoami(RoutingContext ctx, AccessTokens.Grant grant) {
        ObjectNode o = JSON.createObjectNode();
        o.put("role", grant.role().wireName());
        o.put("teamId", grant.teamId());
        send(ctx, 200, o.toString());
    }
}
