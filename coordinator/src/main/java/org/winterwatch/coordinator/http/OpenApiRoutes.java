package org.winterwatch.coordinator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The API's own description: its OpenAPI 3 document at {@code GET /api/v1/openapi.json} (written as YAML in the
 * resources, served as JSON) and Swagger UI, from its WebJar, at {@code /api/docs}. Neither needs a token: the
 * description holds nothing that is not in the repository, and Swagger UI must read it before anyone has typed a
 * token into its Authorize dialog. Every operation in it still needs its token.
 */
final class OpenApiRoutes {

    static final String DESCRIPTION_PATH = "/api/v1/openapi.json";
    static final String DOCS_PATH = "/api/docs";
    /** The description as written, on the class path. */
    static final String DESCRIPTION_RESOURCE = "winterwatch/openapi.yaml";
    /** Our index page and its initializer; they come before the WebJar's files of the same names. */
    private static final String DOCS_RESOURCES = "winterwatch/api-docs";
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private OpenApiRoutes() {
    }

    /** Installs the description and the docs; call it before the authentication of {@code /api/v1/*}. */
    static void install(Router router) {
        String description = description().toString();
        router.get(DESCRIPTION_PATH).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(description));
        // the router takes /api/docs/ for /api/docs too: only the one without the slash is sent on
        router.get(DOCS_PATH).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect(DOCS_PATH + "/");
            }
        });
        router.get(DOCS_PATH + "/*")
                .handler(StaticHandler.create(DOCS_RESOURCES).setCachingEnabled(false).setDirectoryListing(false))
                .handler(StaticHandler.create("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion())
                        .setCachingEnabled(false).setDirectoryListing(false));
    }

    /** The OpenAPI document, read from the class path. */
    static JsonNode description() {
        try (InputStream in = resource(DESCRIPTION_RESOURCE)) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(DESCRIPTION_RESOURCE + " is not readable YAML", e);
        }
    }

    /** The WebJar's version, from its own Maven metadata: one place (the pom) names it. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(SWAGGER_UI_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(SWAGGER_UI_POM + " is not readable", e);
        }
        return pom.getProperty("version");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }
}
