package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.actor;
import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.error;
import static org.winterwatch.coordinator.http.HttpAnswers.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Dispatch;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.pipeline.TipResult;
import org.winterwatch.alerts.wire.AckParser;
import org.winterwatch.alerts.wire.AlertJson;
import org.winterwatch.alerts.wire.InboundRejection;

/**
 * The HTTP API under {@code /api/v1} (CONTRACT §5): health without auth, everything else behind bearer tokens.
 */
public final class HttpApiVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BODY_LIMIT_BYTES = 64 * 1024;
    /** What a database timestamp holds without overflow, either way; beyond, a since would match all or nothing. */
    private static final Instant EARLIEST_SINCE = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST_SINCE = Instant.parse("9999-12-31T23:59:59Z");

    private final HttpSettings settings;
    private final RateLimiter limiter;
    /** Failed authentications per client address: guessing tokens costs time. */
    private final RateLimiter authFailures;
    static final double AUTH_FAILURES_PER_S = 0.5;
    static final int AUTH_FAILURE_BURST = 30;
    private final HttpBackend backend;
    private HttpServer server;
    private Router router;

    public HttpApiVerticle(HttpSettings settings, HttpBackend backend) {
        this(settings, backend, System::nanoTime);
    }

    /** With the time source the rate limiter refills by, in nanoseconds (a test's, to control time). */
    HttpApiVerticle(HttpSettings settings, HttpBackend backend, LongSupplier nanos) {
        this.settings = settings;
        this.limiter = new RateLimiter(settings.ratePerSecond(), settings.rateBurst(), nanos);
        this.authFailures = new RateLimiter(AUTH_FAILURES_PER_S, AUTH_FAILURE_BURST, nanos);
        this.backend = backend;
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        HttpHardening.install(router, BODY_LIMIT_BYTES, HttpAnswers::error);
        CorsPolicy.install(router, settings.corsOrigin());
        router.route().failureHandler(ctx -> HttpAnswers.failure(ctx, BODY_LIMIT_BYTES));
        router.get("/api/v1/health").handler(this::health);
        OpenApiRoutes.install(router);
        router.route("/api/v1/*").handler(this::authenticate);
        EnumSet<Role> alertReaders = EnumSet.of(Role.CONTROLROOM, Role.GROUNDTEAM, Role.ADMIN);
        EnumSet<Role> controlRoom = EnumSet.of(Role.CONTROLROOM, Role.ADMIN);
        router.get("/api/v1/alerts").handler(ctx -> allow(ctx, alertReaders, this::alerts));
        router.get("/api/v1/alerts/:id").handler(ctx -> allow(ctx, alertReaders, this::alert));
        router.post("/api/v1/alerts/:id/ack").handler(ctx -> allow(ctx, alertReaders, (c, g) -> act(c, g, TeamAction.Kind.ACK)));
        router.post("/api/v1/alerts/:id/arrive").handler(ctx -> allow(ctx, alertReaders, (c, g) -> act(c, g, TeamAction.Kind.ARRIVE)));
        router.post("/api/v1/alerts/:id/resolve").handler(ctx -> allow(ctx, alertReaders, (c, g) -> act(c, g, TeamAction.Kind.RESOLVE)));
        router.post("/api/v1/alerts/:id/handover").handler(ctx -> allow(ctx, alertReaders, (c, g) -> act(c, g, TeamAction.Kind.HANDOVER)));
        router.post("/api/v1/alerts/:id/confirm").handler(ctx -> allow(ctx, controlRoom, (c, g) -> act(c, g, TeamAction.Kind.CONFIRM)));
        router.post("/api/v1/alerts/:id/dismiss").handler(ctx -> allow(ctx, controlRoom, (c, g) -> act(c, g, TeamAction.Kind.DISMISS)));
        router.post("/api/v1/tips").handler(ctx -> allow(ctx, EnumSet.allOf(Role.class), this::tip));
        WeatherRoutes.install(router, backend, context, controlRoom);
        EventRoutes.install(router, backend, context);
        DashboardRoutes.install(router, settings.mapTileUrl());
        StatsCsvRoute.install(router, backend, context, controlRoom);
        router.get("/api/v1/stats").handler(ctx -> allow(ctx, controlRoom, (c, g) -> blockingText(c, backend::stats, "application/json")));
        MetricsRoutes.install(router, this::authenticate, backend);
        router.get("/api/v1/sites").handler(ctx -> allow(ctx, EnumSet.allOf(Role.class),
                (c, g) -> c.response().putHeader("Content-Type", "application/geo+json").end(backend.sitesGeoJson())));
        router.get("/api/v1/drones").handler(ctx -> allow(ctx, EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN), this::drones));
        SweepRoutes.install(router, backend, context);
        router.get("/api/v1/audit").handler(ctx -> allow(ctx, EnumSet.of(Role.ADMIN), this::auditTrail));
        router.errorHandler(404, ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().path()));
        router.errorHandler(405, ctx -> error(ctx, 405, "method " + ctx.request().method() + " is not allowed on "
                + ctx.request().path()));
        return vertx.createHttpServer(HttpHardening.serverOptions())
                .requestHandler(router)
                .listen(settings.port(), settings.host())
                .onSuccess(s -> {
                    server = s;
                    LOG.info("http listening host={} port={}", settings.host(), s.actualPort());
                });
    }

    /** The routes as built (a test holds them against the OpenAPI description). */
    Router router() {
        return router;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private void health(RoutingContext ctx) {
        vertx.executeBlocking(backend::health).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "health check failed: " + ar.cause().getMessage());
                return;
            }
            HttpBackend.Health h = ar.result();
            ObjectNode body = JSON.createObjectNode();
            body.put("status", h.up() ? "UP" : "DOWN");
            body.put("role", h.role());
            ObjectNode parts = body.putObject("components");
            h.components().keySet().forEach(name -> parts.put(name, h.shown(name)));
            ArrayNode failing = body.putArray("failing");
            h.components().forEach((name, ok) -> {
                if (!ok) {
                    failing.add(name);
                }
            });
            h.details().forEach(body::set);
            send(ctx, h.up() ? 200 : 503, body.toString());
        });
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private void authenticate(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        long blocked = authFailures.waitFor(address);
        if (blocked > 0) {
            // not even checked: a guess that happened to be right must not be told apart while the address is held off
            ctx.response().putHeader("Retry-After", Long.toString(blocked));
            error(ctx, 429, "too many failed authentications from " + address + "; try again in " + blocked + " s");
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        settings.tokens().check(token).ifPresentOrElse(grant -> {
            long wait = limiter.take(AccessTokens.hash(token));
            if (wait > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(wait));
                error(ctx, 429, String.format(java.util.Locale.ROOT, "too many requests with this token: %s per second "
                        + "allowed (bursts of %d); try again in %d s", trim(settings.ratePerSecond()), settings.rateBurst(), wait));
                return;
            }
            ctx.put("grant", grant);
            ctx.put("tokenId", AccessTokens.hash(token).substring(0, 8));
            ctx.next();
        }, () -> {
            authFailures.take(address);
            error(ctx, 401, token == null ? "missing bearer token" : "invalid bearer token");
        });
    }

    private void alerts(RoutingContext ctx, AccessTokens.Grant grant) {
        String stateParam = ctx.request().getParam("state");
        AlertState state;
        try {
            state = stateParam == null ? null : AlertState.valueOf(stateParam.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "state: '" + stateParam + "' is not one of open, acknowledged, resolved, escalated");
            return;
        }
        String sinceParam = ctx.request().getParam("since");
        Instant since;
        try {
            since = sinceParam == null ? null : Instant.parse(sinceParam);
            if (since != null && (since.isBefore(EARLIEST_SINCE) || since.isAfter(LATEST_SINCE))) {
                error(ctx, 400, "since: '" + sinceParam + "' is outside " + EARLIEST_SINCE + " .. " + LATEST_SINCE);
                return;
            }
        } catch (DateTimeParseException e) {
            error(ctx, 400, "since: '" + sinceParam + "' is not an ISO-8601 UTC time such as 2026-01-05T03:12:00Z");
            return;
        }
        vertx.executeBlocking(() -> backend.alerts(state, since)).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "alerts are unavailable: " + ar.cause().getMessage());
                return;
            }
            List<Alert> visible = ar.result().stream().filter(a -> visibleTo(a, grant)).toList();
            backend.audit(actor(ctx, grant), "read alerts", (state == null ? "all" : state.wireName())
                            + (since == null ? "" : " since " + since),
                    visible.size() + " alerts with their locations");
            ArrayNode out = JSON.createArrayNode();
            visible.forEach(a -> out.add(AlertJson.toJson(a)));
            send(ctx, 200, out.toString());
        });
    }

    private void auditTrail(RoutingContext ctx, AccessTokens.Grant grant) {
        String limitParam = ctx.request().getParam("limit");
        int limit;
        try {
            limit = limitParam == null ? 100 : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 1000) {
            error(ctx, 400, "limit: '" + limitParam + "' is not a whole number within 1..1000");
            return;
        }
        int n = limit;
        blockingText(ctx, () -> backend.auditJson(n), "application/json");
    }

    private void alert(RoutingContext ctx, AccessTokens.Grant grant) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> backend.alert(id)).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "alerts are unavailable: " + ar.cause().getMessage());
                return;
            }
            ar.result().ifPresentOrElse(a -> {
                if (!visibleTo(a, grant)) {
                    error(ctx, 404, "no alert '" + id + "'"); // the same answer as for none: nothing said of whose it is
                } else {
                    backend.audit(actor(ctx, grant), "read alert", a.alertId(),
                            String.format(Locale.ROOT, "at %.5f,%.5f", a.lat(), a.lon()));
                    send(ctx, 200, AlertJson.write(a));
                }
            }, () -> error(ctx, 404, "no alert '" + id + "'"));
        });
    }

    static boolean visibleTo(Alert a, AccessTokens.Grant grant) {
        return grant.role() != Role.GROUNDTEAM
                || (a.teamId().equals(grant.teamId()) && a.dispatch() == Dispatch.TEAM);
    }

    private void act(RoutingContext ctx, AccessTokens.Grant grant, TeamAction.Kind kind) {
        String id = ctx.pathParam("id");
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        TeamAction action;
        try {
            TeamAction parsed = AckParser.parseBody(body, id, kind,
                    grant.role() == Role.GROUNDTEAM ? grant.teamId() : null, null);
            // who acted is what the token vouches for; "by" is only a name within that team
            action = new TeamAction(parsed.alertId(), parsed.kind(), actedBy(parsed.by(), ctx, grant), parsed.outcome(),
                    parsed.items(), parsed.note(), parsed.toTeam(), parsed.actingTeam());
        } catch (InboundRejection | IllegalArgumentException e) {
            error(ctx, 400, kind.wireName() + ": " + e.getMessage());
            return;
        }
        Future.fromCompletionStage(backend.act(action), context).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, ar.cause().getMessage());
                return;
            }
            ActionResult result = ar.result();
            if (result instanceof ActionResult.Changed changed) {
                send(ctx, 200, AlertJson.write(changed.alert()));
            } else if (result instanceof ActionResult.Unchanged same) {
                send(ctx, 200, AlertJson.write(same.alert()));
            } else if (result instanceof ActionResult.Refused refused) {
                error(ctx, switch (refused.why()) {
                    case UNKNOWN_ALERT -> 404;
                    case CONFLICT -> 409;
                    case UNSTORABLE, INVALID -> 400;
                }, refused.reason());
            }
        });
    }

    private void tip(RoutingContext ctx, AccessTokens.Grant grant) {
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        Future.fromCompletionStage(backend.tip(body), context).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, ar.cause().getMessage());
                return;
            }
            TipResult r = ar.result();
            if (r.refusal() != null) {
                error(ctx, 400, "tip: " + r.refusal());
            } else if (r.duplicate()) {
                ObjectNode o = JSON.createObjectNode();
                o.put("duplicate", true);
                send(ctx, 200, o.toString());
            } else if (!visibleTo(r.alert(), grant)) {
                // taken; but the alert it joined is not this caller's to see (another team's, or under review)
                ObjectNode o = JSON.createObjectNode();
                o.put("accepted", true);
                send(ctx, 202, o.toString());
            } else {
                backend.audit(actor(ctx, grant), "read alert", r.alert().alertId(), String.format(Locale.ROOT,
                        "at %.5f,%.5f, in answer to a tip", r.alert().lat(), r.alert().lon()));
                send(ctx, 201, AlertJson.write(r.alert()));
            }
        });
    }

    /** "name (role team, token 1a2b3c4d)", or without the name: the token says who, the body only which person. */
    private static String actedBy(String name, RoutingContext ctx, AccessTokens.Grant grant) {
        String who = grant.role().wireName() + (grant.teamId() == null ? "" : " " + grant.teamId()) + ", token "
                + ctx.get("tokenId");
        return name == null || name.isBlank() ? who : name.strip() + " (" + who + ")";
    }

    private void blockingText(RoutingContext ctx, java.util.concurrent.Callable<String> body, String contentType) {
        vertx.executeBlocking(body).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "unavailable: " + ar.cause().getMessage());
            } else {
                ctx.response().setStatusCode(200).putHeader("Content-Type", contentType).end(ar.result());
            }
        });
    }

    private void drones(RoutingContext ctx, AccessTokens.Grant grant) {
        send(ctx, 200, DroneJson.array(backend.drones()));
    }
}
