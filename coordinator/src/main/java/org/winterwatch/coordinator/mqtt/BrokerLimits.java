package org.winterwatch.coordinator.mqtt;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * What the broker allows one connection, as its CONNACK announced it (MQTT 5, 3.2.2.3): how many of our QoS 1
 * publishes may await its PUBACK, and how large a packet it accepts. A broker may announce other values on every
 * connect (a restart with another configuration), so these belong to a connection, never to the client.
 *
 * @param receiveMaximum         QoS 1 and 2 publishes the broker accepts unacknowledged at once
 * @param maximumPacketSizeBytes the largest packet the broker accepts, fixed header included
 */
record BrokerLimits(int receiveMaximum, long maximumPacketSizeBytes) {

    /** The protocol's values when CONNACK says nothing: 65,535 in flight, any packet MQTT can encode. */
    static final BrokerLimits PROTOCOL_DEFAULTS = new BrokerLimits(65_535, 268_435_460L);

    BrokerLimits {
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("receive maximum must be 1..65535, got " + receiveMaximum);
        }
        if (maximumPacketSizeBytes < 1) {
            throw new IllegalArgumentException("maximum packet size must be positive, got " + maximumPacketSizeBytes);
        }
    }

    /** The limits in a CONNACK's properties; what is absent takes the protocol's default. */
    static BrokerLimits fromConnack(MqttProperties connack) {
        Integer receive = connack == null ? null : connack.getReceiveMaximum();
        Long packet = connack == null ? null : connack.getMaximumPacketSize();
        return new BrokerLimits(receive == null ? PROTOCOL_DEFAULTS.receiveMaximum : receive,
                packet == null ? PROTOCOL_DEFAULTS.maximumPacketSizeBytes : packet);
    }

    /** Whether a PUBLISH of this payload to this topic, without properties, is within the maximum packet size. */
    boolean admits(String topic, int payloadBytes, int qos) {
        return publishPacketBytes(topic, payloadBytes, qos) <= maximumPacketSizeBytes;
    }

    /**
     * The encoded size of a PUBLISH without properties (MQTT 5, 3.3): fixed header, topic, packet identifier for
     * QoS 1 and 2, a property length of zero, payload.
     */
    static long publishPacketBytes(String topic, int payloadBytes, int qos) {
        long remaining = 2L + topic.getBytes(StandardCharsets.UTF_8).length + (qos > 0 ? 2 : 0) + 1 + payloadBytes;
        return 1 + variableByteIntegerBytes(remaining) + remaining;
    }

    private static int variableByteIntegerBytes(long value) {
        int bytes = 1;
        while (value > 127) {
            value >>= 7;
            bytes++;
        }
        return bytes;
    }
}
