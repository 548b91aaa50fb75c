package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.error;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code GET /metrics}, where Prometheus looks by default, and {@code GET /api/v1/metrics}, its older address: the
 * Prometheus text exposition (format 0.0.4) for {@code admin}, {@code operator} and {@code controlroom} tokens.
 */
final class MetricsRoutes {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.CONTROLROOM);

    private MetricsRoutes() {
    }

    /**
     * Installs both addresses; call it after the authentication of {@code /api/v1/*}, which the alias relies on.
     *
     * @param authenticate what checks the bearer token of {@code /api/v1/*}; {@code /metrics} lies outside it
     */
    static void install(Router router, Handler<RoutingContext> authenticate, HttpBackend backend) {
        Handler<RoutingContext> scrape = ctx -> allow(ctx, READERS, (c, grant) -> scrape(c, backend));
        router.get("/metrics").handler(authenticate).handler(scrape);
        router.get("/api/v1/metrics").handler(scrape);
    }

    /** The scrape reads figures from the database: on a worker thread. */
    private static void scrape(RoutingContext ctx, HttpBackend backend) {
        ctx.vertx().executeBlocking(backend::metrics, false).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "metrics are unavailable: " + ar.cause().getMessage());
            } else {
                ctx.response().setStatusCode(200).putHeader("Content-Type", CONTENT_TYPE).end(ar.result());
            }
        });
    }
}
