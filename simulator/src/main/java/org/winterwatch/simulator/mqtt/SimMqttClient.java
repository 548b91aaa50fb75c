package org.winterwatch.simulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
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
 * One simulated device's MQTT 5 client (a drone's detector, a fixed sensor, a ground team's phone): QoS 1 publishes,
 * optional subscriptions, and a connection that keeps trying.
 *
 * <p>Paho reconnects by itself only after a first successful connect, so the first connect is retried here with
 * backoff. Credentials and TLS come from whoever starts the simulator, as a step that completes the connect options
 * ({@code login}), so the simulator's devices log in to a secured broker like any other client. Messages published
 * while offline wait in Paho's small in-memory buffer; when that overflows the oldest are dropped. Subscriptions are
 * made again on every connect; a subscriber's session outlives a lost connection by an hour, so what was sent to it
 * meanwhile arrives after the reconnect. A failure is logged and never reaches the caller's loop.
 */
public final class SimMqttClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimMqttClient.class);
    private static final int QOS = 1;
    private static final int OFFLINE_BUFFER = 1000;
    private static final long MAX_RETRY_S = 30;
    /** How long the broker keeps a subscriber's session (and its QoS 1 messages) across a lost connection. */
    private static final long SESSION_EXPIRY_S = 3600;

    private final String clientId;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService retries;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<MqttConnectionOptions> login;
    private final List<String> subscriptions;
    private final BiConsumer<String, byte[]> onMessage;

    /** A client that only publishes. */
    public SimMqttClient(String mqttUrl, String clientId, ScheduledExecutorService retries,
                         Consumer<MqttConnectionOptions> login) throws MqttException {
        this(mqttUrl, clientId, retries, login, List.of(), (topic, payload) -> { });
    }

    /**
     * @param subscriptions topic filters subscribed at QoS 1 on every connect; with any, the session outlives a lost
     *                      connection for an hour, so QoS 1 messages sent meanwhile arrive after the reconnect
     * @param onMessage called on Paho's thread with each message's topic and payload
     */
    public SimMqttClient(String mqttUrl, String clientId, ScheduledExecutorService retries,
                         Consumer<MqttConnectionOptions> login, List<String> subscriptions,
                         BiConsumer<String, byte[]> onMessage) throws MqttException {
        this.clientId = clientId;
        this.login = login;
        this.retries = retries;
        this.subscriptions = List.copyOf(subscriptions);
        this.onMessage = onMessage;
        this.client = new MqttAsyncClient(mqttUrl, clientId, new MemoryPersistence());
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(OFFLINE_BUFFER);
        buffer.setDeleteOldestMessages(true);
        buffer.setPersistBuffer(false);
        client.setBufferOpts(buffer);
        client.setCallback(new Callback());
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connects in the background (retrying until it works or the client is closed). */
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
        // a new run starts clean (another run's queued messages mean nothing to it); see onSuccess for reconnects
        options.setCleanStart(true);
        if (!subscriptions.isEmpty()) {
            options.setSessionExpiryInterval(SESSION_EXPIRY_S);
        }
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        login.accept(options);
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // Paho's automatic reconnect reuses these options: from now on resume the session, so that QoS 1
                    // messages sent to a subscriber while it was cut off arrive once it is back
                    options.setCleanStart(subscriptions.isEmpty());
                    LOG.debug("mqtt connected clientId={} url={}", clientId, client.getServerURI());
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
        LOG.warn("mqtt connect failed clientId={} url={} retryInS={} reason={}", clientId, client.getServerURI(),
                delayS, cause == null ? "?" : cause.getMessage());
        try {
            retries.schedule(() -> connect(Math.min(MAX_RETRY_S, delayS * 2)), delayS, TimeUnit.SECONDS);
        } catch (RuntimeException rejected) {
            LOG.debug("mqtt retry not scheduled clientId={} (shutting down)", clientId);
        }
    }

    /** Publishes at QoS 1; never throws. */
    public void publish(String topic, String json) {
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
                    LOG.warn("mqtt publish failed clientId={} topic={} reason={}", clientId, topic, e.getMessage());
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.warn("mqtt publish failed clientId={} topic={} reason={}", clientId, topic, e.getMessage());
        }
    }

    private void subscribe() {
        for (String filter : subscriptions) {
            try {
                client.subscribe(filter, QOS);
            } catch (MqttException | RuntimeException e) {
                LOG.warn("mqtt subscribe failed clientId={} filter={} reason={}", clientId, filter, e.getMessage());
            }
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
            LOG.debug("mqtt disconnect clientId={} reason={}", clientId, e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("mqtt close clientId={} reason={}", clientId, e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed.get()) {
                LOG.warn("mqtt disconnected clientId={} reason={}", clientId, response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("mqtt error clientId={} reason={}", clientId, e.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                onMessage.accept(topic, message.getPayload());
            } catch (RuntimeException e) {
                LOG.warn("mqtt message not handled clientId={} topic={} reason={}", clientId, topic, e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // logged per publish when it fails
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            subscribe();
            if (reconnect) {
                LOG.info("mqtt reconnected clientId={} url={}", clientId, serverUri);
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced auth
        }
    }
}
