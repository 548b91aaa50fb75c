package org.winterwatch.alerts;

import java.util.concurrent.CompletableFuture;

/**
 * How the alert pipeline sends its outbox to the broker: the one thing it needs of an MQTT connection. Implemented by
 * the application over its client; the pipeline never sees the client itself.
 */
public interface Publisher {

    /**
     * Publishes one message at QoS 1, not retained, and completes when the broker acknowledged it. Fails at once when
     * not connected, with {@link MessageTooLargeException} when the broker would refuse the message for its size, and
     * when the connection is lost before the acknowledgement.
     */
    CompletableFuture<Void> publish(String topic, String payload);

    /** Connected and subscribed: publishes can be sent. */
    boolean isConnected();

    /** How many publishes may await the broker's acknowledgement at once on the current connection (at least 1). */
    int window();

    /** Runs {@code action} after every (re)connection. */
    void onConnected(Runnable action);
}
