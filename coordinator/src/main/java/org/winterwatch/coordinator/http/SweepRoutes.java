package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.actor;
import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.error;
import static org.winterwatch.coordinator.http.HttpAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.winterwatch.coordinator.sweep.SweepAnswer;
import org.winterwatch.coordinator.sweep.SweepControl;
import org.winterwatch.coordinator.sweep.SweepRequest;

/**
 * Sweeps, their patrol schedule and drone commands (CONTRACT §5 and §6): operators and admins launch, abort and
 * recall; the control room reads. Every command, done or refused, is in the audit trail.
 */
final class SweepRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REQUEST_FIELDS = Set.of("siteIds", "droneIds", "altitudeM");

    private final HttpBackend backend;
    private final Context context;

    private SweepRoutes(HttpBackend backend, Context context) {
        this.backend = backend;
        this.context = context;
    }

    static void install(Router router, HttpBackend backend, Context context) {
        SweepRoutes routes = new SweepRoutes(backend, context);
        EnumSet<Role> act = EnumSet.of(Role.OPERATOR, Role.ADMIN);
        EnumSet<Role> read = EnumSet.of(Role.OPERATOR, Role.CONTROLROOM, Role.ADMIN);
        router.post("/api/v1/sweeps").handler(ctx -> allow(ctx, act, routes::launch));
        router.get("/api/v1/sweeps").handler(ctx -> allow(ctx, read, routes::list));
        router.get("/api/v1/sweeps/:id").handler(ctx -> allow(ctx, read, routes::one));
        router.post("/api/v1/sweeps/:id/abort").handler(ctx -> allow(ctx, act, routes::abort));
        router.post("/api/v1/drones/:id/return").handler(ctx -> allow(ctx, act, routes::recall));
        router.get("/api/v1/schedule").handler(ctx -> allow(ctx, read, routes::schedule));
    }

    /** What is due for patrol and when (CONTRACT §5). */
    private void schedule(RoutingContext ctx, AccessTokens.Grant grant) {
        context.owner().executeBlocking(backend::schedule).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "the schedule is unavailable: " + ar.cause().getMessage());
            } else {
                send(ctx, 200, ar.result());
            }
        });
    }

    private void launch(RoutingContext ctx, AccessTokens.Grant grant) {
        SweepRequest request;
        try {
            request = parse(ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (IllegalArgumentException e) {
            backend.audit(actor(ctx, grant), "launch sweep", "-", "refused: " + e.getMessage());
            error(ctx, 400, "sweep: " + e.getMessage());
            return;
        }
        String who = actor(ctx, grant);
        answer(ctx, backend.sweeps().launch(request, who), who, "launch sweep", "new");
    }

    private void abort(RoutingContext ctx, AccessTokens.Grant grant) {
        String who = actor(ctx, grant);
        answer(ctx, backend.sweeps().abort(ctx.pathParam("id"), who), who, "abort sweep", ctx.pathParam("id"));
    }

    private void recall(RoutingContext ctx, AccessTokens.Grant grant) {
        String who = actor(ctx, grant);
        answer(ctx, backend.sweeps().recall(ctx.pathParam("id"), who), who, "recall drone", ctx.pathParam("id"));
    }

    private void one(RoutingContext ctx, AccessTokens.Grant grant) {
        String id = ctx.pathParam("id");
        Future.fromCompletionStage(backend.sweeps().json(id), context).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "sweeps are unavailable: " + ar.cause().getMessage());
            } else if (ar.result().isEmpty()) {
                error(ctx, 404, "no sweep '" + id + "'");
            } else {
                send(ctx, 200, ar.result().get());
            }
        });
    }

    private void list(RoutingContext ctx, AccessTokens.Grant grant) {
        String limitParam = ctx.request().getParam("limit");
        int limit;
        try {
            limit = limitParam == null ? 50 : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 500) {
            error(ctx, 400, "limit: '" + limitParam + "' is not a whole number within 1..500");
            return;
        }
        Future.fromCompletionStage(backend.sweeps().listJson(limit), context).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "sweeps are unavailable: " + ar.cause().getMessage());
            } else {
                send(ctx, 200, ar.result());
            }
        });
    }

    private void answer(RoutingContext ctx, CompletableFuture<SweepAnswer> pending, String who, String action, String target) {
        Future.fromCompletionStage(pending, context).onComplete(ar -> {
            if (ar.failed()) {
                backend.audit(who, action, target, "failed: " + ar.cause().getMessage());
                error(ctx, 503, action + ": " + ar.cause().getMessage());
                return;
            }
            if (ar.result() instanceof SweepAnswer.Done done) {
                backend.audit(who, action, done.sweepId() == null ? target : done.sweepId(), "done");
                if (done.created()) {
                    ctx.response().putHeader("Location", "/api/v1/sweeps/" + done.sweepId());
                }
                send(ctx, done.created() ? 201 : 200, done.json());
            } else if (ar.result() instanceof SweepAnswer.Refused refused) {
                backend.audit(who, action, target, "refused: " + refused.error());
                int status = switch (refused.why()) {
                    case INVALID -> 400;
                    case NOT_FOUND -> 404;
                    case CONFLICT -> 409;
                    case UNAVAILABLE -> 503;
                };
                ObjectNode body = JSON.createObjectNode();
                body.put("error", refused.error());
                ArrayNode details = body.putArray("details");
                refused.details().forEach(details::add);
                send(ctx, status, body.toString());
            }
        });
    }

    /** The request body: an object with optional {@code siteIds}, {@code droneIds} and {@code altitudeM}, or empty. */
    static SweepRequest parse(byte[] body) {
        if (body.length == 0) {
            return SweepRequest.everything();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            return SweepRequest.everything();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"siteIds\": [\"br-01\"]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REQUEST_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; expected siteIds, droneIds, altitudeM");
            }
        }
        JsonNode altitude = root.get("altitudeM");
        if (altitude != null && !altitude.isNull() && !altitude.isNumber()) {
            throw new IllegalArgumentException("altitudeM: must be a number of metres above take-off");
        }
        return new SweepRequest(ids(root, "siteIds"), ids(root, "droneIds"),
                altitude == null || altitude.isNull() ? null : altitude.asDouble());
    }

    private static List<String> ids(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + ": must be an array of ids");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalArgumentException(field + ": every item must be a non-empty string, found " + item);
            }
            out.add(item.asText());
        }
        return out;
    }
}
