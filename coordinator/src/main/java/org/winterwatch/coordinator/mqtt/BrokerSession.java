package org.winterwatch.coordinator.mqtt;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.winterwatch.coordinator.app.Timers;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to the broker, and makes a new one after every loss.
 *
 * <p>Paho's automatic reconnect is not used: on reconnect it resends its stored in-flight publishes without regard to
 * the new CONNACK's Receive Maximum, and a broker that allows fewer (Mosquitto: 20) closes the connection with reason
 * 130 on every attempt. Here a lost connection fails every publish still awaiting its PUBACK (the outbox, not Paho,
 * holds what must be sent again), its Paho client is thrown away, and the next attempt uses a fresh client and fresh
 * memory persistence, so nothing is resent that the broker did not ask for. Clean start stays off with a session
 * expiry, so a broker that kept the session redelivers the inbound messages not yet acknowledged; a broker that lost
 * it gets the subscriptions again. Every connection reads its own limits from its CONNACK.
 *
 * <p>A broker that refuses the login ({@link LoginRefusal}) fails the first connection with that refusal as its cause;
 * later, the refusal is logged once and kept for health to show until a login is accepted again. Attempts go on at the
 * usual back-off, so that a password fixed on the broker's side is taken up without a restart.
 *
 * <p>All state changes run on one thread, {@code ww-mqtt}; Paho's callbacks only hand events to it.
 */
