package org.winterwatch.coordinator.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A client as a team's phone, a sensor or a stranger uses the broker: logs in as told, records every message it
 * receives, and reports what the broker answered to each subscription and publish (MQTT 5 reason codes).
 */
final class LoggedInClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String topic, JsonNode payload) {
    }

    private LoggedInClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects, or throws what Paho reported (a refused login carries its CONNACK reason code). */
    static LoggedInClient connect(String url, MqttSecurity security) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "it-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        LoggedInClient c = new LoggedInClient(client);
        client.setCallback(new MessageCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    c.received.add(new Received(topic, JSON.readTree(message.getPayload())));
                } catch (IOException e) {
                    c.received.add(new Received(topic, JSON.getNodeFactory().textNode("unreadable")));
                }
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(5);
        security.applyTo(options);
        try {
            client.connect(options).waitForCompletion(6_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return c;
    }

    /** The broker's reason code for each filter: 1 granted at QoS 1, 0x87 not authorised. */
    int[] subscribe(String... filters) throws MqttException {
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        IMqttToken token = client.subscribe(filters, qos);
        token.waitForCompletion(5_000);
        return token.getReasonCodes();
    }

    /** Publishes at QoS 1; the broker's reason code in its PUBACK (0 success, 0x87 not authorised). */
    int publish(String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        try {
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(5_000);
            int[] codes = token.getReasonCodes();
            return codes == null || codes.length == 0 ? 0 : codes[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedOn(String topic) {
        return received.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(3_000);
            }
        } finally {
            client.close(true);
        }
    }
}
