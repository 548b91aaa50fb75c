package org.winterwatch.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.coordinator.mqtt.MqttSecurity;

/** The MQTT login options of serve and simulate: where the password may come from, and what is refused, with why. */
class MqttSecurityOptionsTest {

    private static final String BROKER = "tcp://127.0.0.1:1883";

    @TempDir
    Path dir;

    @Test
    void thePasswordIsTheFirstLineOfThePasswordFile() throws Exception {
        MqttSecurityOptions options = new MqttSecurityOptions();
        options.user = "ww-coordinator";
        options.passwordFile = Files.writeString(dir.resolve("pw"), "s3cret word\nsecond line ignored\n");

        assertThat(password(options.resolve(settings(Map.of()), BROKER))).isEqualTo("s3cret word");
    }

    @Test
    void thePasswordComesFromTheEnvironmentWhenNoFileIsGiven() {
        MqttSecurityOptions options = new MqttSecurityOptions();
        Settings s = settings(Map.of("WW_MQTT_USER", "ww-coordinator", "WW_MQTT_PASSWORD", "from-env"));

        MqttSecurity security = options.resolve(s, BROKER);

        assertThat(security.user()).isEqualTo("ww-coordinator");
        assertThat(password(security)).isEqualTo("from-env");
    }

    @Test
    void thePasswordFileFlagWinsOverTheEnvironment() throws Exception {
        MqttSecurityOptions options = new MqttSecurityOptions();
        options.user = "ww-coordinator";
        options.passwordFile = Files.writeString(dir.resolve("pw"), "from-file\n");

        assertThat(password(options.resolve(settings(Map.of("WW_MQTT_PASSWORD", "from-env")), BROKER)))
                .isEqualTo("from-file");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedWithTheReason() {
        CliRun run = CliRun.of("serve", "--mqtt-url", BROKER, "--mqtt-user", "u", "--mqtt-password", "visible-in-ps");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--mqtt-password", "shows in ps", "--mqtt-password-file", "WW_MQTT_PASSWORD")
                .doesNotContain("visible-in-ps");
    }

    @Test
    void aPasswordInTheConfigFileIsRefused() throws Exception {
        Path config = Files.writeString(dir.resolve("ww.yaml"), "mqtt_user: u\nmqtt_password: plain\n");

        assertThatThrownBy(() -> new MqttSecurityOptions().resolve(Settings.load(config, Map.of()), BROKER))
                .isInstanceOf(UsageError.class).hasMessageContaining("mqtt_password_file");
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        MqttSecurityOptions options = new MqttSecurityOptions();
        options.user = "ww-coordinator";

        assertThatThrownBy(() -> options.resolve(settings(Map.of()), BROKER))
                .isInstanceOf(UsageError.class).hasMessageContaining("--mqtt-user ww-coordinator: no password");
    }

    @Test
    void aMissingPasswordFileNamesTheFile() {
        MqttSecurityOptions options = new MqttSecurityOptions();
        options.user = "u";
        options.passwordFile = dir.resolve("absent");

        assertThatThrownBy(() -> options.resolve(settings(Map.of()), BROKER))
                .hasMessage("--mqtt-password-file " + dir.resolve("absent") + ": no such file");
    }

    @Test
    void mqttsIsPahosSsl() {
        assertThat(MqttSecurity.pahoUrl("mqtts://broker.example:8883")).isEqualTo("ssl://broker.example:8883");
        assertThat(MqttSecurity.pahoUrl("tcp://127.0.0.1:1883")).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(MqttSecurity.isTls("mqtts://b:8883")).isTrue();
    }

    @Test
    void aMissingCaFileStopsServeWithExitCode2NamingTheFlag() {
        Path absent = dir.resolve("no-ca.pem");
        CliRun run = CliRun.of("serve", "--mqtt-url", "mqtts://127.0.0.1:8883", "--mqtt-ca-file", absent.toString(),
                "--data-dir", dir.resolve("data").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("winterwatch serve: --mqtt-ca-file " + absent + ": no such file");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aCaFileForAPlainTcpBrokerIsRefused() throws Exception {
        MqttSecurityOptions options = new MqttSecurityOptions();
        options.caFile = Files.writeString(dir.resolve("ca.pem"), "x");

        assertThatThrownBy(() -> options.resolve(settings(Map.of()), BROKER))
                .isInstanceOf(UsageError.class).hasMessageContaining("mqtts://");
    }

    @Test
    void credentialsForTheEmbeddedBrokerAreRefused() {
        CliRun run = CliRun.of("simulate", "--mqtt-user", "sim", "--drones", "1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--mqtt-url");
    }

    private static Settings settings(Map<String, String> env) {
        return Settings.load(null, env);
    }

    private static String password(MqttSecurity security) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        security.applyTo(options);
        return new String(options.getPassword(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