final class BrokerSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSession.class);
    /** An attempt neither connected and subscribed nor failed by then is abandoned (Paho's own timeout is 10 s). */
    private static final long ATTEMPT_DEADLINE_S = 15;

    private final String brokerUrl;
    private final String clientId;
    private final String user;
    private final Supplier<MqttConnectionOptions> options;
    private final Supplier<InboundRoutes> routes;
    private final Runnable onReady;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private final ScheduledExecutorService loop = Timers.single("ww-mqtt");
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    private final BrokerConnection.Owner owner = new BrokerConnection.Owner() {
        @Override
        public boolean isCurrent(BrokerConnection link) {
            return current == link;
        }

        @Override
        public void disconnected(BrokerConnection link, String reason) {
            run(() -> lost(link, reason));
        }
    };
    private volatile BrokerConnection current;
    private volatile BrokerLimits limits = BrokerLimits.PROTOCOL_DEFAULTS;
    private volatile boolean closed;
    /** The broker's refusal of the latest login attempt, until one is accepted. */
    private volatile LoginRefusal refusal;

    /**
     * @param options a fresh set of connect options for each attempt
     * @param routes  who takes which inbound message, read at each connection
     * @param user    the user name the options log in with (null: anonymous), for the logs
     * @param onReady run on the session thread after each connection is made and subscribed
     */
    BrokerSession(String brokerUrl, String clientId, String user, Supplier<MqttConnectionOptions> options,
                  Supplier<InboundRoutes> routes,
                  Runnable onReady) throws MqttException {
        this.brokerUrl = brokerUrl;
        this.clientId = clientId;
        this.user = user;
        this.options = options;
        this.routes = routes;
        this.onReady = onReady;
        new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence()).close(true); // refuses a bad URL now
    }

    /**
     * Makes the first connection; completes once it is subscribed, or fails if that first attempt fails. From then
     * on every loss is followed by new attempts until {@link #close}.
     */
    CompletableFuture<Void> start() {
        run(this::attempt);
        return firstReady;
    }

    /** Connected, and subscribed on this connection. */
    boolean isReady() {
        BrokerConnection link = current;
        return link != null && link.ready && !link.dead && link.client.isConnected();
    }

    /** Why the broker refused the latest login attempt, while no attempt since was accepted. */
    Optional<LoginRefusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The limits of the current connection, or of the last one while there is none. */
    BrokerLimits limits() {
        return limits;
    }

    /** Publishes on the current connection; fails at once when there is none or the broker's limits forbid it. */
    CompletableFuture<Void> publish(String topic, MqttMessage message) {
        BrokerConnection link = current;
        if (link == null || link.dead || !link.client.isConnected()) {
            return CompletableFuture.failedFuture(new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED));
        }
        return link.publish(topic, message);
    }

    /** Disconnects cleanly if connected and stops making connections. */
    @Override
    public void close() {
        closed = true;
        BrokerConnection link = current;
        if (link != null && link.client.isConnected()) {
            try {
                link.client.disconnect(5_000).waitForCompletion(6_000);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("mqtt disconnect was not clean reason={}", e.toString());
            }
        }
        loop.shutdownNow();
        if (link != null) {
            link.discard("closed").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        firstReady.completeExceptionally(new IllegalStateException("closed"));
    }

    private void run(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void attempt() {
        if (closed) {
            return;
        }
        BrokerConnection link;
        try {
            link = new BrokerConnection(new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence()), owner, routes.get());
        } catch (MqttException | RuntimeException e) {
            fail("cannot create the MQTT client: " + e, e);
            return;
        }
        current = link;
        try {
            link.client.connect(options.get(), null, listener(token -> connected(link, token),
                    e -> connectFailed(link, e)));
            loop.schedule(() -> {
                if (!link.ready && !link.dead) {
                    lost(link, "no CONNACK and SUBACK within " + ATTEMPT_DEADLINE_S + " s");
                }
            }, ATTEMPT_DEADLINE_S, TimeUnit.SECONDS);
        } catch (MqttException | RuntimeException e) {
            connectFailed(link, e);
        }
    }

    private void connectFailed(BrokerConnection link, Throwable e) {
        LoginRefusal refused = LoginRefusal.of(e).orElse(null);
        if (refused != null && refusal == null && firstReady.isDone()) {
            LOG.error("mqtt login refused uri={} user={} reason=\"{}\"; trying again every {} s at most",
                    brokerUrl, user == null ? "(anonymous)" : user, refused, ReconnectBackoff.MOST.toSeconds());
        }
        refusal = refused;
        lost(link, "connect failed: " + e, e);
    }

    private void connected(BrokerConnection link, IMqttToken connack) {
        if (link.dead) {
            return;
        }
        link.limits = BrokerLimits.fromConnack(connack.getResponseProperties());
        limits = link.limits;
        LOG.info("mqtt connected uri={} sessionPresent={} receiveMaximum={} maximumPacketSize={}", brokerUrl,
                connack.getSessionPresent(), link.limits.receiveMaximum(), link.limits.maximumPacketSizeBytes());
        MqttSubscription[] subscriptions = routes.get().subscriptions();
        if (subscriptions.length == 0) { // a SUBSCRIBE without filters is a protocol error
            subscribed(link, null);
            return;
        }
        try {
            link.client.subscribe(subscriptions, null, listener(token -> subscribed(link, token),
                    e -> lost(link, "subscribe failed: " + e)), new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            lost(link, "subscribe failed: " + e);
        }
    }

    private void subscribed(BrokerConnection link, IMqttToken suback) {
        if (link.dead) {
            return;
        }
        int[] codes = suback == null ? null : suback.getReasonCodes();
        for (int code : codes == null ? new int[0] : codes) {
            if (code >= 0x80) {
                lost(link, "subscription refused reasonCode=" + code);
                return;
            }
        }
        link.ready = true;
        if (refusal != null) {
            LOG.warn("mqtt login accepted again uri={} user={}", brokerUrl, user == null ? "(anonymous)" : user);
            refusal = null;
        }
        backoff.reset();
        firstReady.complete(null);
        try {
            onReady.run();
        } catch (RuntimeException e) {
            LOG.error("on-connect action failed", e);
        }
    }

    /** Ends a connection or an attempt: its publishes fail, its client is discarded, a new attempt follows. */
    private void lost(BrokerConnection link, String reason) {
        lost(link, reason, null);
    }

    private void lost(BrokerConnection link, String reason, Throwable cause) {
        if (link.dead) {
            return;
        }
        boolean wasReady = link.ready;
        link.discard(reason);
        if (current == link) {
            current = null;
        }
        if (wasReady) {
            LOG.warn("mqtt connection lost reason={}", reason);
        }
        fail(reason, cause);
    }

    /** After a failed attempt or a lost connection: gives up if the first connection never came, else tries again. */
    private void fail(String reason, Throwable cause) {
        if (!firstReady.isDone()) {
            if (refusal == null) { // a refused login is told by whoever started the session, in one line
                LOG.warn("mqtt first connection failed reason={}", reason);
            }
            firstReady.completeExceptionally(new MqttException(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
                    cause != null ? cause : new IllegalStateException(reason)));
            return;
        }
        if (closed) {
            return;
        }
        long delayMs = backoff.next().toMillis();
        LOG.debug("mqtt connecting again inMs={} after={}", delayMs, reason);
        try {
            loop.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private MqttActionListener listener(java.util.function.Consumer<IMqttToken> success,
                                        java.util.function.Consumer<Throwable> failure) {
        return new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                run(() -> success.accept(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                run(() -> failure.accept(e));
            }
        };
    }
}
