package org.winterwatch.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.geo.coverage.CameraModel;
import org.winterwatch.geo.coverage.CoverageParameters;
import org.winterwatch.missions.FleetParameters;

/** Reads the {@code inspection:} section of the YAML config (tips send the nearest free drone to look). */
final class InspectionConfig {

    private static final Set<String> KEYS = Set.of("enabled", "min_battery_percent", "max_range_m", "altitude_m",
            "orbit_radius_m", "speed_mps", "endurance_min", "reserve");

    private InspectionConfig() {
    }

    /** The section's settings; {@code forceOn} (the {@code --inspect-tips} flag) switches them on whatever it says. */
    static InspectionSettings read(JsonNode section, boolean forceOn) {
        InspectionSettings d = InspectionSettings.defaults();
        if (section == null || section.isNull()) {
            return d.withEnabled(forceOn);
        }
        if (!section.isObject()) {
            throw new UsageError("config inspection: must be a mapping with " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        section.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw new UsageError("config inspection." + k + ": unknown key; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        });
        JsonNode on = section.get("enabled");
        if (on != null && !on.isNull() && !on.isBoolean()) {
            throw new UsageError("config inspection.enabled: must be true or false");
        }
        FleetParameters f = d.flight();
        try {
            FleetParameters flight = new FleetParameters(new CoverageParameters(CameraModel.thermalDefault(),
                    number(section, "altitude_m", f.coverage().altitudeM()),
                    number(section, "orbit_radius_m", f.coverage().orbitRadiusM())),
                    number(section, "speed_mps", f.speedMps()),
                    number(section, "endurance_min", f.enduranceMin()),
                    number(section, "reserve", f.reserve()));
            return new InspectionSettings(forceOn || (on != null && on.asBoolean()),
                    number(section, "min_battery_percent", d.minBatteryPercent()),
                    number(section, "max_range_m", d.maxRangeM()), flight);
        } catch (IllegalArgumentException e) {
            throw new UsageError("config inspection: " + e.getMessage());
        }
    }

    private static double number(JsonNode s, String key, double fallback) {
        return AlertConfig.number(s, "inspection", key, fallback);
    }
}
