package org.winterwatch.coordinator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokerLimitsTest {

    @Test
    void readsReceiveMaximumAndMaximumPacketSizeFromTheConnack() {
        // given a CONNACK as Mosquitto 2.0 sends it with max_inflight_messages 20 and max_packet_size 4096
        MqttProperties connack = new MqttProperties();
        connack.setReceiveMaximum(20);
        connack.setMaximumPacketSize(4096L);

        BrokerLimits limits = BrokerLimits.fromConnack(connack);

        assertThat(limits.receiveMaximum()).isEqualTo(20);
        assertThat(limits.maximumPacketSizeBytes()).isEqualTo(4096L);
    }

    @Test
    void aConnackThatSaysNothingMeansTheProtocolDefaults() {
        BrokerLimits limits = BrokerLimits.fromConnack(new MqttProperties());

        assertThat(limits.receiveMaximum()).isEqualTo(65_535);
        assertThat(limits.maximumPacketSizeBytes()).isEqualTo(268_435_460L);
    }

    @ParameterizedTest(name = "topic {0}, {1} payload bytes, QoS {2}")
    @CsvSource({
        "ww/v1/alerts/team-north, 0, 1",
        "ww/v1/alerts/team-north, 100, 1",
        "ww/v1/alerts/team-north, 100, 0",
        // the remaining length takes one more byte past 127, 16,383 and 2,097,151
        "ww/v1/alerts/ä, 99, 1",
        "ww/v1/alerts/team-north, 16350, 1",
        "ww/v1/alerts/team-north, 16360, 1",
        "ww/v1/alerts/team-north, 2097120, 1",
        "ww/v1/alerts/team-north, 2097130, 1",
    })
    void packetSizeIsWhatPahoPutsOnTheWire(String topic, int payloadBytes, int qos) throws Exception {
        MqttMessage message = new MqttMessage(new byte[payloadBytes]);
        message.setQos(qos);
        MqttPublish publish = new MqttPublish(topic, message, new MqttProperties());
        publish.setMessageId(1);

        long onTheWire = publish.getHeader().length + (long) publish.getPayload().length;

        assertThat(BrokerLimits.publishPacketBytes(topic, payloadBytes, qos)).isEqualTo(onTheWire);
    }

    @Test
    void admitsAPacketOfExactlyTheMaximumAndNotOneByteMore() {
        String topic = "ww/v1/alerts/team-north";
        long fixedPart = BrokerLimits.publishPacketBytes(topic, 0, 1);
        BrokerLimits limits = new BrokerLimits(20, fixedPart + 50);

        assertThat(limits.admits(topic, 50, 1)).isTrue();
        assertThat(limits.admits(topic, 51, 1)).isFalse();
    }
}
