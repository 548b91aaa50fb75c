package org.winterwatch.missions.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One sweep from launch to its last site: which drone has which site, every sortie, and every change with its time
 * and reason. Pure and single-threaded: the caller passes the time in, applies the drones' news in order, and
 * stores what {@link #drainTransitions()} hands out together with the sweep.
 *
 * <p>The rules that matter to the people relying on it: a site is swept only when a drone reported its sweep path
 * flown to its end ({@link #siteSwept}); a sortie that ends early gives its unfinished sites back to its drone's next
 * sortie, never a replay of waypoints; a drone that drops out gives them to the others; the sweep ends when every
 * site is swept or skipped with its reason and no sortie is still in the air.
 */
public final class Sweep {

    /** The reason a site gets when the sweep runs out of drones to fly it. */
    public static final String NO_DRONE_LEFT = "no drone left to fly it";

    private final String id;
    private final Instant createdAt;
    private final String createdBy;
    private final double altitudeM;
    private final List<String> droneIds;
    private SweepState state;
    private String reason;
    private Instant startedAt;
    private Instant endedAt;
    private final SiteLedger sites = new SiteLedger(this::record);
    private final List<SweepSortie> sorties = new ArrayList<>();
    private final Set<String> dropped = new LinkedHashSet<>();
    private final List<Transition> pending = new ArrayList<>();

    private Sweep(String id, Instant createdAt, String createdBy, double altitudeM, List<String> droneIds,
                  SweepState state, String reason, Instant startedAt, Instant endedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = createdBy;
        this.altitudeM = altitudeM;
        this.droneIds = List.copyOf(droneIds);
        this.state = Objects.requireNonNull(state, "state");
        this.reason = reason;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
    }

    /**
     * A new sweep.
     *
     * @param assignment site id to drone id, in the order the sites were asked for
     * @param skipped    site id to the reason it cannot be swept at all (out of reach, in a no-fly zone)
     */
    public static Sweep plan(String id, String createdBy, Instant now, double altitudeM, List<String> droneIds,
                             Map<String, String> assignment, Map<String, String> skipped) {
        Sweep sweep = new Sweep(id, now, createdBy, altitudeM, droneIds, SweepState.PLANNED, null, null, null);
        sweep.record(now, "sweep", null, SweepState.PLANNED.wireName(), null);
        assignment.forEach((site, drone) -> sweep.sites.move(now, new SweepSite(site, SiteState.ASSIGNED, drone, null, null), null));
        skipped.forEach((site, why) -> sweep.sites.move(now, new SweepSite(site, SiteState.SKIPPED, null, null, why), null));
        return sweep;
    }

    /** A sweep as stored; records no transitions. */
    public static Sweep restore(String id, Instant createdAt, String createdBy, double altitudeM, List<String> droneIds,
                                SweepState state, String reason, Instant startedAt, Instant endedAt,
                                List<SweepSite> sites, List<SweepSortie> sorties, Set<String> dropped) {
        Sweep sweep = new Sweep(id, createdAt, createdBy, altitudeM, droneIds, state, reason, startedAt, endedAt);
        sites.forEach(sweep.sites::restore);
        sweep.sorties.addAll(sorties);
        sweep.dropped.addAll(dropped);
        return sweep;
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public double altitudeM() {
        return altitudeM;
    }

    public List<String> droneIds() {
        return droneIds;
    }

    public SweepState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public List<SweepSite> sites() {
        return List.copyOf(sites.all());
    }

    public Optional<SweepSite> site(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    public List<SweepSortie> sorties() {
        return List.copyOf(sorties);
    }

    /** Drones that left the sweep (lost, failed, recalled): they are given none of its sites again. */
    public Set<String> droppedDrones() {
        return Set.copyOf(dropped);
    }

    /** The drones still in the sweep. */
    public List<String> activeDrones() {
        return droneIds.stream().filter(d -> !dropped.contains(d)).toList();
    }

    /** The drone's sortie that has not ended yet, if any. */
    public Optional<SweepSortie> openSortie(String droneId) {
        return sorties.stream().filter(s -> s.droneId().equals(droneId) && s.state().isOpen()).findFirst();
    }

    /** Sites assigned to the drone and waiting for a sortie, in the sweep's order. */
    public List<String> sitesWaitingFor(String droneId) {
        return sites.waitingFor(droneId);
    }

    /** Sites not yet swept or skipped, in the sweep's order. */
    public List<String> unfinishedSites() {
        return sites.unfinished();
    }

    /** Creates the drone's next sortie with {@code siteIds}, which must be waiting for it. */
    public SweepSortie planSortie(String droneId, List<String> siteIds, Instant now) {
        requireOpen();
        if (openSortie(droneId).isPresent()) {
            throw new IllegalStateException(droneId + " already has a sortie under way in sweep " + id);
        }
        for (String siteId : siteIds) {
            SweepSite site = sites.get(siteId);
            if (site == null || site.state() != SiteState.ASSIGNED || !droneId.equals(site.droneId())) {
                throw new IllegalStateException("site " + siteId + " is not waiting for " + droneId);
            }
        }
        int number = (int) sorties.stream().filter(s -> s.droneId().equals(droneId)).count() + 1;
        SweepSortie sortie = new SweepSortie(droneId, number, SortieState.PLANNED, siteIds, now, null, null, null);
        sorties.add(sortie);
        record(now, "sortie " + sortie.key(), null, SortieState.PLANNED.wireName(), "sites " + String.join(", ", siteIds));
        return sortie;
    }

    /** The route is on its way to the drone. */
    public void uploading(String droneId, Instant now) {
        moveSortie(droneId, now, SortieState.UPLOADING, null, null);
    }

    /**
     * The route is on its way to the drone, numbered as {@code flight} says: kept from now on, so that a coordinator
     * restarted before it heard of the take-off still knows the mission if the drone flies it.
     */
    public void uploading(String droneId, SortieFlight flight, Instant now) {
        moveSortie(droneId, now, SortieState.UPLOADING, null, Objects.requireNonNull(flight, "flight"));
    }

    /** The drone started the mission it was sent while uploading. */
    public void flying(String droneId, Instant now) {
        SweepSortie sortie = openSortie(droneId)
                .orElseThrow(() -> new IllegalStateException(droneId + " has no sortie under way in sweep " + id));
        if (sortie.flight() == null) {
            throw new IllegalStateException("sortie " + sortie.key() + " was never uploaded");
        }
        flying(droneId, sortie.flight(), now);
    }

    /** The drone verified the upload and started: its sites are being swept, and the sweep is flying. */
    public void flying(String droneId, SortieFlight flight, Instant now) {
        SweepSortie sortie = moveSortie(droneId, now, SortieState.FLYING, null, Objects.requireNonNull(flight, "flight"));
        sites.startSweeping(sortie, now);
        if (state == SweepState.PLANNED) {
            startedAt = now;
            moveSweep(now, SweepState.FLYING, null);
        }
    }

    /**
     * The drone has flown the site's sweep path to its end. Ignored (false) unless the site is being swept by
     * that drone, so a late or repeated report never counts a site twice or for the wrong drone.
     */
    public boolean siteSwept(String siteId, String droneId, Instant now) {
        SweepSite site = sites.get(siteId);
        if (site == null || site.state() != SiteState.SWEEPING || !droneId.equals(site.droneId())) {
            return false;
        }
        sites.move(now, site.with(SiteState.SWEPT, droneId, now, null), null);
        return true;
    }

    /** The drone is on its way home before or after finishing its route. */
    public void returning(String droneId, Instant now, String why) {
        SweepSortie sortie = openSortie(droneId).orElse(null);
        if (sortie != null && sortie.state() == SortieState.FLYING) {
            moveSortie(droneId, now, SortieState.RETURNING, why, sortie.flight());
        }
    }

    /**
     * The drone is back on the ground. Its sortie is {@code landed}, or {@code aborted} when the sweep was
     * aborted; sites it did not finish wait for its next sortie (or are skipped when the sweep is over).
     */
    public void landed(String droneId, Instant now) {
        SweepSortie sortie = openSortie(droneId).orElse(null);
        if (sortie == null) {
            return;
        }
        boolean aborted = state == SweepState.ABORTED;
        moveSortie(droneId, now, aborted ? SortieState.ABORTED : SortieState.LANDED, sortie.reason(), sortie.flight());
        giveBack(sortie, now, "the sortie ended before its sweep path was flown to its end");
    }

    /** The sortie could not be flown or ended badly; its unfinished sites wait for the drone's next sortie. */
    public void sortieFailed(String droneId, Instant now, String why) {
        SweepSortie sortie = openSortie(droneId).orElse(null);
        if (sortie == null) {
            return;
        }
        moveSortie(droneId, now, SortieState.FAILED, why, sortie.flight());
        giveBack(sortie, now, why);
    }

    /**
     * The drone leaves the sweep (lost, battery critical, a failure, recalled): its open sortie fails with
     * {@code why}, and its unfinished sites go to the drones {@code reassignment} names, or are skipped when it
     * names none.
     */
    public void dropDrone(String droneId, Instant now, String why, Map<String, String> reassignment) {
        if (!dropped.add(droneId)) {
            return;
        }
        record(now, "drone " + droneId, "in sweep", "dropped", why);
        openSortie(droneId).ifPresent(s -> moveSortie(droneId, now, SortieState.FAILED, why, s.flight()));
        sites.handOver(droneId, now, why, reassignment, to -> !dropped.contains(to) && droneIds.contains(to),
                state.isOpen());
    }

    /** The site cannot be flown (by its drone, from where it stands): it is skipped with the reason. */
    public void skipSite(String siteId, Instant now, String why) {
        sites.skip(siteId, now, why);
    }

    /** Stops the sweep: nothing more is flown, and sites not being swept now are skipped. */
    public void abort(Instant now, String why) {
        requireOpen();
        for (SweepSortie sortie : List.copyOf(sorties)) {
            if (sortie.state() == SortieState.PLANNED || sortie.state() == SortieState.UPLOADING) {
                moveSortie(sortie.droneId(), now, SortieState.ABORTED, why, sortie.flight());
            } else if (sortie.state() == SortieState.FLYING) {
                moveSortie(sortie.droneId(), now, SortieState.RETURNING, why, sortie.flight());
            }
        }
        sites.skipUnfinished(now, why, false);
        endedAt = now;
        moveSweep(now, SweepState.ABORTED, why);
    }

    /**
     * Ends the sweep once every site is swept or skipped and no sortie is open: {@code done}, or {@code failed}
     * when sites were left because no drone was left to fly them. Also skips what no drone is left for.
     *
     * @return true when this call ended the sweep
     */
    public boolean settle(Instant now) {
        if (!state.isOpen()) {
            if (sorties.stream().noneMatch(s -> s.state().isOpen())) {
                sites.skipUnfinished(now, "sweep " + state.wireName(), true);
            }
            return false;
        }
        if (activeDrones().isEmpty()) {
            sites.skipUnfinished(now, NO_DRONE_LEFT, true);
        }
        if (!unfinishedSites().isEmpty() || sorties.stream().anyMatch(s -> s.state().isOpen())) {
            return false;
        }
        long left = sites.count(s -> s.state() == SiteState.SKIPPED && s.reason() != null
                && s.reason().startsWith(NO_DRONE_LEFT));
        long swept = sites.count(s -> s.state() == SiteState.SWEPT);
        endedAt = now;
        if (left > 0) {
            moveSweep(now, SweepState.FAILED, left + " of " + sites.size() + " sites not swept: " + NO_DRONE_LEFT);
        } else {
            moveSweep(now, SweepState.DONE, swept + " of " + sites.size() + " sites swept");
        }
        return true;
    }

    /** The transitions recorded since the last call, oldest first; the caller stores them with the sweep. */
    public List<Transition> drainTransitions() {
        List<Transition> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    private void giveBack(SweepSortie sortie, Instant now, String why) {
        sites.giveBack(sortie, now, why, state.isOpen() ? null : reason != null ? reason : "sweep " + state.wireName());
    }

    private void requireOpen() {
        if (!state.isOpen()) {
            throw new IllegalStateException("sweep " + id + " is " + state.wireName());
        }
    }

    private SweepSortie moveSortie(String droneId, Instant now, SortieState to, String why, SortieFlight flight) {
        SweepSortie sortie = openSortie(droneId)
                .orElseThrow(() -> new IllegalStateException(droneId + " has no sortie under way in sweep " + id));
        SweepSortie next = sortie.with(to, to.isOpen() ? null : now, why, flight);
        sorties.set(sorties.indexOf(sortie), next);
        record(now, "sortie " + sortie.key(), sortie.state().wireName(), to.wireName(), why);
        return next;
    }

    private void moveSweep(Instant now, SweepState to, String why) {
        SweepState before = state;
        state = to;
        reason = why;
        record(now, "sweep", before.wireName(), to.wireName(), why);
    }

    private void record(Instant now, String subject, String from, String to, String why) {
        pending.add(new Transition(id, now, subject, from, to, why));
    }
}
