package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.geo.layer.SiteLayers;

/** Requests a careless or hostile client sends (issue 16): each gets a clear, bounded answer and leaves nothing behind. */
class HttpHardeningTest {

    private static final String CONTROL = "control-room-token-hardening-0123";
    private static Path dir;
    private static EmbeddedBroker broker;
    private static Coordinator coordinator;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ww-hardening");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), port);
        coordinator = Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, new AccessTokens().add(CONTROL, new AccessTokens.Grant(Role.CONTROLROOM, null))),
                -8, Duration.ofHours(6), List.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        coordinator.close();
        broker.close();
    }

    private HttpResponse<String> call(String method, String pathAndQuery, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.httpPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerForbidsCachingAndSniffingWhateverItsStatus() throws Exception {
        for (HttpResponse<String> r : List.of(call("GET", "/api/v1/health", null, null, null),
                call("GET", "/api/v1/alerts", null, null, null),
                call("GET", "/api/v1/nothing-here", CONTROL, null, null))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as("status " + r.statusCode()).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void aMultipartPostWritesNoFileWithOrWithoutAToken() throws Exception {
        Path uploads = Path.of("file-uploads");
        long before = filesIn(uploads);
        String boundary = "----ww" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(60_000) + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> anonymous = call("POST", "/api/v1/tips", null, "multipart/form-data; boundary=" + boundary, multipart);
        HttpResponse<String> anywhere = call("POST", "/anything", null, "multipart/form-data; boundary=" + boundary, multipart);
        HttpResponse<String> withToken = call("POST", "/api/v1/tips", CONTROL, "multipart/form-data; boundary=" + boundary, multipart);

        assertThat(filesIn(uploads)).as("files under " + uploads.toAbsolutePath()).isEqualTo(before);
        assertThat(anonymous.statusCode()).isIn(401, 415);
        assertThat(anywhere.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(withToken.statusCode()).as("multipart is not taken at all").isIn(400, 415);
    }

    private static long filesIn(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void aQueryThatDoesNotDecodeIs400NotAServerError() throws Exception {
        // java.net.URI will not even build this request: send it by hand
        String answer = raw("GET /api/v1/alerts?state=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + CONTROL
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("query:").contains("percent-encoding");
    }

    @Test
    void aSinceBeyondWhatTheDatabaseHoldsIsRefusedEitherWay() throws Exception {
        HttpResponse<String> future = call("GET", "/api/v1/alerts?since=%2B999999999-12-31T23:59:59Z", CONTROL, null, null);
        HttpResponse<String> past = call("GET", "/api/v1/alerts?since=-999999999-01-01T00:00:00Z", CONTROL, null, null);
        HttpResponse<String> fine = call("GET", "/api/v1/alerts?since=2026-01-01T00:00:00Z", CONTROL, null, null);

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("since:");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(fine.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() throws Exception {
        HttpResponse<String> plain = call("PUT", "/api/v1/weather", CONTROL, "text/plain", "{\"ambientTempC\":-20}");
        HttpResponse<String> json = call("PUT", "/api/v1/weather", CONTROL, "application/json; charset=utf-8",
                "{\"ambientTempC\":-8}");

        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("Content-Type").contains("application/json");
        assertThat(json.statusCode()).isEqualTo(200);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405AndAnUnknownPathIs404() throws Exception {
        HttpResponse<String> method = call("DELETE", "/api/v1/tips", CONTROL, null, null);
        HttpResponse<String> path = call("GET", "/api/v1/no-such-thing", CONTROL, null, null);

        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("\"error\"");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(path.body()).contains("\"error\"");
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), coordinator.httpPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anH2cUpgradeIsNotTakenUp() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), coordinator.httpPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, head.length);
            assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 ").doesNotContain("101");
        }
    }
}
