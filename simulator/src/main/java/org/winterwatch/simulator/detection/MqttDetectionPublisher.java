package org.winterwatch.simulator.detection;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one drone's detections over MQTT 5 (QoS 1) to {@code {prefix}/detections/{droneId}} with
 * client id {@code sim-<droneId>}.
 *
 * <p>Paho reconnects by itself only after a first successful connect, so the first connect is retried
 * here with backoff. Credentials and TLS come from whoever starts the simulator, as a step that completes the connect
 * options ({@code login}), so that the simulator's sensors log in to a secured broker like any other client. Detections raised while offline wait in Paho's small in-memory buffer; when that
 * overflows the oldest are dropped. A publish failure is logged and never reaches the world loop.
 */
public final class MqttDetectionPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDetectionPublisher.class);
    private static final int QOS = 1;
    private static final int OFFLINE_BUFFER = 1000;
    private static final long MAX_RETRY_S = 30;

    private final String droneId;
    private final String topic;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService retries;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<MqttConnectionOptions> login;

    /** An anonymous publisher. */
    public MqttDetectionPublisher(String mqttUrl, String topicPrefix, String droneId, ScheduledExecutorService retries)
            throws MqttException {
        this(mqttUrl, topicPrefix, droneId, retries, options -> { });
    }

    /** @param login adds the user name, password and TLS socket factory to each connect's options */
    public MqttDetectionPublisher(String mqttUrl, String topicPrefix, String droneId, ScheduledExecutorService retries,
                                  Consumer<MqttConnectionOptions> login) throws MqttException {
        this.droneId = droneId;
        this.login = login;
        this.topic = topicPrefix + "/detections/" + droneId;
        this.retries = retries;
        this.client = new MqttAsyncClient(mqttUrl, "sim-" + droneId, new MemoryPersistence());
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(OFFLINE_BUFFER);
        buffer.setDeleteOldestMessages(true);
        buffer.setPersistBuffer(false);
        client.setBufferOpts(buffer);
        client.setCallback(new ConnectionLog());
    }

    public String topic() {
        return topic;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connects in the background (retrying until it works or the publisher is closed). */
    public void start() {
        connect(1);
    }

    private void connect(long delayS) {
        if (closed.get()) {
            return;
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, (int) MAX_RETRY_S);
        // Paho caps its reconnect back-off with this (milliseconds; 128 s by default), not with the pair above.
        options.setMaxReconnectDelay((int) (MAX_RETRY_S * 1000));
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        login.accept(options);
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.debug("mqtt connected droneId={} url={}", droneId, client.getServerURI());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryLater(delayS, e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            retryLater(delayS, e);
        }
    }

    private void retryLater(long delayS, Throwable cause) {
        if (closed.get()) {
            return;
        }
        LOG.warn("mqtt connect failed droneId={} url={} retryInS={} reason={}", droneId, client.getServerURI(),
                delayS, cause == null ? "?" : cause.getMessage());
        try {
            retries.schedule(() -> connect(Math.min(MAX_RETRY_S, delayS * 2)), delayS, TimeUnit.SECONDS);
        } catch (RuntimeException rejected) {
            LOG.debug("mqtt retry not scheduled droneId={} (shutting down)", droneId);
        }
    }

    /** Publishes a detection payload; never throws. */
    public void publish(String json) {
        if (closed.get()) {
            return;
        }
        try {
            MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
            message.setQos(QOS);
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // delivered to the broker
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.warn("detection publish failed droneId={} topic={} reason={}", droneId, topic, e.getMessage());
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.warn("detection publish failed droneId={} topic={} reason={}", droneId, topic, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("mqtt disconnect droneId={} reason={}", droneId, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("mqtt close droneId={} reason={}", droneId, e.getMessage());
        }
    }

    private final class ConnectionLog implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed.get()) {
                LOG.warn("mqtt disconnected droneId={} reason={}", droneId, response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("mqtt error droneId={} reason={}", droneId, e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // the detector only publishes
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // logged per publish when it fails
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                LOG.info("mqtt reconnected droneId={} url={}", droneId, serverUri);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced auth
        }
    }
}
