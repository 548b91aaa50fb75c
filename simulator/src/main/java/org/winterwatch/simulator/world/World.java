package org.winterwatch.simulator.world;

import java.util.List;
import java.util.Objects;

/**
 * What a scenario adds to the people and the cold: wind, fixed sensors, false-positive sources, failures
 * at given times, and which autopilot the drones behave like.
 */
public record World(Wind wind, List<FixedSensorSpec> sensors, List<Decoy> decoys, List<Failure> failures,
                    Autopilot autopilot) {

    public static final World CALM = new World(Wind.CALM, List.of(), List.of(), List.of(), Autopilot.PX4);

    public World {
        Objects.requireNonNull(wind, "wind");
        sensors = List.copyOf(sensors);
        decoys = List.copyOf(decoys);
        failures = List.copyOf(failures);
        Objects.requireNonNull(autopilot, "autopilot");
        long distinct = sensors.stream().map(FixedSensorSpec::id).distinct().count();
        if (distinct != sensors.size()) {
            throw new IllegalArgumentException("sensor ids must be unique");
        }
    }

    public World withFailures(List<Failure> newFailures) {
        return new World(wind, sensors, decoys, newFailures, autopilot);
    }

    public World withWind(Wind newWind) {
        return new World(newWind, sensors, decoys, failures, autopilot);
    }

    public World withAutopilot(Autopilot newAutopilot) {
        return new World(wind, sensors, decoys, failures, newAutopilot);
    }

    public World withSensors(List<FixedSensorSpec> newSensors) {
        return new World(wind, newSensors, decoys, failures, autopilot);
    }

    public World withDecoys(List<Decoy> newDecoys) {
        return new World(wind, sensors, newDecoys, failures, autopilot);
    }
}
