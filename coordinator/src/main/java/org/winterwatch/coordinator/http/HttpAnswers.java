package org.winterwatch.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the API answers: JSON bodies, and errors as {@code {"error","details"}} (CONTRACT §5) with no stack traces. */
final class HttpAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpAnswers() {
    }

    /** Answers a request that failed in the router or a handler; never a stack trace to the client. */
    static void failure(RoutingContext ctx, long bodyLimitBytes) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status == 413) {
            error(ctx, 413, "request body is larger than " + bodyLimitBytes + " bytes");
            return;
        }
        if (status == 400 && !ctx.response().ended()) {
            // the router refuses a query it cannot decode before any route runs; a body handler a body it cannot read
            error(ctx, 400, queryDecodes(ctx) ? "request body: cannot be read (multipart and forms are not taken)"
                    : "query: '" + ctx.request().query() + "' is not valid percent-encoding");
            return;
        }
        if (status >= 500) {
            LOG.error("http request failed method={} path={}", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        if (!ctx.response().ended()) {
            error(ctx, status, status >= 500 ? "internal error; see the coordinator's log" : "request refused");
        }
    }

    private static boolean queryDecodes(RoutingContext ctx) {
        try {
            String query = ctx.request().query();
            if (query != null) {
                java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void error(RoutingContext ctx, int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        body.putArray("details");
        send(ctx, status, body.toString());
    }

    static void send(RoutingContext ctx, int status, String json) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }
}
