package org.winterwatch.coordinator.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The end-to-end path on the embedded HiveMQ broker: part of the plain {@code mvn -B verify}. */
class DemoEndToEndTest extends DemoEndToEndContract {

    @Override
    String externalBrokerUrl() {
        return null;
    }

    @Override
    int mqttPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
