package org.winterwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mavsdk.System;
import io.mavsdk.mission.Mission;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;

/** Against the real broker (Mosquitto on 127.0.0.1:1883, or WW_MQTT_URL): detections arrive on the contract topic. */
class DetectionOverMqttIT {

    private static final String URL = java.lang.System.getenv().getOrDefault("WW_MQTT_URL", "tcp://127.0.0.1:1883");
    private static final LatLon HOME = new LatLon(40.0905, 113.3345);
    private static final SimPerson PERSON = new SimPerson("p-1", new LatLon(40.0915, 113.3352), 30.5, "br-01");

    @Test
    void aDetectionIsPublishedOnTheDronesDetectionTopicWithQos1() throws Exception {
        String prefix = "ww-it-" + UUID.randomUUID().toString().substring(0, 8) + "/v1";
        List<String> received = new CopyOnWriteArrayList<>();
        List<Integer> qos = new CopyOnWriteArrayList<>();
        MqttClient subscriber = new MqttClient(URL, "it-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.connect(new MqttConnectionOptions());
        IMqttMessageListener listener = (topic, message) -> {
            received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            qos.add(message.getQos());
        };
        // the (topic, qos, listener) overload of Paho v5 1.2.5 recurses forever; use the array form
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription(prefix + "/detections/+", 1)},
                new IMqttMessageListener[] {listener});
        SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
        try (Simulator simulator = Simulator.start(
                new SimulatorConfig(1, 0, HOME, 20, URL, prefix, List.of(PERSON), -18, 7, 10), clock)) {
            System drone = new System("127.0.0.1", simulator.grpcPort(0));
            try {
                MavsdkPlugins.awaitReady(drone);
                drone.getMission().uploadMission(new Mission.MissionPlan(List.of(
                        new Mission.MissionItem(40.0915, 113.3345, 40f, 10f, true, Float.NaN, Float.NaN,
                                Mission.MissionItem.CameraAction.NONE, Float.NaN, 1.0, Float.NaN, Float.NaN, Float.NaN),
                        new Mission.MissionItem(40.0915, 113.3360, 40f, 10f, true, Float.NaN, Float.NaN,
                                Mission.MissionItem.CameraAction.NONE, Float.NaN, 1.0, Float.NaN, Float.NaN, Float.NaN))))
                        .blockingAwait(10, TimeUnit.SECONDS);
                drone.getAction().arm().blockingAwait(10, TimeUnit.SECONDS);
                drone.getMission().startMission().blockingAwait(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(10)).until(simulator::mqttConnected);

                simulator.step(Duration.ofMinutes(2));

                await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
                assertThat(received.get(0)).startsWith(prefix + "/detections/drone-1 {")
                        .contains("\"source\":\"drone-1\"", "\"kind\":\"thermal\"", "\"siteId\":\"br-01\"");
                assertThat(qos).containsOnly(1);
            } finally {
                drone.dispose();
            }
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void anAtmMotionSensorPublishesOnItsOwnDetectionTopic() throws Exception {
        String prefix = "ww-it-" + UUID.randomUUID().toString().substring(0, 8) + "/v1";
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient subscriber = new MqttClient(URL, "it-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.connect(new MqttConnectionOptions());
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription(prefix + "/detections/+", 1)},
                new IMqttMessageListener[] {(topic, message) -> received.add(topic + " "
                        + new String(message.getPayload(), StandardCharsets.UTF_8))});
        LatLon lobby = new LatLon(40.0880, 113.3342);
        org.winterwatch.simulator.world.World world = org.winterwatch.simulator.world.World.CALM.withSensors(List.of(
                new org.winterwatch.simulator.world.FixedSensorSpec("atm-01-motion",
                        org.winterwatch.simulator.world.FixedSensorSpec.Kind.MOTION, lobby, "atm-01", 6, 30, 0)));
        SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
        try (Simulator simulator = Simulator.start(new SimulatorConfig(1, 0, HOME, 20, URL, prefix,
                List.of(new SimPerson("p-6", lobby, 31, "atm-01")), -18, 7, 10).withWorld(world), clock)) {
            await().atMost(Duration.ofSeconds(10)).until(simulator::mqttConnected);

            simulator.step(Duration.ofMinutes(2));

            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            assertThat(received.get(0)).startsWith(prefix + "/detections/atm-01-motion {")
                    .contains("\"source\":\"atm-01-motion\"", "\"kind\":\"motion\"", "\"siteId\":\"atm-01\"");
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void anUnreachableBrokerNeverStopsTheWorld() {
        SimClock clock = SimClock.manual(Instant.parse("2025-01-10T22:00:00Z"));
        try (Simulator simulator = Simulator.start(
                new SimulatorConfig(1, 0, HOME, 20, "tcp://127.0.0.1:1", null, List.of(PERSON), -18, 7, 10), clock)) {
            simulator.step(Duration.ofMinutes(5));

            assertThat(clock.now()).isEqualTo(Instant.parse("2025-01-10T22:05:00Z"));
        }
    }
}
