package org.winterwatch.coordinator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.winterwatch.alerts.MessageTooLargeException;
import org.winterwatch.alerts.Topics;
import org.winterwatch.coordinator.mqtt.MqttBridge;

/**
 * The bridge follows the limits a real Mosquitto announces in its CONNACK: its publish window stays within the
 * Receive Maximum, and a message larger than the Maximum Packet Size is refused before it reaches the broker, which
 * would otherwise close the connection.
 */
class BrokerLimitsIT {

    @TempDir
    Path dir;

    @Test
    void followsTheReceiveMaximumAndRefusesAMessageLargerThanTheBrokerAccepts() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.withSettings(dir.resolve("mosquitto"),
                "max_inflight_messages 5", "max_packet_size 2048").start();
             MqttBridge bridge = new MqttBridge(broker.url(), "ww-limits-test", new Topics("ww/v1"), Clock.systemUTC())) {
            bridge.connect().get(20, TimeUnit.SECONDS);

            assertThat(bridge.publishWindow()).as("receive maximum 5, less 2 for status and dead letters").isEqualTo(3);

            Throwable tooLarge = catchThrowable(() -> bridge.publish("ww/v1/alerts/team-north", "x".repeat(4096), 1, false)
                    .get(10, TimeUnit.SECONDS));
            assertThat(tooLarge).isInstanceOf(ExecutionException.class).cause().isInstanceOf(MessageTooLargeException.class);
            assertThat(((MessageTooLargeException) tooLarge.getCause()).maximumBytes()).isEqualTo(2048);

            bridge.publish("ww/v1/alerts/team-north", "x".repeat(1024), 1, false).get(10, TimeUnit.SECONDS);
            assertThat(bridge.isConnected()).as("still connected after the refused message").isTrue();
        }
    }
}
