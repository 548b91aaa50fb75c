package org.winterwatch.coordinator.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's one MQTT 5 connection: inbound detections, tips and acks; outbound alerts and status.
 *
 * <p>Inbound messages are acknowledged by hand, only after the handler has stored them (RELIABILITY.md): a
 * handler that cannot store leaves the message unacknowledged, and the broker redelivers it after a reconnect.
 * The session outlives a disconnect (clean start off, one day expiry) so nothing sent meanwhile is dropped.
 */
public final class MqttBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    private static final long SESSION_EXPIRY_S = 24 * 3600;
    /** Unacknowledged QoS 1 messages the broker may send us at once: the batch size the worker can use. */
    private static final int RECEIVE_MAXIMUM = 10_000;
    private static final int MAX_PUBLISH_WINDOW = 1000;

    /**
     * Takes one inbound message and calls {@code ack} once its effect is stored; a message never acknowledged is
     * redelivered by the broker after a reconnect. Must not throw.
     */
    @FunctionalInterface
    public interface InboundHandler {
        void handle(String topic, byte[] payload, Runnable ack);
    }

    private final MqttAsyncClient client;
    private final String brokerUrl;
    private final String prefix;
    private final Clock clock;
    private final Map<String, InboundHandler> handlers;
    private final List<Runnable> onConnected = new CopyOnWriteArrayList<>();
    /** The broker's receive maximum from CONNACK: how many of our QoS 1 publishes may await its PUBACK. */
    private volatile int brokerReceiveMaximum = 10;

    public MqttBridge(String brokerUrl, String clientId, String prefix, Clock clock, Map<String, InboundHandler> handlers)
            throws MqttException {
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.brokerUrl = brokerUrl;
        this.prefix = prefix;
        this.clock = clock;
        this.handlers = Map.copyOf(handlers);
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    public String prefix() {
        return prefix;
    }

    /** Runs {@code action} after every (re)connection, once subscriptions are in place. */
    public void onConnected(Runnable action) {
        onConnected.add(action);
    }

    /** Connects, subscribes and announces the coordinator online; completes when that is done. */
    public CompletableFuture<Void> connect() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_S);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 5);
        // Paho caps the back-off with this one (milliseconds, 128 s by default), not with the pair above.
        options.setMaxReconnectDelay(5_000);
        options.setKeepAliveInterval(15);
        options.setConnectionTimeout(10);
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        if (BufferedSocketFactory.serves(brokerUrl)) {
            options.setSocketFactory(new BufferedSocketFactory());
        }
        MqttMessage will = new MqttMessage(status("offline").getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        options.setWill(prefix + "/coordinator/status", will);
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    Integer max = token.getResponseProperties() == null ? null
                            : token.getResponseProperties().getReceiveMaximum();
                    // absent means the protocol's default, 65,535
                    brokerReceiveMaximum = max == null ? 65_535 : max;
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * How many outbox publishes may await the broker's acknowledgement at once: its receive maximum (at most 1,000),
     * less two for status messages and dead letters published beside them.
     */
    public int publishWindow() {
        return Math.max(1, Math.min(MAX_PUBLISH_WINDOW, brokerReceiveMaximum - 2));
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes and completes when the broker acknowledged (QoS 1) or sent (QoS 0) the message. */
    public CompletableFuture<Void> publish(String topic, String payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(qos);
            message.setRetained(retained);
            client.publish(topic, message, null, listener(done));
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Sends an inbound message that could not be accepted to {@code deadletter}, with the reason. */
    public CompletableFuture<Void> deadLetter(String topic, String reason, byte[] payload) {
        return publish(prefix + "/deadletter", DeadLetter.json(topic, reason, clock.instant(), payload), 1, false);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                publish(prefix + "/coordinator/status", status("offline"), 1, true).get(5, TimeUnit.SECONDS);
                client.disconnect(5_000).waitForCompletion(6_000);
            }
        } catch (Exception e) {
            LOG.debug("mqtt disconnect was not clean reason={}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("mqtt close reason={}", e.toString());
        }
    }

    private String status(String status) {
        return "{\"status\":\"" + status + "\",\"at\":\"" + clock.instant() + "\"}";
    }

    private void subscribeAll() {
        MqttSubscription[] subs = handlers.keySet().stream()
                .map(filter -> new MqttSubscription(prefix + "/" + filter, 1))
                .toArray(MqttSubscription[]::new);
        try {
            client.subscribe(subs, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    publish(prefix + "/coordinator/status", status("online"), 1, true);
                    onConnected.forEach(MqttBridge::runQuietly);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.error("mqtt subscribe failed reason={}", e.toString());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("mqtt subscribe failed reason={}", e.toString());
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("on-connect action failed", e);
        }
    }

    private InboundHandler handlerFor(String topic) {
        String rest = topic.startsWith(prefix + "/") ? topic.substring(prefix.length() + 1) : topic;
        for (Map.Entry<String, InboundHandler> e : handlers.entrySet()) {
            String filter = e.getKey();
            if (filter.endsWith("/+") ? rest.startsWith(filter.substring(0, filter.length() - 1))
                    && rest.indexOf('/', filter.length() - 1) < 0 : rest.equals(filter)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static MqttActionListener listener(CompletableFuture<Void> done) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                done.completeExceptionally(e);
            }
        };
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Runnable ack = () -> {
                try {
                    client.messageArrivedComplete(message.getId(), message.getQos());
                } catch (MqttException | RuntimeException e) {
                    LOG.warn("mqtt ack failed topic={} reason={}", topic, e.toString());
                }
            };
            try {
                InboundHandler handler = handlerFor(topic);
                if (handler == null) {
                    deadLetter(topic, "no handler for this topic", message.getPayload());
                    ack.run();
                } else {
                    handler.handle(topic, message.getPayload(), ack);
                }
            } catch (RuntimeException e) {
                LOG.error("inbound handler failed topic={}", topic, e);
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("mqtt connected uri={} reconnect={}", serverUri, reconnect);
            subscribeAll();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("mqtt disconnected reason={}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("mqtt error reason={}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
