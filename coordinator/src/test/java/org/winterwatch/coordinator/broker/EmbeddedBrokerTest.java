package org.winterwatch.coordinator.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {

    @TempDir
    Path home;

    @Test
    void deliversAQos1MessageBetweenTwoMqtt5Clients() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(home, port)) {
            CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
            MqttClient sub = new MqttClient(broker.url(), "test-sub", null);
            sub.setCallback(new RecordingCallback(received));
            sub.connect(new MqttConnectionOptions());
            sub.subscribe("ww/v1/alerts/#", 1);
            MqttClient pub = new MqttClient(broker.url(), "test-pub", null);
            pub.connect(new MqttConnectionOptions());
            pub.publish("ww/v1/alerts/team-north", "{\"alertId\":\"a1\"}".getBytes(StandardCharsets.UTF_8), 1, false);

            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            assertThat(received).containsExactly("ww/v1/alerts/team-north {\"alertId\":\"a1\"}");
            pub.disconnect();
            sub.disconnect();
            pub.close();
            sub.close();
        }
    }
}
