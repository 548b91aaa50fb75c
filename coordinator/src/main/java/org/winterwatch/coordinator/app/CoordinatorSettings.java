package org.winterwatch.coordinator.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.winterwatch.alerts.book.AlertPolicy;
import org.winterwatch.alerts.book.TeamZone;
import org.winterwatch.alerts.store.Database;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.coordinator.fleet.InspectionSettings;
import org.winterwatch.coordinator.http.HttpSettings;
import org.winterwatch.coordinator.sweep.SweepSettings;
import org.winterwatch.coordinator.mqtt.MqttSecurity;
import org.winterwatch.coordinator.patrol.PatrolPolicy;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Everything the coordinator needs to start, already parsed and checked.
 *
 * @param clock      time for alerts and validation: the wall clock, or the simulator's in the demo
 * @param inspection whether a tip sends the nearest free drone to look, and how it flies
 * @param maxClockSkew how far ahead of {@code clock} a sensor's {@code observedAt} may be and still be accepted
 *                     (clamped to now); further ahead it is dead-lettered
 * @param pipelineStallAfter health says the pipeline is DOWN once the work in hand has waited this long
 * @param mqttSecurity how every MQTT client of the coordinator logs in and secures its connection
 * @param sweeps     how sweeps are flown (fleet, link timeout, critical battery)
 * @param patrol     when sites are due for a patrol sweep, and when such sweeps are launched by themselves
 */
