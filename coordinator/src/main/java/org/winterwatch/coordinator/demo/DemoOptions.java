package org.winterwatch.coordinator.demo;

import java.nio.file.Path;

/**
 * How to run the demo.
 *
 * @param mqttPort the embedded broker's port (0: any free port)
 * @param httpPort the API's port (0: any free port)
 * @param speedup simulated seconds per real second
 */
public record DemoOptions(int drones, double speedup, int httpPort, int mqttPort, Path dataDir) {

    public DemoOptions {
        if (drones < 1 || drones > 50) {
            throw new IllegalArgumentException("--drones must be within 1..50, was " + drones);
        }
        if (!(speedup >= 1 && speedup <= 1000)) {
            throw new IllegalArgumentException("--speedup must be within 1..1000, was " + speedup);
        }
    }
}
