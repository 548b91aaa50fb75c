package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.winterwatch.coordinator.sweep.SweepSettings;
import org.winterwatch.geo.coverage.CameraModel;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.missions.FleetParameters;

/** Reads the {@code sweeps:} section of the YAML config: how sweeps are flown and when a drone drops out. */
final class SweepConfig {

    private static final Set<String> KEYS = Set.of("altitude_m", "speed_mps", "endurance_min", "reserve",
            "link_timeout_s", "critical_battery_percent", "solver_time_s");

    private SweepConfig() {
    }

    /** @param linkTimeoutS the {@code --drone-link-timeout-s} flag, or null */
    static SweepSettings read(JsonNode section, Double linkTimeoutS) {
        SweepSettings d = SweepSettings.defaults();
        JsonNode s = section == null || section.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : section;
        if (!s.isObject()) {
            throw new UsageError("config sweeps: must be a mapping with " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        s.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new UsageError("config sweeps." + k + ": unknown key; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        });
        FleetParameters f = d.fleet();
        double timeoutS = linkTimeoutS != null ? linkTimeoutS : number(s, "link_timeout_s", d.linkTimeout().toMillis() / 1000.0);
        if (!(timeoutS >= 0.1 && timeoutS <= 600)) {
            throw new UsageError("drone link timeout: must be within 0.1..600 seconds, was " + timeoutS);
        }
        try {
            FleetParameters fleet = new FleetParameters(new CoverageParameters(CameraModel.thermalDefault(),
                    number(s, "altitude_m", f.coverage().altitudeM()), f.coverage().orbitRadiusM()),
                    number(s, "speed_mps", f.speedMps()),
                    number(s, "endurance_min", f.enduranceMin()),
                    number(s, "reserve", f.reserve()));
            double solverS = number(s, "solver_time_s", d.solverTime().toMillis() / 1000.0);
            return new SweepSettings(fleet, Duration.ofMillis(Math.round(timeoutS * 1000)),
                    number(s, "critical_battery_percent", d.criticalBatteryPercent()), null,
                    Duration.ofMillis(Math.round(solverS * 1000)));
        } catch (IllegalArgumentException e) {
            throw new UsageError("config sweeps: " + e.getMessage());
        }
    }

    private static double number(JsonNode s, String key, double fallback) {
        return AlertConfig.number(s, "sweeps", key, fallback);
    }
}
