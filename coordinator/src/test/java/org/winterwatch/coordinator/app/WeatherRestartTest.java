package org.winterwatch.coordinator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.broker.EmbeddedBroker;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.http.Role;
import org.winterwatch.geo.layer.SiteLayers;

/** The weather the control room set (temperature, wind, the extreme-weather plan) outlives a restart of the coordinator. */
class WeatherRestartTest {

    private static final String CONTROL = "control-room-token-0123456789";

    @TempDir
    Path dir;

    private Coordinator start(EmbeddedBroker broker) throws Exception {
        AccessTokens tokens = new AccessTokens().add(CONTROL, new AccessTokens.Grant(Role.CONTROLROOM, null));
        return Coordinator.start(new CoordinatorSettings(broker.url(), "ww/v1", "ww-test-" + UUID.randomUUID(),
                Database.embedded(dir), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(), AlertPolicy.defaults(),
                new HttpSettings("127.0.0.1", 0, tokens), -8, Duration.ofHours(6), List.of()));
    }

    private static HttpResponse<String> call(Coordinator c, String method, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.httpPort() + "/api/v1/weather"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + CONTROL)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theColdWavePlanSetOverHttpIsStillInForceAfterARestart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), port)) {
            try (Coordinator first = start(broker)) {
                HttpResponse<String> set = call(first, "PUT", "{\"ambientTempC\":-27.5,\"windMps\":7.5}");
                assertThat(set.statusCode()).isEqualTo(200);
                assertThat(set.body()).contains("\"ambientTempC\":-27.5").contains("\"windMps\":7.5")
                        .contains("\"coldWave\":true");

                HttpResponse<String> negative = call(first, "PUT", "{\"ambientTempC\":-20,\"windMps\":-1}");
                HttpResponse<String> text = call(first, "PUT", "{\"ambientTempC\":-20,\"windMps\":\"strong\"}");
                assertThat(negative.statusCode()).isEqualTo(400);
                assertThat(negative.body()).contains("windMps");
                assertThat(text.statusCode()).isEqualTo(400);
                assertThat(text.body()).contains("windMps");
                assertThat(call(first, "GET", null).body()).as("a refused setting changes nothing")
                        .contains("\"ambientTempC\":-27.5").contains("\"windMps\":7.5");
            }

            try (Coordinator second = start(broker)) {
                HttpResponse<String> after = call(second, "GET", null);

                assertThat(after.body()).as("configured -8, but the control room's setting wins")
                        .contains("\"ambientTempC\":-27.5").contains("\"windMps\":7.5").contains("\"coldWave\":true");
                HttpResponse<String> calm = call(second, "PUT", "{\"ambientTempC\":-5}");
                assertThat(calm.body()).as("no windMps: calm air").contains("\"windMps\":0.0").contains("\"coldWave\":false");
            }
        }
    }
}
