package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description against the router that serves the API: every route served is described, every described
 * operation is served, and the description is a valid OpenAPI 3 document that anyone may read, with Swagger UI beside.
 */
class OpenApiDescriptionTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApiServer.start(ApiServer.scraping("ww_up 1\n"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyRouteServedIsDescribedAndEveryDescribedOperationIsServed() {
        Set<String> served = served();
        Set<String> described = described(OpenApiRoutes.description());

        Set<String> undescribed = new TreeSet<>(served);
        undescribed.removeAll(described);
        Set<String> unserved = new TreeSet<>(described);
        unserved.removeAll(served);

        assertThat(undescribed).as("routes served but missing from openapi.yaml").isEmpty();
        assertThat(unserved).as("operations in openapi.yaml that no route serves").isEmpty();
    }

    @Test
    void theDescriptionIsAValidOpenApi3DocumentThatNeedsNoToken() throws Exception {
        HttpResponse<String> answer = server.get(OpenApiRoutes.DESCRIPTION_PATH, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonObject description = new JsonObject(answer.body());
        Vertx vertx = Vertx.vertx();
        try {
            OpenAPIVersion version = OpenAPIVersion.fromContract(description);
            SchemaRepository schemas = done(version.getRepository(vertx, "app:///"));
            OutputUnit checked = done(version.validateContract(vertx, schemas, description));
            assertThat(checked.getErrors()).as("what is wrong with openapi.yaml").isNullOrEmpty();
            assertThat(checked.getValid()).isTrue();
            JsonObject resolved = done(version.resolve(vertx, schemas, description));
            assertThat(resolved.getJsonObject("paths").getJsonObject("/api/v1/sweeps").getJsonObject("post")
                    .getJsonObject("responses").getJsonObject("201").getString("description")).contains("Location");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static <T> T done(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void swaggerUiComesFromItsWebJarAndReadsTheDescriptionWithoutInlineScript() throws Exception {
        HttpResponse<String> docs = server.get("/api/docs", null);
        HttpResponse<String> page = server.get("/api/docs/", null);
        HttpResponse<String> initializer = server.get("/api/docs/swagger-initializer.js", null);
        HttpResponse<String> bundle = server.get("/api/docs/swagger-ui-bundle.js", null);

        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location")).hasValue("/api/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"./swagger-initializer.js\"")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("style=");
        assertThat(initializer.body()).contains("url: '/api/v1/openapi.json'").doesNotContain("petstore");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(server.get("/api/docs/no-such-file.js", null).statusCode()).isEqualTo(404);
    }

    /** "GET /api/v1/alerts/{id}" for each route with a path (a pure regex route has none); prefixes ("/api/docs/*") serve files. */
    private static Set<String> served() {
        Set<String> out = new TreeSet<>();
        for (Route route : server.router().getRoutes()) {
            String path = route.getPath();
            if (path == null || !route.isExactPath()) {
                continue;
            }
            String described = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            Set<HttpMethod> methods = route.methods() == null || route.methods().isEmpty()
                    ? Set.of(HttpMethod.GET) : route.methods();   // every method: it is served by GET at least
            methods.forEach(m -> out.add(m.name() + " " + described));
        }
        return out;
    }

    private static Set<String> described(JsonNode description) {
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(field -> {
                if (METHODS.contains(field)) {
                    out.add(field.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return out;
    }
}
