package org.winterwatch.coordinator.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A ground team's phone: a persistent MQTT 5 session on {@code ww/v1/alerts/#}; records the newest version of each
 * alert it received and counts exact duplicates (same alertId + version) and conflicting ones.
 */
final class TeamPhone implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttAsyncClient client;
    final Map<String, Long> newestVersion = new ConcurrentHashMap<>();
    final Map<String, JsonNode> newest = new ConcurrentHashMap<>();
    private final Map<String, String> payloadByVersion = new ConcurrentHashMap<>();
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger conflicting = new AtomicInteger();
    final Set<String> deadLetterReasons = ConcurrentHashMap.newKeySet();
    final AtomicInteger deadLetters = new AtomicInteger();
    /** Whether the current connection's subscription is in place (a broker that crashed may have lost it). */
    private volatile boolean subscribed;

    TeamPhone(String brokerUrl, String clientId) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                try {
                    record(topic, message);
                } catch (Exception e) {
                    System.out.println("phone could not read a message on " + topic + ": " + e);
                }
            }

            private void record(String topic, MqttMessage message) throws Exception {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                JsonNode json = JSON.readTree(text);
                if (topic.endsWith("/deadletter")) {
                    deadLetters.incrementAndGet();
                    deadLetterReasons.add(json.path("reason").asText());
                    return;
                }
                String id = json.get("alertId").asText();
                long version = json.get("version").asLong();
                String previous = payloadByVersion.putIfAbsent(id + "#" + version, text);
                if (previous != null) {
                    if (previous.equals(text)) {
                        duplicates.incrementAndGet();
                    } else {
                        conflicting.incrementAndGet();
                    }
                }
                newestVersion.merge(id, version, Math::max);
                if (newestVersion.get(id) == version) {
                    newest.put(id, json);
                }
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                try {
                    client.subscribe(new String[] {"ww/v1/alerts/#", "ww/v1/deadletter"}, new int[] {1, 1}, null,
                            new MqttActionListener() {
                                @Override public void onSuccess(IMqttToken token) {
                                    subscribed = true;
                                }
                                @Override public void onFailure(IMqttToken token, Throwable e) { }
                            });
                } catch (MqttException e) {
                    // resubscribed on the next connection
                }
            }

            @Override public void disconnected(MqttDisconnectResponse r) {
                subscribed = false;
                System.out.println("phone disconnected: " + r);
            }
            @Override public void mqttErrorOccurred(MqttException e) {
                System.out.println("phone error: " + e);
            }
            @Override public void deliveryComplete(IMqttToken t) { }
            @Override public void authPacketArrived(int code, MqttProperties p) { }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 2);
        options.setMaxReconnectDelay(2_000);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new String[] {"ww/v1/alerts/#", "ww/v1/deadletter"}, new int[] {1, 1}).waitForCompletion(10_000);
        subscribed = true;
    }

    boolean isSubscribed() {
        return subscribed && client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect().waitForCompletion(3_000);
        } catch (MqttException e) {
            // the broker may be gone already
        }
        client.close(true);
    }
}
