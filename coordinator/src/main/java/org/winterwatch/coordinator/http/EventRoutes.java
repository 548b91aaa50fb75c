package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.actor;
import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.error;

import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.winterwatch.coordinator.fleet.DroneStateJson;
import org.winterwatch.drone.DroneState;

/**
 * {@code GET /api/v1/events} (CONTRACT §5): server-sent events {@code alert}, {@code drone}, {@code sweep} and
 * {@code weather}, each the JSON its REST read gives, to every role for what that role may read (a ground team: its
 * own team's alerts and the weather). {@code ?types=alert,weather} narrows the stream; asking for a kind the role may
 * not read is refused with 403. The bearer token goes in the {@code Authorization} header as for every call.
 */
final class EventRoutes {

    static final String PATH = "/api/v1/events";
    /** A comment this often keeps proxies and the server's idle timeout from closing a quiet stream. */
    static final long HEARTBEAT_MS = 15_000;
    /** How often drone states are compared with what was last sent (drones report several times a second). */
    static final long DRONE_CHECK_MS = 500;
    /** What a browser waits before it reconnects a dropped stream. */
    static final long RETRY_MS = 3_000;
    /** Streams open at once, all callers together; more are answered 503 rather than starving the loop. */
    static final int MAX_STREAMS = 200;

    private final HttpBackend backend;
    private final Context context;
    private final Set<EventStream> open = new HashSet<>();
    private final Map<String, String> lastDroneJson = new HashMap<>();

    private EventRoutes(HttpBackend backend, Context context) {
        this.backend = backend;
        this.context = context;
    }

    static void install(Router router, HttpBackend backend, Context context) {
        EventRoutes routes = new EventRoutes(backend, context);
        router.get(PATH).handler(ctx -> allow(ctx, EnumSet.allOf(Role.class), routes::stream));
        context.owner().setPeriodic(HEARTBEAT_MS, id -> routes.open.forEach(EventStream::heartbeat));
        context.owner().setPeriodic(DRONE_CHECK_MS, id -> routes.checkDrones());
    }

    /**
     * True for a request that opens the event stream: it is answered at once and then stays open by design, so the
     * deadline for answering a request does not apply. Only a bodiless GET qualifies: a body still arriving is not
     * exempt.
     */
    static boolean opensStream(HttpServerRequest request) {
        return request.method() == HttpMethod.GET && PATH.equals(request.path())
                && request.getHeader("Transfer-Encoding") == null
                && (request.getHeader("Content-Length") == null || "0".equals(request.getHeader("Content-Length")));
    }

    private void stream(RoutingContext ctx, AccessTokens.Grant grant) {
        Set<EventKind> wanted;
        try {
            wanted = wanted(ctx.request().getParam("types"), grant.role());
        } catch (TypesRefused e) {
            error(ctx, switch (e.why) {
                case UNKNOWN_KIND -> 400;
                case NOT_READABLE -> 403;
            }, e.getMessage());
            return;
        }
        if (open.size() >= MAX_STREAMS) {
            ctx.response().putHeader("Retry-After", Long.toString(RETRY_MS / 1000));
            error(ctx, 503, "too many event streams are open (" + MAX_STREAMS + "); try again shortly");
            return;
        }
        if (wanted.contains(EventKind.ALERT)) {
            backend.audit(actor(ctx, grant), "watch alerts", "events", "live alerts with their locations");
        }
        EventStream stream = new EventStream(ctx.response(), context, grant, wanted);
        open.add(stream);
        Runnable unsubscribe = backend.events().subscribe(stream);
        ctx.response().closeHandler(v -> {
            stream.closed();
            unsubscribe.run();
            open.remove(stream);
        });
        // the next check sends every drone's state, so that a new page has them within a moment
        lastDroneJson.clear();
        stream.open(RETRY_MS);
    }

    /** The kinds asked for ({@code types}, comma-separated), or all the role may read when none are named. */
    static Set<EventKind> wanted(String types, Role role) throws TypesRefused {
        if (types == null || types.isBlank()) {
            return EnumSet.allOf(EventKind.class).stream().filter(k -> k.readableBy(role))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventKind.class)));
        }
        Set<EventKind> asked = EnumSet.noneOf(EventKind.class);
        for (String name : types.split(",")) {
            Optional<EventKind> kind = EventKind.fromWire(name.trim());
            if (kind.isEmpty()) {
                throw new TypesRefused(TypesRefused.Why.UNKNOWN_KIND,
                        "types: '" + name.trim() + "' is not one of alert, drone, sweep, weather");
            }
            if (!kind.get().readableBy(role)) {
                throw new TypesRefused(TypesRefused.Why.NOT_READABLE,
                        "role " + role.wireName() + " may not read " + kind.get().wireName() + " events");
            }
            asked.add(kind.get());
        }
        return asked;
    }

    /** Publishes each drone whose state changed since the last check, while anyone is watching. */
    private void checkDrones() {
        if (open.isEmpty()) {
            lastDroneJson.clear();
            return;
        }
        for (DroneState state : backend.drones()) {
            String json = DroneStateJson.of(state).toString();
            if (!json.equals(lastDroneJson.put(state.droneId(), json))) {
                backend.events().droneChanged(json);
            }
        }
    }

    /** A {@code types} parameter that cannot be served, and why. */
    static final class TypesRefused extends Exception {

        enum Why { UNKNOWN_KIND, NOT_READABLE }

        final Why why;

        TypesRefused(Why why, String message) {
            super(message, null, false, false);
            this.why = why;
        }
    }
}
