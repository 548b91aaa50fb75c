package org.winterwatch.coordinator.demo;

/**
 * The same end-to-end path through the real Mosquitto on this machine (127.0.0.1:1883 unless
 * {@code WW_TEST_MQTT_URL} says otherwise). Run by {@code .ci/run} with {@code -DskipITs=false}.
 */
class DemoAgainstMosquittoIT extends DemoEndToEndContract {

    @Override
    String externalBrokerUrl() {
        String url = System.getenv("WW_TEST_MQTT_URL");
        return url == null || url.isBlank() ? "tcp://127.0.0.1:1883" : url;
    }

    @Override
    int mqttPort() {
        return 0;
    }
}
