package org.winterwatch.coordinator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.coordinator.app.Coordinator;
import org.winterwatch.coordinator.app.CoordinatorSettings;
import org.winterwatch.coordinator.cli.WinterWatchCli;
import org.winterwatch.coordinator.http.AccessTokens;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.reliability.MosquittoProcess;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.layer.SiteLayers;

/**
 * Mosquitto with TLS listeners whose certificates the test makes with its own CA: the coordinator, a sensor and a team's
 * phone log in over TLS with passwords and an alert flows; a broker whose certificate names another host is refused
 * (the server's name is verified), so is one signed by a CA not given; a listener that asks for client certificates
 * takes a client by its certificate and key alone, and refuses one without.
 */
class TlsBrokerIT {

    private static final Topics TOPICS = new Topics("ww/v1");
    private static final Map<String, String> PASSWORDS = Map.of("ww-coordinator", "coordinator-secret",
            "sensor-1", "sensor-secret", "phone", "phone-secret");

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static MosquittoProcess broker;
    private static int wrongNamePort;
    private static int clientCertPort;

    @BeforeAll
    static void brokerWithTlsListeners() throws Exception {
        certs = TestCertificates.authority(dir.resolve("pki"));
        Path server = certs.server("broker", "DNS:localhost,IP:127.0.0.1");
        Path elsewhere = certs.server("elsewhere", "DNS:elsewhere.example");
        certs.client("sensor-2");
        Path passwords = BrokerUsers.write(dir.resolve("passwd"), PASSWORDS);
        wrongNamePort = MosquittoProcess.freePort();
        clientCertPort = MosquittoProcess.freePort();
        broker = MosquittoProcess.withSettings(dir.resolve("mosquitto"),
                "cafile " + certs.caFile(), "certfile " + server, "keyfile " + certs.keyOf("broker"),
                "listener " + wrongNamePort + " 127.0.0.1",
                "cafile " + certs.caFile(), "certfile " + elsewhere, "keyfile " + certs.keyOf("elsewhere"),
                "listener " + clientCertPort + " 127.0.0.1",
                "cafile " + certs.caFile(), "certfile " + server, "keyfile " + certs.keyOf("broker"),
                "require_certificate true", "use_identity_as_username true",
                "allow_anonymous false", "password_file " + passwords).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anAlertFlowsOverTlsFromASensorThroughTheCoordinatorToATeam() throws Exception {
        String url = "ssl://127.0.0.1:" + broker.port();
        Site site = SiteLayers.demoLayer().patrolSites().get(0);
        Coordinator coordinator = Coordinator.start(new CoordinatorSettings(url, "ww/v1", "ww-coordinator",
                Database.embedded(dir.resolve("db")), SiteLayers.demoLayer(), List.of(), Clock.systemUTC(),
                AlertPolicy.defaults(), new HttpSettings("127.0.0.1", 0, new AccessTokens()), -15, Duration.ofHours(6),
                List.of()).withMqttSecurity(login("ww-coordinator", trustingOurCa())));
        try (LoggedInClient phone = LoggedInClient.connect(url, login("phone", trustingOurCa()));
             LoggedInClient sensor = LoggedInClient.connect(url, login("sensor-1", trustingOurCa()))) {
            phone.subscribe(TOPICS.allAlerts());
            String id = "d-" + UUID.randomUUID();
            var at = site.geometry().getInteriorPoint();
            assertThat(sensor.publish(TOPICS.detectionsOf("sensor-1"), "{\"id\":\"" + id + "\",\"source\":\"sensor-1\","
                    + "\"kind\":\"thermal\",\"lat\":" + at.getY() + ",\"lon\":" + at.getX() + ",\"observedAt\":\""
                    + Instant.now() + "\",\"confidence\":0.9}")).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> phone.received().stream()
                    .anyMatch(r -> r.payload().path("detectionIds").toString().contains(id)));
        } finally {
            coordinator.close();
        }
    }

    @Test
    void aBrokerWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        try (MqttBridge bridge = new MqttBridge("ssl://127.0.0.1:" + wrongNamePort, "ww-tls-" + UUID.randomUUID(),
                login("ww-coordinator", trustingOurCa()), TOPICS, Clock.systemUTC())) {
            assertThatThrownBy(() -> bridge.connect().get(10, TimeUnit.SECONDS))
                    .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");
            assertThat(bridge.isConnected()).isFalse();
        }
    }

    @Test
    void serveOverMqttsStopsWithOneLineWhenTheBrokerIsNotTheOneItsCertificateNames() throws Exception {
        Path password = Files.writeString(dir.resolve("coordinator-password"), PASSWORDS.get("ww-coordinator") + "\n");
        StringWriter err = new StringWriter();
        int code = WinterWatchCli.run(new String[] {"serve", "--mqtt-url", "mqtts://127.0.0.1:" + wrongNamePort,
                "--mqtt-ca-file", certs.caFile().toString(), "--mqtt-user", "ww-coordinator",
                "--mqtt-password-file", password.toString(), "--data-dir", dir.resolve("serve-data").toString(),
                "--http-port", "0", "--http-host", "127.0.0.1"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        System.out.println("tls broker: serve against a certificate for another name exited " + code + ": "
                + err.toString().strip());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .contains("ssl://127.0.0.1:" + wrongNamePort, "No subject alternative names matching IP address 127.0.0.1");
    }

    @Test
    void aBrokerSignedByACaNotGivenIsRefused() {
        // without --mqtt-ca-file only the JVM's public authorities are trusted, and they did not sign this broker
        assertThatThrownBy(() -> LoggedInClient.connect("ssl://127.0.0.1:" + broker.port(),
                login("sensor-1", null))).hasStackTraceContaining("PKIX path building failed");
    }

    @Test
    void aClientCertificateAndItsKeyAloneLogIn() throws Exception {
        String url = "ssl://127.0.0.1:" + clientCertPort;
        SSLSocketFactory withCertificate = PemTls.socketFactory(PemTls.certificates(certs.caFile()), new PemTls.Identity(
                PemTls.certificates(dir.resolve("pki/sensor-2.pem")), PemTls.privateKey(certs.keyOf("sensor-2"))));
        try (LoggedInClient sensor = LoggedInClient.connect(url, MqttSecurity.of(null, null, withCertificate))) {
            assertThat(sensor.publish(TOPICS.detectionsOf("sensor-2"), "{}")).isZero();
        }
        assertThatThrownBy(() -> LoggedInClient.connect(url, login("sensor-1", trustingOurCa())))
                .as("the same listener without a client certificate").isInstanceOf(MqttException.class);
    }

    private static SSLSocketFactory trustingOurCa() {
        return PemTls.socketFactory(PemTls.certificates(certs.caFile()), null);
    }

    private static MqttSecurity login(String user, SSLSocketFactory tls) {
        return MqttSecurity.of(user, PASSWORDS.get(user).getBytes(StandardCharsets.UTF_8), tls);
    }
}