public record CoordinatorSettings(String mqttUrl, String topicPrefix, String clientId, Database database,
                                  SiteLayer sites, List<DroneEndpoint> drones, Clock clock, AlertPolicy policy,
                                  HttpSettings http, double ambientTempC, Duration detectionMaxAge,
                                  List<TeamZone> teams, InspectionSettings inspection, Duration maxClockSkew,
                                  Duration pipelineStallAfter, MqttSecurity mqttSecurity, SweepSettings sweeps,
                                  PatrolPolicy patrol) {

    /** Anonymous over plain TCP, as on the embedded broker. */
    public CoordinatorSettings(String mqttUrl, String topicPrefix, String clientId, Database database,
                               SiteLayer sites, List<DroneEndpoint> drones, Clock clock, AlertPolicy policy,
                               HttpSettings http, double ambientTempC, Duration detectionMaxAge,
                               List<TeamZone> teams, InspectionSettings inspection, Duration maxClockSkew,
                               Duration pipelineStallAfter) {
        this(mqttUrl, topicPrefix, clientId, database, sites, drones, clock, policy, http, ambientTempC, detectionMaxAge,
                teams, inspection, maxClockSkew, pipelineStallAfter, MqttSecurity.NONE, null, null);
    }

    /** The default age at which health calls a pipeline stalled. */
    public static final Duration DEFAULT_PIPELINE_STALL_AFTER = Duration.ofSeconds(30);

    /** With the default clock skew allowed ({@link DetectionParser#DEFAULT_MAX_CLOCK_SKEW}). */
    public CoordinatorSettings(String mqttUrl, String topicPrefix, String clientId, Database database,
                               SiteLayer sites, List<DroneEndpoint> drones, Clock clock, AlertPolicy policy,
                               HttpSettings http, double ambientTempC, Duration detectionMaxAge, List<TeamZone> teams,
                               InspectionSettings inspection) {
        this(mqttUrl, topicPrefix, clientId, database, sites, drones, clock, policy, http, ambientTempC, detectionMaxAge,
                teams, inspection, DetectionParser.DEFAULT_MAX_CLOCK_SKEW, DEFAULT_PIPELINE_STALL_AFTER);
    }

    /** Without point inspections (tips send no drone). */
    public CoordinatorSettings(String mqttUrl, String topicPrefix, String clientId, Database database,
                               SiteLayer sites, List<DroneEndpoint> drones, Clock clock, AlertPolicy policy,
                               HttpSettings http, double ambientTempC, Duration detectionMaxAge, List<TeamZone> teams) {
        this(mqttUrl, topicPrefix, clientId, database, sites, drones, clock, policy, http, ambientTempC, detectionMaxAge,
                teams, InspectionSettings.defaults());
    }

    /** The same settings with these point-inspection settings. */
    public CoordinatorSettings withInspection(InspectionSettings newInspection) {
        return toBuilder().inspection(newInspection).build();
    }

    /** The same settings with this clock skew allowed for sensors that run ahead. */
    public CoordinatorSettings withMaxClockSkew(Duration newMaxClockSkew) {
        return toBuilder().maxClockSkew(newMaxClockSkew).build();
    }

    /** The same settings with this age at which health calls the pipeline stalled. */
    public CoordinatorSettings withPipelineStallAfter(Duration newStallAfter) {
        return toBuilder().pipelineStallAfter(newStallAfter).build();
    }

    /** The same settings with this way of flying sweeps. */
    public CoordinatorSettings withSweeps(SweepSettings newSweeps) {
        return toBuilder().sweeps(newSweeps).build();
    }

    /** The same settings with this patrol policy. */
    public CoordinatorSettings withPatrol(PatrolPolicy newPatrol) {
        return toBuilder().patrol(newPatrol).build();
    }

    /** The same settings with these MQTT credentials and TLS settings. */
    public CoordinatorSettings withMqttSecurity(MqttSecurity newSecurity) {
        return toBuilder().mqttSecurity(newSecurity).build();
    }

    /** These settings, to change a few and keep the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Settings changed one at a time from a copy; {@link #build()} checks them as the constructor does. */
    public static final class Builder {
        private final CoordinatorSettings from;
        private InspectionSettings inspection;
        private Duration maxClockSkew;
        private Duration pipelineStallAfter;
        private MqttSecurity mqttSecurity;
        private SweepSettings sweeps;
        private PatrolPolicy patrol;

        private Builder(CoordinatorSettings from) {
            this.from = from;
            this.inspection = from.inspection;
            this.maxClockSkew = from.maxClockSkew;
            this.pipelineStallAfter = from.pipelineStallAfter;
            this.mqttSecurity = from.mqttSecurity;
            this.sweeps = from.sweeps;
            this.patrol = from.patrol;
        }

        public Builder inspection(InspectionSettings value) {
            inspection = value;
            return this;
        }

        public Builder maxClockSkew(Duration value) {
            maxClockSkew = value;
            return this;
        }

        public Builder pipelineStallAfter(Duration value) {
            pipelineStallAfter = value;
            return this;
        }

        public Builder mqttSecurity(MqttSecurity value) {
            mqttSecurity = value;
            return this;
        }

        public Builder sweeps(SweepSettings value) {
            sweeps = value;
            return this;
        }

        public Builder patrol(PatrolPolicy value) {
            patrol = value;
            return this;
        }

        public CoordinatorSettings build() {
            return new CoordinatorSettings(from.mqttUrl, from.topicPrefix, from.clientId, from.database, from.sites,
                    from.drones, from.clock, from.policy, from.http, from.ambientTempC, from.detectionMaxAge, from.teams,
                    inspection, maxClockSkew, pipelineStallAfter, mqttSecurity, sweeps, patrol);
        }
    }

    public CoordinatorSettings {
        inspection = inspection == null ? InspectionSettings.defaults() : inspection;
        sweeps = sweeps == null ? SweepSettings.defaults() : sweeps;
        // serve turns patrols on (config patrol:); a coordinator built in code (the demo, tests) launches only what it is asked
        patrol = patrol == null ? PatrolPolicy.defaults().withEnabled(false) : patrol;
        mqttSecurity = mqttSecurity == null ? MqttSecurity.NONE : mqttSecurity;
        maxClockSkew = maxClockSkew == null ? DetectionParser.DEFAULT_MAX_CLOCK_SKEW : maxClockSkew;
        pipelineStallAfter = pipelineStallAfter == null ? DEFAULT_PIPELINE_STALL_AFTER : pipelineStallAfter;
        if (pipelineStallAfter.isNegative() || pipelineStallAfter.isZero()) {
            throw new IllegalArgumentException("pipeline_stall_s must be at least 1, was " + pipelineStallAfter.toSeconds());
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("max clock skew must be zero or more, was " + maxClockSkew);
        }
        drones = List.copyOf(drones);
        teams = List.copyOf(teams);
        if (topicPrefix == null || topicPrefix.isBlank() || topicPrefix.endsWith("/") || topicPrefix.contains("#")
                || topicPrefix.contains("+")) {
            throw new IllegalArgumentException("topic prefix must be a topic path without wildcards or trailing '/', was '" + topicPrefix + "'");
        }
    }
}
