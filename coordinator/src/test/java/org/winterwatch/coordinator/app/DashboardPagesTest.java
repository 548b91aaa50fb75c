package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * What a browser gets at {@code GET /}: the dashboard and its libraries without a token, under a content security
 * policy that allows only this server's own files and that the pages keep (no inline script or style anywhere);
 * {@code GET /api/v1/whoami} tells the page the token's role and team; the API's answers stay JSON.
 */
class DashboardPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path WEBROOT = Path.of("src", "main", "resources", "webroot");
    private static final String TEAM = "pages-team-token-0123456789";

    private static Path dir;
    private static EmbeddedBroker broker;
    private static Coordinator coordinator;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-pages");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        AccessTokens tokens = new AccessTokens().add(TEAM, new AccessTokens.Grant(Role.GROUNDTEAM, "team-north"));
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, tokens), -8, Duration.ofHours(6), List.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        coordinator.close();
        broker.close();
    }

    @Test
    void theDashboardAndItsLibrariesAreServedWithoutATokenUnderAPolicyOfOwnFilesOnly() throws Exception {
        for (String path : List.of("/", "/figures.html", "/js/app.js", "/css/dashboard.css",
                "/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js", "/webjars/uplot/1.6.30/dist/uPlot.esm.js")) {
            HttpResponse<String> page = get(path, null);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
        }
        assertThat(get("/", null).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(get("/js/app.js", null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    }

    @Test
    void thePagesHoldNoInlineScriptOrStyleThatThePolicyWouldRefuse() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineHandlerOrStyle = Pattern.compile("\\s(style|on[a-z]+)\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern styleElement = Pattern.compile("<style", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                assertThat(inlineScript.matcher(html).find()).as(file + ": inline script").isFalse();
                assertThat(inlineHandlerOrStyle.matcher(html).find()).as(file + ": inline style or handler").isFalse();
                assertThat(styleElement.matcher(html).find()).as(file + ": style element").isFalse();
            }
        }
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String js = Files.readString(file);
                assertThat(js).as(file + ": writes markup (or styles) from text").doesNotContain("innerHTML", "outerHTML",
                        "insertAdjacentHTML", "setAttribute('style'", "eval(", "new Function");
            }
        }
    }

    @Test
    void withoutATileServerTheMapIsDrawnFromTheSiteLayerAlone() throws Exception {
        HttpResponse<String> settings = get("/dashboard-settings.json", null);

        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(settings.body()).get("tileUrl").isNull()).isTrue();
        assertThat(get("/", null).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self' data:;"));
    }

    @Test
    void whoamiTellsThePageTheTokensRoleAndTeam() throws Exception {
        HttpResponse<String> who = get("/api/v1/whoami", TEAM);

        assertThat(who.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(who.body());
        assertThat(body.get("role").asText()).isEqualTo("groundteam");
        assertThat(body.get("teamId").asText()).isEqualTo("team-north");
        assertThat(get("/api/v1/whoami", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownPathOutsideTheApiIsA404AndTheApiStaysBehindItsTokens() throws Exception {
        assertThat(get("/no-such-page.html", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/no-such-endpoint", TEAM).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/alerts", null).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
