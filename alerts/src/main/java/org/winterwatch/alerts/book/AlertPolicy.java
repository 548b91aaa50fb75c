package org.winterwatch.alerts.book;

import java.time.Duration;

/**
 * The tunable numbers of alert folding, dispatch and escalation.
 *
 * @param mergeRadiusM       a detection this close to an active alert updates it (CONTRACT §4, default 30)
 * @param mergeWindow        ... and only within this time of the alert's lastSeen (default 15 min)
 * @param siteRadiusM        an alert belongs to the nearest patrol site within this distance
 * @param defaultTeam        team for alerts outside every site and zone, so no alert goes to nobody
 * @param controlRoomTeam    the control room's topic level: alerts waiting for review and escalations go there
 * @param dispatchThreshold  confidence at or above which an alert goes straight to the team
 * @param reviewThreshold    confidence at or above which (and below dispatch) the control room reviews it
 * @param reviewTimeout      an alert nobody reviewed within this goes to the team by itself
 * @param ackTimeout         a team alert not acknowledged within this escalates
 * @param coldWaveThresholdC at or below this ambient temperature the extreme-weather plan applies
 * @param coldWaveAckTimeout the shorter acknowledgement time under the extreme-weather plan
 */
public record AlertPolicy(double mergeRadiusM, Duration mergeWindow, double siteRadiusM, String defaultTeam,
                          String controlRoomTeam, double dispatchThreshold, double reviewThreshold,
                          Duration reviewTimeout, Duration ackTimeout, double coldWaveThresholdC,
                          Duration coldWaveAckTimeout) {

    public AlertPolicy {
        if (!(mergeRadiusM > 0)) {
            throw new IllegalArgumentException("merge_radius_m must be positive, was " + mergeRadiusM);
        }
        positive(mergeWindow, "merge_window");
        positive(reviewTimeout, "review_timeout");
        positive(ackTimeout, "ack_timeout");
        positive(coldWaveAckTimeout, "cold_wave_ack_timeout");
        if (!(siteRadiusM >= 0)) {
            throw new IllegalArgumentException("site radius must not be negative, was " + siteRadiusM);
        }
        topicLevel(defaultTeam, "default team");
        topicLevel(controlRoomTeam, "control room team");
        if (!(reviewThreshold >= 0 && reviewThreshold <= dispatchThreshold && dispatchThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= review (" + reviewThreshold
                    + ") <= dispatch (" + dispatchThreshold + ") <= 1");
        }
    }

    public static AlertPolicy defaults() {
        return new AlertPolicy(30, Duration.ofMinutes(15), 60, "control-room", "control-room", 0.7, 0.35,
                Duration.ofMinutes(3), Duration.ofMinutes(5), -15, Duration.ofMinutes(2));
    }

    public AlertPolicy withAckTimeout(Duration timeout) {
        return new AlertPolicy(mergeRadiusM, mergeWindow, siteRadiusM, defaultTeam, controlRoomTeam, dispatchThreshold,
                reviewThreshold, reviewTimeout, timeout, coldWaveThresholdC, timeout.compareTo(coldWaveAckTimeout) < 0
                ? timeout : coldWaveAckTimeout);
    }

    public AlertPolicy withThresholds(double dispatch, double review) {
        return new AlertPolicy(mergeRadiusM, mergeWindow, siteRadiusM, defaultTeam, controlRoomTeam, dispatch, review,
                reviewTimeout, ackTimeout, coldWaveThresholdC, coldWaveAckTimeout);
    }

    public AlertPolicy withDefaultTeam(String team) {
        return new AlertPolicy(mergeRadiusM, mergeWindow, siteRadiusM, team, controlRoomTeam, dispatchThreshold,
                reviewThreshold, reviewTimeout, ackTimeout, coldWaveThresholdC, coldWaveAckTimeout);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    private static void topicLevel(String team, String name) {
        if (team == null || !team.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException(name + " must be 1-64 letters, digits, '.', '_' or '-', was '" + team + "'");
        }
    }
}
