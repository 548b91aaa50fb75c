package org.winterwatch.coordinator.mqtt;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.MessageTooLargeException;

/**
 * One connection to the broker: a Paho client used for this connection only, the limits its CONNACK announced, and
 * the publishes awaiting the broker's PUBACK on it. When the connection ends, those publishes fail and the client is
 * thrown away; nothing of it is carried into the next connection.
 */
/** One Paho client, used for one connection only, with the publishes awaiting the broker's PUBACK on it. */
final class BrokerConnection extends MessageCallback {
    /** What a connection tells the session that made it. */
    interface Owner {
        /** Whether this is the connection now in use (an ack for any other is ignored). */
        boolean isCurrent(BrokerConnection link);

        /** Paho reports the connection gone; called on a Paho thread. */
        void disconnected(BrokerConnection link, String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    final MqttAsyncClient client;
    private final Owner owner;
    private final InboundRoutes routes;
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    volatile BrokerLimits limits = BrokerLimits.PROTOCOL_DEFAULTS;
    volatile boolean ready;
    volatile boolean dead;

    BrokerConnection(MqttAsyncClient client, Owner owner, InboundRoutes routes) {
        this.client = client;
        this.owner = owner;
        this.routes = routes;
        client.setManualAcks(true);
        client.setCallback(this);
    }

    CompletableFuture<Void> publish(String topic, MqttMessage message) {
        BrokerLimits now = limits;
        long bytes = BrokerLimits.publishPacketBytes(topic, message.getPayload().length, message.getQos());
        if (bytes > now.maximumPacketSizeBytes()) {
            return CompletableFuture.failedFuture(
                    new MessageTooLargeException(topic, bytes, now.maximumPacketSizeBytes()));
        }
        boolean counted = message.getQos() > 0;
        if (counted && !takeSlot(now.receiveMaximum())) {
            return CompletableFuture.failedFuture(new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(done);
        done.whenComplete((ok, e) -> {
            pending.remove(done);
            if (counted) {
                inFlight.decrementAndGet();
            }
        });
        if (dead) { // lost meanwhile: discard() may have missed this one
            done.completeExceptionally(connectionLost("the connection was lost"));
            return done;
        }
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private boolean takeSlot(int receiveMaximum) {
        while (true) {
            int used = inFlight.get();
            if (used >= receiveMaximum) {
                return false;
            }
            if (inFlight.compareAndSet(used, used + 1)) {
                return true;
            }
        }
    }

    static MqttException connectionLost(String reason) {
        return new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST, new IllegalStateException(reason));
    }

    /** Fails what awaits a PUBACK and closes the client; returns at once, with the closing as a future. */
    CompletableFuture<Void> discard(String reason) {
        dead = true;
        ready = false;
        MqttException lost = connectionLost(reason);
        pending.forEach(f -> f.completeExceptionally(lost));
        return CompletableFuture.runAsync(() -> {
            try {
                client.disconnectForcibly(0, 1, false);
            } catch (MqttException | RuntimeException e) {
                // already disconnected
            }
            try {
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("mqtt close reason={}", e.toString());
            }
        });
    }

    /** Acknowledges an inbound message, if it came on the connection still in use. */
    private void ack(String topic, MqttMessage message) {
        if (dead || !owner.isCurrent(this)) {
            // the broker redelivers it on the new connection if it kept the session; storing it again is a no-op
            LOG.debug("ack for an earlier connection ignored topic={}", topic);
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException | RuntimeException e) {
            LOG.warn("mqtt ack failed topic={} reason={}", topic, e.toString());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        routes.deliver(topic, message.getPayload(), () -> ack(topic, message));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        String reason = "reasonCode=" + response.getReturnCode() + " " + (response.getException() != null
                ? response.getException().toString() : String.valueOf(response.getReasonString()));
        owner.disconnected(this, reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("mqtt error reason={}", exception.toString());
    }
}
