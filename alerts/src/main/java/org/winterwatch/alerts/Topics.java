package org.winterwatch.alerts;

import java.util.Objects;

/**
 * The MQTT topics of the contract (CONTRACT.md), all below one prefix such as {@code ww/v1}: the one place that
 * spells them.
 */
public record Topics(String prefix) {

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank() || prefix.endsWith("/") || prefix.contains("+") || prefix.contains("#")) {
            throw new IllegalArgumentException("topic prefix '" + prefix
                    + "' must be a non-empty topic without a trailing slash or wildcards, e.g. ww/v1");
        }
    }

    /** Detections, one topic per source: {@code <prefix>/detections/<source>}. */
    public String detections() {
        return prefix + "/detections/+";
    }

    /** The detections of one source (a sensor or a drone). */
    public String detectionsOf(String source) {
        return prefix + "/detections/" + source;
    }

    /** Tips from the public and outreach partners. */
    public String tips() {
        return prefix + "/tips";
    }

    /** Team actions, one topic per team: {@code <prefix>/acks/<team>}. */
    public String acks() {
        return prefix + "/acks/+";
    }

    /** One team's actions. */
    public String acksOf(String team) {
        return prefix + "/acks/" + team;
    }

    /** Where one team's alerts go. */
    public String alerts(String team) {
        return prefix + "/alerts/" + team;
    }

    /** Every team's alerts. */
    public String allAlerts() {
        return prefix + "/alerts/#";
    }

    /** Inbound messages that could not be accepted, and outbox messages the broker would refuse, with the reason. */
    public String deadLetter() {
        return prefix + "/deadletter";
    }

    /** One drone's state, about once a second, QoS 0 (CONTRACT §4). */
    public String droneState(String droneId) {
        return prefix + "/drones/" + droneId + "/state";
    }

    /** Every drone's state, one topic per drone: {@code <prefix>/drones/<drone>/state}. */
    public String droneStates() {
        return prefix + "/drones/+/state";
    }

    /** The active coordinator's retained online/offline status. */
    public String coordinatorStatus() {
        return prefix + "/coordinator/status";
    }

    /**
     * Whether {@code topic} falls under {@code filter}: an exact topic, or one ending in a single-level wildcard
     * {@code /+} that takes one level only.
     */
    public static boolean matches(String filter, String topic) {
        if (filter.endsWith("/+")) {
            return topic.startsWith(filter.substring(0, filter.length() - 1))
                    && topic.indexOf('/', filter.length() - 1) < 0;
        }
        return topic.equals(filter);
    }
}
