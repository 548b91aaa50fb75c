package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /api/v1/stats} with {@code Accept: text/csv}: the same figures as CSV ({@link StatsCsv}), for the same
 * roles. A request that prefers JSON (or says nothing) goes on to the JSON route.
 */
final class StatsCsvRoute {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsCsvRoute() {
    }

    /** Must be installed before the JSON route of {@code /api/v1/stats}. */
    static void install(Router router, HttpBackend backend, Context context, Set<Role> readers) {
        router.get("/api/v1/stats").handler(ctx -> {
            if (prefersCsv(ctx)) {
                allow(ctx, readers, (c, grant) -> csv(c, backend, context));
            } else {
                ctx.next();
            }
        });
    }

    /** True when text/csv comes before application/json (and anything else JSON would answer) in Accept. */
    static boolean prefersCsv(RoutingContext ctx) {
        for (var accepted : ctx.parsedHeaders().accept()) {
            String type = accepted.component() + "/" + accepted.subComponent();
            if (type.equals("text/csv")) {
                return true;
            }
            if (type.equals("application/json") || type.equals("*/*") || type.equals("application/*")) {
                return false;
            }
        }
        return false;
    }

    private static void csv(RoutingContext ctx, HttpBackend backend, Context context) {
        context.owner().executeBlocking(() -> StatsCsv.of(JSON.readTree(backend.stats()))).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "unavailable: " + ar.cause().getMessage());
            } else {
                ctx.response().setStatusCode(200)
                        .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                        .putHeader("Content-Disposition", "attachment; filename=\"winterwatch-figures.csv\"")
                        .end(ar.result());
            }
        });
    }
}
