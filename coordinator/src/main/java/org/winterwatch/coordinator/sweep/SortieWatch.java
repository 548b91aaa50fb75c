package org.winterwatch.coordinator.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.winterwatch.drone.DroneState;
import org.winterwatch.missions.sweep.SortieFlight;
import org.winterwatch.missions.sweep.SortieState;
import org.winterwatch.missions.sweep.SweepSortie;

/**
 * What a drone's latest state means for its sortie: sites finished, take-off, landing, and the reasons it drops out
 * (link lost beyond the timeout, battery critical, the autopilot turning back on its own). Pure: the caller passes the
 * time and keeps the {@link Track} of each drone.
 */
final class SortieWatch {

    /** Flight modes in which the autopilot is heading home or down rather than flying the mission. */
    private static final Set<String> HOMEWARD = Set.of("RETURN_TO_LAUNCH", "LAND");

    /**
     * @param linkTimeout             how long a drone may be out of touch before its sites go to the others
     * @param criticalBatteryPercent  in the air below this, the drone is sent home and its sites go to the others
     */
    record Settings(Duration linkTimeout, double criticalBatteryPercent) {

        static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), 20);
        }

        Settings {
            if (linkTimeout.isNegative() || linkTimeout.isZero()) {
                throw new IllegalArgumentException("drone link timeout must be positive, was " + linkTimeout);
            }
            if (!(criticalBatteryPercent >= 0 && criticalBatteryPercent < 100)) {
                throw new IllegalArgumentException("critical battery must be within 0..100 %, was " + criticalBatteryPercent);
            }
        }
    }

    /**
     * How long a drone not yet heard from since the watch began (a coordinator just started, its links still
     * connecting) may stay silent before it drops out: connecting to a vehicle through MAVSDK takes seconds.
     */
    static final Duration FIRST_CONTACT_GRACE = Duration.ofSeconds(30);

    /**
     * After a restart, how long a drone found on the ground may go without reporting the progress of its sortie's
     * mission before the sortie is judged not flown: the vehicle's streams arrive one by one on a new link, and a
     * sortie flown while nobody watched must be credited, not flown again.
     */
    static final Duration RECOVERY_GRACE = Duration.ofSeconds(5);

    /** What the watch remembers of one drone between states. */
    static final class Track {
        /** Heard from (connected) at least once since the watch began. */
        boolean heard;
        /** Seen in the air during the open sortie; null when not known yet (just recovered after a restart). */
        Boolean airborne = Boolean.FALSE;
        Instant lostSince;
        int failedStarts;
        /** When a drone recovered after a restart was first heard on the ground without its mission's progress. */
        Instant awaitingProgressSince;
    }

    sealed interface Finding {
    }

    record SiteDone(String siteId) implements Finding {
    }

    record HeadingHome() implements Finding {
    }

    record Landed() implements Finding {
    }

    /** Found after a restart on the ground, disarmed, its mission never begun: the sortie was not flown. */
    record NotFlown() implements Finding {
    }

    /** The drone leaves the sweep; {@code sendHome} when it should be told to return. */
    record DropOut(String why, boolean sendHome) implements Finding {
    }

    private final Settings settings;

    SortieWatch(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    private static boolean progressOverdue(Track track, Instant now) {
        if (track.awaitingProgressSince == null) {
            track.awaitingProgressSince = now;
        }
        return !Duration.between(track.awaitingProgressSince, now).minus(RECOVERY_GRACE).isNegative();
    }

    /** The findings for a drone, with or without a sortie under way ({@code sortie} null). */
    List<Finding> observe(SweepSortie sortie, DroneState state, Track track, Instant now) {
        List<Finding> out = new ArrayList<>();
        if (!state.connected()) {
            Duration timeout = track.heard || settings.linkTimeout().compareTo(FIRST_CONTACT_GRACE) > 0
                    ? settings.linkTimeout() : FIRST_CONTACT_GRACE;
            if (track.lostSince == null) {
                track.lostSince = now;
            } else if (!Duration.between(track.lostSince, now).minus(timeout).isNegative()) {
                out.add(new DropOut("link lost for " + Duration.between(track.lostSince, now).toSeconds() + " s", true));
            }
            return out;
        }
        track.lostSince = null;
        track.heard = true;
        if (sortie == null || sortie.flight() == null
                || (sortie.state() != SortieState.FLYING && sortie.state() != SortieState.RETURNING)) {
            return out;
        }
        SortieFlight flight = sortie.flight();
        if (track.airborne == null) {
            // recovered after a restart: armed on the ground is still taking off; on the ground disarmed, it flew
            // only if its mission progressed
            if (state.inAir() || state.armed()) {
                track.airborne = state.inAir();
            } else if (state.missionTotal() == flight.missionTotal() && state.missionCurrent() > 0) {
                track.airborne = true;
            } else if (state.missionTotal() != flight.missionTotal() && !progressOverdue(track, now)) {
                return out; // its mission's progress may not have arrived on the new link yet
            } else {
                out.add(new NotFlown());
                return out;
            }
        }
        if (state.inAir()) {
            track.airborne = true;
        }
        for (String siteId : sortie.siteIds()) {
            if (flight.passed(siteId, state.missionCurrent(), state.missionTotal())) {
                out.add(new SiteDone(siteId));
            }
        }
        boolean finished = state.missionTotal() == flight.missionTotal() && state.missionFinished();
        if (track.airborne && !state.inAir() && !state.armed()) {
            out.add(new Landed());
            return out;
        }
        if (sortie.state() != SortieState.FLYING || !track.airborne) {
            return out;
        }
        if (HOMEWARD.contains(state.flightMode())) {
            // every site's path flown: the vehicle heading home (or landing at home) has done its sortie, even when
            // its mission progress, a separate stream, has not yet caught up with its flight mode
            boolean everySitePassed = sortie.siteIds().stream()
                    .allMatch(id -> flight.passed(id, state.missionCurrent(), state.missionTotal()));
            if (finished || everySitePassed) {
                out.add(new HeadingHome());
            } else {
                String said = state.statusText().isBlank() ? "" : " (" + state.statusText() + ")";
                out.add(new DropOut("the autopilot turned back before the end of the route: "
                        + state.flightMode().toLowerCase(Locale.ROOT).replace('_', ' ') + said, false));
            }
        } else if (!finished && !Double.isNaN(state.batteryPercent())
                && state.batteryPercent() < settings.criticalBatteryPercent()) {
            out.add(new DropOut(String.format(Locale.ROOT, "battery critical: %.0f %% in the air",
                    state.batteryPercent()), true));
        }
        return out;
    }
}
