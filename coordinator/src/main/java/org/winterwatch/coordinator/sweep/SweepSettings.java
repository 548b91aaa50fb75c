package org.winterwatch.coordinator.sweep;

import java.time.Duration;
import java.util.Objects;
import org.winterwatch.missions.FleetParameters;

/**
 * How sweeps are flown: what the fleet can do (altitude, speed, endurance, reserve), how long a drone may be out of
 * touch before its sites go to the others, and the battery level in the air at which it is sent home.
 */
public record SweepSettings(FleetParameters fleet, Duration linkTimeout, double criticalBatteryPercent) {

    public static final Duration DEFAULT_LINK_TIMEOUT = Duration.ofSeconds(5);
    public static final double DEFAULT_CRITICAL_BATTERY_PERCENT = 20;

    public SweepSettings {
        Objects.requireNonNull(fleet, "fleet");
        new SortieWatch.Settings(linkTimeout, criticalBatteryPercent); // checks both
    }

    public static SweepSettings defaults() {
        return new SweepSettings(FleetParameters.defaults(), DEFAULT_LINK_TIMEOUT, DEFAULT_CRITICAL_BATTERY_PERCENT);
    }

    public SweepSettings withLinkTimeout(Duration timeout) {
        return new SweepSettings(fleet, timeout, criticalBatteryPercent);
    }

    SortieWatch.Settings watch() {
        return new SortieWatch.Settings(linkTimeout, criticalBatteryPercent);
    }
}
