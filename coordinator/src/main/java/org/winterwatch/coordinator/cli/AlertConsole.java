package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.winterwatch.alerts.Topics;

/**
 * Prints every alert that reaches the broker as one readable line, as a ground team's phone would receive it: each
 * version once, although an escalated alert goes to its team and the control room alike.
 */
final class AlertConsole implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final MqttAsyncClient client;

    private AlertConsole(MqttAsyncClient client) {
        this.client = client;
    }

    static AlertConsole start(String brokerUrl, String prefix, PrintWriter out) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "ww-demo-console-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        SeenVersions seen = new SeenVersions(10_000);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (seen.firstTime(payload)) {
                    out.println(line(payload));
                }
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                try {
                    client.subscribe(new Topics(prefix).allAlerts(), 1);
                } catch (MqttException e) {
                    out.println("(alert console could not subscribe: " + e.getMessage() + ")");
                }
            }

            @Override public void disconnected(MqttDisconnectResponse r) { }
            @Override public void mqttErrorOccurred(MqttException e) { }
            @Override public void deliveryComplete(IMqttToken token) { }
            @Override public void authPacketArrived(int reasonCode, MqttProperties properties) { }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        client.connect(options).waitForCompletion(10_000);
        return new AlertConsole(client);
    }

    /** Which alert versions were printed already (the latest {@code capacity} of them). */
    static final class SeenVersions {
        private final Set<String> seen;

        SeenVersions(int capacity) {
            this.seen = Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            });
        }

        /** True the first time this alert version arrives; an unreadable payload is always shown. */
        synchronized boolean firstTime(String payload) {
            try {
                JsonNode a = JSON.readTree(payload);
                return seen.add(a.get("alertId").asText() + "#" + a.get("version").asLong());
            } catch (Exception e) {
                return true;
            }
        }
    }

    static String line(String payload) {
        try {
            JsonNode a = JSON.readTree(payload);
            String place = a.hasNonNull("siteName")
                    ? a.get("siteName").asText() + " (" + a.path("category").asText() + ")"
                    : "no known site";
            return String.format(Locale.ROOT, "%s  ALERT %-8s %-11s %-44s %.5f,%.5f  %s v%d %s, %d detection(s)",
                    TIME.format(Instant.parse(a.get("lastSeen").asText())),
                    a.get("priority").asText().toUpperCase(Locale.ROOT), a.get("teamId").asText(), place,
                    a.get("lat").asDouble(), a.get("lon").asDouble(), a.get("alertId").asText(),
                    a.get("version").asLong(), a.get("state").asText(), a.get("detectionIds").size());
        } catch (Exception e) {
            return "ALERT (unreadable payload: " + payload + ")";
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(3_000);
        } catch (MqttException e) {
            // nothing left to do on the way out
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // ditto
        }
    }
}
