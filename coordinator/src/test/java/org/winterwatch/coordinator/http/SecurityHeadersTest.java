package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a browser is told with every answer (issue 13): a content security policy the pages satisfy, no sniffing, no
 * referrer, no framing; and no cross-origin access unless {@code cors_origin} names the one origin allowed.
 */
class SecurityHeadersTest {

    private static final String CONTROL_ROOM_SITE = "https://control.example.org";

    @Test
    void everyAnswerCarriesTheSecurityHeadersWhateverItsStatus() throws Exception {
        try (ApiServer server = ApiServer.start(ApiServer.scraping("ww_up 1\n"), null)) {
            List<HttpResponse<String>> answers = List.of(
                    server.get("/api/docs/", null),
                    server.get("/api/docs", null),
                    server.get("/api/v1/openapi.json", null),
                    server.get("/metrics", ApiServer.token(Role.OPERATOR)),
                    server.get("/metrics", null),
                    server.get("/metrics", ApiServer.token(Role.GROUNDTEAM)),
                    server.get("/api/v1/no-such-thing", ApiServer.token(Role.ADMIN)));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 302, 200, 200, 401, 403, 404);
            for (HttpResponse<String> r : answers) {
                String what = r.request().uri().getPath() + " " + r.statusCode();
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(what)
                        .hasValue(HttpHardening.CONTENT_SECURITY_POLICY);
                assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
                assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
                assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
                assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(what).isEmpty();
            }
            assertThat(HttpHardening.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'self'",
                    "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'");
        }
    }

    @Test
    void noOtherOriginMayCallTheApiUnlessConfigured() throws Exception {
        try (ApiServer server = ApiServer.start(ApiServer.scraping("ww_up 1\n"), null)) {
            HttpResponse<String> preflight = server.send("OPTIONS", "/metrics", null, "Origin", CONTROL_ROOM_SITE,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
            HttpResponse<String> read = server.get("/metrics", ApiServer.token(Role.OPERATOR), "Origin", CONTROL_ROOM_SITE);

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void theConfiguredOriginMayCallTheApiWithItsTokenAndNoOtherMay() throws Exception {
        try (ApiServer server = ApiServer.start(ApiServer.scraping("ww_up 1\n"), CONTROL_ROOM_SITE)) {
            HttpResponse<String> preflight = server.send("OPTIONS", "/api/v1/alerts", null, "Origin", CONTROL_ROOM_SITE,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
            HttpResponse<String> read = server.get("/metrics", ApiServer.token(Role.OPERATOR), "Origin", CONTROL_ROOM_SITE);
            HttpResponse<String> elsewhere = server.get("/metrics", ApiServer.token(Role.OPERATOR),
                    "Origin", "https://elsewhere.example.com");

            assertThat(preflight.statusCode()).isBetween(200, 204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONTROL_ROOM_SITE);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("authorization");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CONTROL_ROOM_SITE);
            assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aCorsOriginMustBeOneOriginNotAWildcardOrAPage() {
        AccessTokens tokens = new AccessTokens();
        for (String bad : List.of("*", "https://control.example.org/dashboard", "control.example.org")) {
            assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 0, tokens).withCorsOrigin(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cors_origin: '" + bad + "'");
        }
        assertThat(new HttpSettings("127.0.0.1", 0, tokens).withCorsOrigin("http://[::1]:8443").corsOrigin())
                .isEqualTo("http://[::1]:8443");
    }
}
