package org.winterwatch.simulator.detection;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.winterwatch.simulator.mqtt.SimMqttClient;

/**
 * Publishes one drone's (or fixed sensor's) detections over MQTT 5 (QoS 1) to {@code {prefix}/detections/{droneId}}
 * with client id {@code sim-<droneId>}; the connection is {@link SimMqttClient}'s, which keeps trying and buffers
 * while offline. A publish failure is logged and never reaches the world loop.
 */
public final class MqttDetectionPublisher implements AutoCloseable {

    private final String topic;
    private final SimMqttClient client;

    /** An anonymous publisher. */
    public MqttDetectionPublisher(String mqttUrl, String topicPrefix, String droneId, ScheduledExecutorService retries)
            throws MqttException {
        this(mqttUrl, topicPrefix, droneId, retries, options -> { });
    }

    /** @param login adds the user name, password and TLS socket factory to each connect's options */
    public MqttDetectionPublisher(String mqttUrl, String topicPrefix, String droneId, ScheduledExecutorService retries,
                                  Consumer<MqttConnectionOptions> login) throws MqttException {
        this.topic = topicPrefix + "/detections/" + droneId;
        this.client = new SimMqttClient(mqttUrl, "sim-" + droneId, retries, login);
    }

    public String topic() {
        return topic;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Connects in the background (retrying until it works or the publisher is closed). */
    public void start() {
        client.start();
    }

    /** Publishes a detection payload; never throws. */
    public void publish(String json) {
        client.publish(topic, json);
    }

    @Override
    public void close() {
        client.close();
    }
}
