package org.winterwatch.coordinator.sweep;

import java.util.HashMap;
import java.util.Map;
import org.winterwatch.missions.sweep.SiteState;
import org.winterwatch.missions.sweep.Sweep;
import org.winterwatch.missions.sweep.SweepSite;
import org.winterwatch.missions.sweep.SweepSortie;

/** What a drone is doing for a sweep: which sweep and sortie, and how many of its sites it has swept. */
public record DroneProgress(String sweepId, Integer sortie, int sitesDone, int sitesAssigned) {

    /** Every drone of the sweep still in it (or still out on one of its sorties), by drone id. */
    static Map<String, DroneProgress> of(Sweep sweep) {
        Map<String, DroneProgress> out = new HashMap<>();
        for (String droneId : sweep.droneIds()) {
            if (sweep.droppedDrones().contains(droneId) && sweep.openSortie(droneId).isEmpty()) {
                continue;
            }
            int assigned = 0;
            int done = 0;
            for (SweepSite site : sweep.sites()) {
                if (droneId.equals(site.droneId()) && site.state() != SiteState.SKIPPED) {
                    assigned++;
                    done += site.state() == SiteState.SWEPT ? 1 : 0;
                }
            }
            Integer sortie = sweep.openSortie(droneId).map(SweepSortie::number).orElse(null);
            out.put(droneId, new DroneProgress(sweep.id(), sortie, done, assigned));
        }
        return out;
    }
}
