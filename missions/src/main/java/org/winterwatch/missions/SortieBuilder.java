package org.winterwatch.missions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.projection.LocalProjection;

/**
 * Cuts one drone's ordered sweep jobs into sorties that each fit {@link FleetParameters#usableSortieS()},
 * counting the transit out from and back to home; a sweep too long for one battery continues in the next sortie.
 */
final class SortieBuilder {

    private static final Coordinate HOME = new Coordinate(0, 0);

    private final FleetParameters params;
    private final LocalProjection proj;
    private final TransitRouter router;

    SortieBuilder(FleetParameters params, LocalProjection proj, TransitRouter router) {
        this.params = params;
        this.proj = proj;
        this.router = router;
    }

    List<Sortie> build(int droneIndex, List<FleetPlanner.Job> jobs, List<UnassignedSite> unassigned) {
        List<Sortie> sorties = new ArrayList<>();
        Draft draft = new Draft();
        for (FleetPlanner.Job job : jobs) {
            double alone = params.durationS(transitLength(HOME, job.start()) + Math.min(job.lengthM(), 1)
                    + transitLength(job.start(), HOME));
            if (alone > params.usableSortieS()) {
                unassigned.add(new UnassignedSite(job.siteId(), String.format(
                        "beyond one battery: reaching it and back takes %.0f s, a sortie may take %.0f s",
                        alone, params.usableSortieS())));
                continue;
            }
            List<Coordinate> path = job.path();
            int i = 0;
            int resumedAt = -1;
            while (i < path.size()) {
                Coordinate p = path.get(i);
                boolean first = i == 0 || draft.isEmpty();
                double leg = first ? transitLength(draft.position(), p) : draft.position().distance(p);
                double after = draft.lengthM + leg + transitLength(p, HOME);
                if (params.durationS(after) > params.usableSortieS() && !draft.isEmpty()) {
                    sorties.add(draft.close(droneIndex, sorties.size() + 1));
                    draft = new Draft();
                    if (i > 0 && resumedAt != i - 1) {
                        // The next sortie resumes the sweep at the last point swept, so no segment is lost.
                        i--;
                        resumedAt = i;
                    }
                    continue;
                }
                if (first) {
                    draft.transitTo(p);
                }
                draft.sweepTo(p, job.siteId());
                i++;
            }
        }
        if (!draft.isEmpty()) {
            sorties.add(draft.close(droneIndex, sorties.size() + 1));
        }
        return sorties;
    }

    private double transitLength(Coordinate a, Coordinate b) {
        double length = 0;
        Coordinate prev = a;
        for (Coordinate c : router.via(a, b)) {
            length += prev.distance(c);
            prev = c;
        }
        return length + prev.distance(b);
    }

    private final class Draft {
        private final List<Waypoint> waypoints = new ArrayList<>();
        private final Set<String> sites = new LinkedHashSet<>();
        private Coordinate position = HOME;
        private double lengthM;

        boolean isEmpty() {
            return waypoints.isEmpty();
        }

        Coordinate position() {
            return position;
        }

        void transitTo(Coordinate p) {
            for (Coordinate c : router.via(position, p)) {
                add(c, false, null);
            }
        }

        void sweepTo(Coordinate p, String siteId) {
            add(p, true, siteId);
            sites.add(siteId);
        }

        private void add(Coordinate c, boolean cameraOn, String siteId) {
            lengthM += position.distance(c);
            position = c;
            LatLon ll = proj.toLatLon(c);
            waypoints.add(new Waypoint(ll.lat(), ll.lon(), params.coverage().altitudeM(), params.speedMps(), cameraOn, siteId));
        }

        Sortie close(int droneIndex, int number) {
            for (Coordinate c : router.via(position, HOME)) {
                add(c, false, null);
            }
            double total = lengthM + position.distance(HOME);
            return new Sortie(droneIndex, number, waypoints, List.copyOf(sites), total, params.durationS(total));
        }
    }
}
