package org.winterwatch.coordinator.http;

import static org.winterwatch.coordinator.http.Access.allow;
import static org.winterwatch.coordinator.http.HttpAnswers.error;
import static org.winterwatch.coordinator.http.HttpAnswers.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.winterwatch.alerts.book.Weather;

/**
 * The weather (CONTRACT §6): the control room sets the ambient temperature and, optionally, the wind
 * ({@code {"ambientTempC": -18, "windMps": 5}}; no {@code windMps} means calm air); anyone may read it.
 */
final class WeatherRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpBackend backend;
    private final Context context;

    private WeatherRoutes(HttpBackend backend, Context context) {
        this.backend = backend;
        this.context = context;
    }

    static void install(Router router, HttpBackend backend, Context context, Set<Role> setters) {
        WeatherRoutes routes = new WeatherRoutes(backend, context);
        router.put("/api/v1/weather").handler(ctx -> allow(ctx, setters, routes::put));
        router.get("/api/v1/weather").handler(ctx -> allow(ctx, EnumSet.allOf(Role.class), routes::get));
    }

    private void put(RoutingContext ctx, AccessTokens.Grant grant) {
        Weather.Conditions conditions;
        try {
            conditions = parse(ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        Future.fromCompletionStage(backend.setWeather(conditions), context).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 503, "weather not stored: " + ar.cause().getMessage());
            } else {
                get(ctx, grant);
            }
        });
    }

    private void get(RoutingContext ctx, AccessTokens.Grant grant) {
        send(ctx, 200, json(backend.weather(), backend.coldWave()).toString());
    }

    /** The weather as it is read: temperature, wind, and whether the extreme-weather plan applies. */
    static ObjectNode json(Weather.Conditions now, boolean coldWave) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ambientTempC", now.ambientTempC());
        o.put("windMps", now.windMps());
        o.put("coldWave", coldWave);
        return o;
    }

    /** The conditions a request body sets; an error naming the field when it is not valid. */
    static Weather.Conditions parse(byte[] body) {
        JsonNode o;
        try {
            o = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON");
        }
        if (o == null || !o.path("ambientTempC").isNumber()) {
            throw new IllegalArgumentException("ambientTempC: required, a number in degrees Celsius");
        }
        JsonNode wind = o.path("windMps");
        if (!wind.isMissingNode() && !wind.isNull() && !wind.isNumber()) {
            throw new IllegalArgumentException("windMps: a number of metres per second, 0 or more (leave it out for calm air)");
        }
        return new Weather.Conditions(o.get("ambientTempC").asDouble(), wind.isNumber() ? wind.asDouble() : 0);
    }
}
