package org.winterwatch.missions.sweep;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sites of one {@link Sweep}, in the order they were asked for, and the rules for moving them: every move is
 * recorded as a transition naming the drone and the reason.
 */
final class SiteLedger {

    /** Where a move is recorded: the sweep's list of transitions. */
    interface Recorder {
        void record(Instant now, String subject, String from, String to, String why);
    }

    private final Map<String, SweepSite> sites = new LinkedHashMap<>();
    private final Recorder recorder;

    SiteLedger(Recorder recorder) {
        this.recorder = recorder;
    }

    /** Puts a site as stored, without recording anything. */
    void restore(SweepSite site) {
        sites.put(site.siteId(), site);
    }

    Collection<SweepSite> all() {
        return sites.values();
    }

    SweepSite get(String siteId) {
        return sites.get(siteId);
    }

    int size() {
        return sites.size();
    }

    long count(Predicate<SweepSite> which) {
        return sites.values().stream().filter(which).count();
    }

    /** Sites assigned to the drone and waiting for a sortie, in the sweep's order. */
    List<String> waitingFor(String droneId) {
        return sites.values().stream()
                .filter(s -> s.state() == SiteState.ASSIGNED && droneId.equals(s.droneId()))
                .map(SweepSite::siteId).toList();
    }

    List<String> unfinished() {
        return sites.values().stream().filter(s -> !s.state().isFinished()).map(SweepSite::siteId).toList();
    }

    /** The drone's sites in the sortie that waited for it are now being swept. */
    void startSweeping(SweepSortie sortie, Instant now) {
        for (String siteId : sortie.siteIds()) {
            SweepSite site = sites.get(siteId);
            if (site.state() == SiteState.ASSIGNED) {
                move(now, site.with(SiteState.SWEEPING, sortie.droneId(), null, null), null);
            }
        }
    }

    /** Sites of an ended sortie still being swept: back to the drone while the sweep is open, else skipped. */
    void giveBack(SweepSortie sortie, Instant now, String why, String endedReason) {
        for (String siteId : sortie.siteIds()) {
            SweepSite site = sites.get(siteId);
            if (site.state() == SiteState.SWEEPING && sortie.droneId().equals(site.droneId())) {
                if (endedReason == null) {
                    move(now, site.with(SiteState.ASSIGNED, site.droneId(), null, null), why);
                } else {
                    move(now, site.with(SiteState.SKIPPED, site.droneId(), null, endedReason), null);
                }
            }
        }
    }

    /** The unfinished sites of a drone that left: to the drone {@code reassignment} names, or skipped. */
    void handOver(String droneId, Instant now, String why, Map<String, String> reassignment,
                  Predicate<String> canFly, boolean sweepOpen) {
        for (SweepSite site : List.copyOf(sites.values())) {
            if (site.state().isFinished() || !droneId.equals(site.droneId())) {
                continue;
            }
            String to = reassignment.get(site.siteId());
            if (to != null && canFly.test(to)) {
                move(now, site.with(SiteState.ASSIGNED, to, null, null), droneId + " dropped out: " + why);
            } else if (sweepOpen) {
                move(now, site.with(SiteState.SKIPPED, droneId, null,
                        Sweep.NO_DRONE_LEFT + " (" + droneId + ": " + why + ")"), null);
            }
        }
    }

    void skip(String siteId, Instant now, String why) {
        SweepSite site = sites.get(siteId);
        if (site != null && !site.state().isFinished()) {
            move(now, site.with(SiteState.SKIPPED, site.droneId(), null, why), null);
        }
    }

    /** Skips what waits, and with {@code includeSweeping} what is being swept too. */
    void skipUnfinished(Instant now, String why, boolean includeSweeping) {
        for (SweepSite site : List.copyOf(sites.values())) {
            boolean waiting = site.state() == SiteState.PENDING || site.state() == SiteState.ASSIGNED;
            if (waiting || (includeSweeping && site.state() == SiteState.SWEEPING)) {
                move(now, site.with(SiteState.SKIPPED, site.droneId(), null, why), null);
            }
        }
    }

    void move(Instant now, SweepSite next, String why) {
        SweepSite before = sites.put(next.siteId(), next);
        String note = why != null ? why : next.reason();
        String drone = next.droneId() == null ? null : "drone " + next.droneId();
        String reasonText = note == null ? drone : drone == null ? note : drone + ": " + note;
        recorder.record(now, "site " + next.siteId(), before == null ? null : before.state().wireName(),
                next.state().wireName(), reasonText);
    }
}
