package org.winterwatch.coordinator.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What every request meets before any route: security headers on every answer, no file uploads, a bounded body that
 * must be JSON, a query that must decode, a deadline for the whole request, and an idle timeout on connections. The
 * API carries people's locations: nothing of it may be cached, sniffed or framed.
 */
final class HttpHardening {

    /** A connection that sends and receives nothing for this long is closed (a half-open request included). */
    static final int IDLE_TIMEOUT_S = 30;
    /** A request not answered within this, its body still trickling in included, is answered 503 and closed. */
    static final long REQUEST_TIMEOUT_MS = 30_000;
    /**
     * A page this server sends (the dashboard, Swagger UI) may load scripts, styles, images and data from this server
     * only: no inline script or style, no other origin, no plugins, never framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private HttpHardening() {
    }

    /** HTTP/1.1 only (no h2c upgrades: nobody needs them), with the idle timeout. */
    static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setIdleTimeout(IDLE_TIMEOUT_S)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setHttp2ClearTextEnabled(false);
    }

    /** Installs the handlers every route runs first; {@code refuse} answers with the project's error body. */
    static void install(Router router, long bodyLimitBytes, Refusal refuse) {
        router.route().handler(HttpHardening::securityHeaders);
        router.route().handler(ctx -> {
            try {
                ctx.queryParams();
            } catch (IllegalArgumentException e) {
                refuse.send(ctx, 400, "query: '" + ctx.request().query() + "' is not valid percent-encoding");
                return;
            }
            ctx.next();
        });
        Handler<RoutingContext> deadline = TimeoutHandler.create(REQUEST_TIMEOUT_MS, 503);
        router.route().handler(ctx -> {
            if (EventRoutes.opensStream(ctx.request())) {
                ctx.next(); // answered at once, then open by design; the idle timeout still closes a dead one
            } else {
                deadline.handle(ctx);
            }
        });
        // uploads off: a multipart body is never written to disk, whoever sends it
        router.route().handler(BodyHandler.create(false).setBodyLimit(bodyLimitBytes));
        router.route().handler(ctx -> {
            if (sendsABody(ctx) && !isJson(ctx.request().getHeader("Content-Type"))) {
                refuse.send(ctx, 415, "Content-Type: a request body must be JSON (application/json), was '"
                        + ctx.request().getHeader("Content-Type") + "'");
                return;
            }
            ctx.next();
        });
    }

    /** Answers with a status and a message. */
    @FunctionalInterface
    interface Refusal {
        void send(RoutingContext ctx, int status, String message);
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().headers()
                .set("X-Content-Type-Options", "nosniff")
                .set("Cache-Control", "no-store")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("Cross-Origin-Resource-Policy", "same-origin");
        ctx.next();
    }

    private static boolean sendsABody(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        boolean writes = m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.PATCH;
        return writes && ctx.body() != null && ctx.body().length() > 0;
    }

    /** JSON, or undeclared (taken as JSON); a body declared as anything else (text, a form, multipart) is not. */
    private static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
