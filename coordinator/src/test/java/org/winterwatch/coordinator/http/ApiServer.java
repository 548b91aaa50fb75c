package org.winterwatch.coordinator.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API alone, on a free port, over a canned backend: for tests of what the HTTP layer itself answers (routes,
 * roles, headers, the description), without a broker or a database. One token per role, {@link #token(Role)}.
 */
final class ApiServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpApiVerticle api;

    private ApiServer(HttpApiVerticle api) {
        this.api = api;
    }

    /** Starts the API; {@code corsOrigin} may be null. */
    static ApiServer start(HttpBackend backend, String corsOrigin) throws Exception {
        AccessTokens tokens = new AccessTokens();
        for (Role role : Role.values()) {
            tokens.add(token(role), new AccessTokens.Grant(role, role == Role.GROUNDTEAM ? "team-north" : null));
        }
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, tokens, 1_000, 1_000).withCorsOrigin(corsOrigin);
        ApiServer server = new ApiServer(new HttpApiVerticle(settings, backend));
        server.vertx.deployVerticle(server.api).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return server;
    }

    static String token(Role role) {
        return "api-server-" + role.wireName() + "-token-0123456789";
    }

    Router router() {
        return api.router();
    }

    /** A GET with a bearer token (none when null) and further headers. */
    HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        return send("GET", path, token, headers);
    }

    HttpResponse<String> send(String method, String path, String token, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A canned backend whose scrape says {@code text}. */
    static HttpBackend scraping(String text) {
        return CannedBackend.answering(Map.of("metrics", () -> text));
    }
}
