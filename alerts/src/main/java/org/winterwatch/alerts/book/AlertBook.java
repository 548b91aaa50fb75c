package org.winterwatch.alerts.book;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

/**
 * The alert workflow: folds detections of one place into one alert (CONTRACT §4), decides its site, team,
 * priority and who sees it, applies team and control-room actions, and escalates what nobody answers.
 *
 * <p>Plain logic: no clock, no network, no database. The caller serialises calls and persists every change.
 */
public final class AlertBook {

    private static final int HISTORY_SHOWN = 10;
    private static final double MOTION_WEIGHT = 0.6;

    private final SiteLayer sites;
    private final AlertPolicy policy;
    private final Teams teams;
    private final Weather weather;
    private final Supplier<String> newAlertId;
    private final Map<String, Alert> active = new LinkedHashMap<>();
    /** Active alerts by grid cell, so that folding a detection looks at its neighbourhood only. */
    private final MergeGrid grid;
    private final java.util.Set<String> knownTeams;
    private final Map<String, Alert> recentlyResolved = new LinkedHashMap<>();
    private final Map<String, List<SiteVisit>> siteHistory = new HashMap<>();

    public AlertBook(SiteLayer sites, AlertPolicy policy, Teams teams, Weather weather) {
        this(sites, policy, teams, weather, () -> "a-" + UUID.randomUUID());
    }

    AlertBook(SiteLayer sites, AlertPolicy policy, Teams teams, Weather weather, Supplier<String> newAlertId) {
        this.sites = sites;
        this.policy = policy;
        this.teams = teams;
        this.weather = weather;
        this.newAlertId = newAlertId;
        this.grid = new MergeGrid(policy.mergeRadiusM());
        this.knownTeams = teams.known(sites.patrolSites());
    }

    public AlertPolicy policy() {
        return policy;
    }

    /** Takes back the committed alerts after a restart: active ones to work on, resolved ones as site history. */
    public void restore(Collection<Alert> alerts) {
        for (Alert a : alerts) {
            if (a.state().isActive()) {
                put(a);
            } else {
                remember(a);
            }
        }
    }

    /** Forgets everything in memory and takes the committed alerts instead (after a failed transaction). */
    public void reset(Collection<Alert> committed) {
        active.clear();
        grid.clear();
        recentlyResolved.clear();
        siteHistory.clear();
        restore(committed);
    }

    public List<Alert> activeAlerts() {
        return List.copyOf(active.values());
    }

    public Optional<Alert> find(String alertId) {
        return Optional.ofNullable(active.get(alertId)).or(() -> Optional.ofNullable(recentlyResolved.get(alertId)));
    }

    /** Returns the alert as it is after this detection: a new one, or the nearby active one updated. */
    public Alert fold(Detection detection, Instant now) {
        LatLon where = new LatLon(detection.lat(), detection.lon());
        Optional<Alert> near = nearestMergeable(where, detection.observedAt());
        Alert next = near.map(existing -> update(existing, detection, now)).orElseGet(() -> open(detection, where, now));
        return put(next);
    }

    /** The weather the alert logic reads; the alert worker, the one writer, changes it. */
    public Weather weather() {
        return weather;
    }

    /** Applies a team's or the control room's action. */
    public ActionResult act(TeamAction action, Instant now) {
        Alert alert = active.get(action.alertId());
        if (alert == null) {
            Alert resolved = recentlyResolved.get(action.alertId());
            if (resolved != null && action.kind() == TeamAction.Kind.RESOLVE) {
                return resolved.outcome() == action.outcome() ? new ActionResult.Unchanged(resolved)
                        : new ActionResult.Refused(ActionResult.Why.CONFLICT, "alert " + action.alertId()
                        + " is already resolved with outcome " + resolved.outcome().wireName());
            }
            if (resolved != null) {
                return new ActionResult.Unchanged(resolved);
            }
            return new ActionResult.Refused(ActionResult.Why.UNKNOWN_ALERT, "alertId: no alert '" + action.alertId() + "'");
        }
        if (action.actingTeam() != null && !action.actingTeam().equals(policy.controlRoomTeam())
                && (!action.actingTeam().equals(alert.teamId()) || alert.dispatch() != Dispatch.TEAM)) {
            // a team may act only on what it was sent: another team's alert, or one still under the control room's
            // review, is as unknown to it as one that does not exist (nor does the answer say which)
            return new ActionResult.Refused(ActionResult.Why.UNKNOWN_ALERT, "alertId: no alert '" + action.alertId() + "'");
        }
        if (action.kind() == TeamAction.Kind.HANDOVER && action.toTeam() != null && !knownTeams.contains(action.toTeam())) {
            return new ActionResult.Refused(ActionResult.Why.INVALID, "toTeam: no team '" + action.toTeam() + "'; known: "
                    + String.join(", ", knownTeams));
        }
        return switch (action.kind()) {
            case ACK -> acknowledge(alert, action, now);
            case ARRIVE -> arrive(alert, action, now);
            case RESOLVE -> resolve(alert, action.outcome(), action, now);
            case HANDOVER -> handover(alert, action, now);
            case CONFIRM -> confirm(alert, action, now);
            case DISMISS -> resolve(alert, Outcome.FALSE_ALARM, action, now);
        };
    }

    /**
     * Adds what the coordinator learned about an active alert (a drone sent to look, and what came of it) to its
     * reasons, as a new version; a resolved or unknown alert is left as it is.
     */
    public ActionResult note(String alertId, String reason, Instant now) {
        Alert a = active.get(alertId);
        if (a == null) {
            return find(alertId).<ActionResult>map(ActionResult.Unchanged::new)
                    .orElseGet(() -> new ActionResult.Refused(ActionResult.Why.UNKNOWN_ALERT, "alertId: no alert '" + alertId + "'"));
        }
        return new ActionResult.Changed(put(a.toBuilder().reasons(with(a.reasons(), reason)).next(now)));
    }

    /** Escalates what nobody answered in time; returns the alerts that changed. */
    public List<Alert> tick(Instant now) {
        List<Alert> changed = new ArrayList<>();
        Duration ackTimeout = weather.coldWave(policy) ? policy.coldWaveAckTimeout() : policy.ackTimeout();
        for (Alert a : List.copyOf(active.values())) {
            if (a.dispatchedAt() == null) {
                continue;
            }
            if (a.dispatch() == Dispatch.REVIEW && !a.dispatchedAt().plus(policy.reviewTimeout()).isAfter(now)) {
                changed.add(put(a.toBuilder().dispatch(Dispatch.TEAM).dispatchedAt(now)
                        .reasons(with(a.reasons(), "not reviewed within " + policy.reviewTimeout().toMinutes() + " min: sent to the team"))
                        .next(now)));
            } else if (a.dispatch() == Dispatch.TEAM && a.acknowledgedAt() == null
                    && (a.state() == AlertState.OPEN || a.state() == AlertState.ESCALATED)
                    && !a.dispatchedAt().plus(ackTimeout).isAfter(now)) {
                String next = teams.nextAfter(a.teamId());
                if (next.equals(a.teamId())) {
                    // the last in the chain (the control room) already has it: escalating to itself says nothing new
                    continue;
                }
                changed.add(put(a.toBuilder().state(AlertState.ESCALATED)
                        .risk(Math.max(a.risk(), a.priority().raised().floor()))
                        .teamId(next).escalations(a.escalations() + 1).dispatchedAt(now)
                        .reasons(with(a.reasons(), "not acknowledged by " + a.teamId() + " within "
                                + ackTimeout.toMinutes() + " min: escalated to " + next))
                        .next(now)));
            }
        }
        return changed;
    }

    private ActionResult acknowledge(Alert a, TeamAction action, Instant now) {
        if (a.state() == AlertState.ACKNOWLEDGED) {
            return new ActionResult.Unchanged(a);
        }
        return new ActionResult.Changed(put(a.toBuilder().state(AlertState.ACKNOWLEDGED).acknowledgedAt(now)
                .dispatch(Dispatch.TEAM).lastActionBy(action.by()).note(noteOr(action, a)).next(now)));
    }

    /** The team is on site: recorded once, and an alert not yet acknowledged is acknowledged by it too. */
    private ActionResult arrive(Alert a, TeamAction action, Instant now) {
        if (a.onSiteAt() != null) {
            return new ActionResult.Unchanged(a);
        }
        return new ActionResult.Changed(put(a.toBuilder().state(AlertState.ACKNOWLEDGED)
                .acknowledgedAt(a.acknowledgedAt() != null ? a.acknowledgedAt() : now).onSiteAt(now)
                .dispatch(Dispatch.TEAM).lastActionBy(action.by()).note(noteOr(action, a)).next(now)));
    }

    private ActionResult resolve(Alert a, Outcome outcome, TeamAction action, Instant now) {
        Alert resolved = a.toBuilder().state(AlertState.RESOLVED).outcome(outcome).items(action.items())
                .lastActionBy(action.by()).note(noteOr(action, a)).next(now);
        active.remove(a.alertId());
        grid.remove(a.alertId());
        remember(resolved);
        return new ActionResult.Changed(resolved);
    }

    private ActionResult handover(Alert a, TeamAction action, Instant now) {
        String to = action.toTeam() != null ? action.toTeam() : teams.nextAfter(a.teamId());
        if (to.equals(a.teamId())) {
            return new ActionResult.Unchanged(a);
        }
        return new ActionResult.Changed(put(a.toBuilder().state(AlertState.OPEN).teamId(to).acknowledgedAt(null)
                .dispatch(Dispatch.TEAM).dispatchedAt(now).lastActionBy(action.by()).note(noteOr(action, a))
                .reasons(with(a.reasons(), "handed over from " + a.teamId() + " to " + to))
                .next(now)));
    }

    private ActionResult confirm(Alert a, TeamAction action, Instant now) {
        if (a.dispatch() == Dispatch.TEAM) {
            return new ActionResult.Unchanged(a);
        }
        return new ActionResult.Changed(put(a.toBuilder().dispatch(Dispatch.TEAM).dispatchedAt(now)
                .lastActionBy(action.by()).reasons(with(a.reasons(), "confirmed by the control room"))
                .next(now)));
    }

    private Alert put(Alert a) {
        active.put(a.alertId(), a);
        grid.put(a.alertId(), a.lat(), a.lon());
        return a;
    }

    private void remember(Alert resolved) {
        recentlyResolved.put(resolved.alertId(), resolved);
        if (recentlyResolved.size() > 10_000) {
            recentlyResolved.remove(recentlyResolved.keySet().iterator().next());
        }
        if (resolved.siteId() != null && resolved.outcome() != null) {
            List<SiteVisit> visits = siteHistory.computeIfAbsent(resolved.siteId(), k -> new ArrayList<>());
            visits.add(new SiteVisit(resolved.updatedAt(), resolved.outcome()));
            visits.sort(Comparator.comparing(SiteVisit::resolvedAt).reversed());
        }
    }

    private Optional<Alert> nearestMergeable(LatLon where, Instant observedAt) {
        long at = observedAt.toEpochMilli();
        long window = policy.mergeWindow().toMillis();
        Alert best = null;
        double bestM = Double.MAX_VALUE;
        for (String id : grid.near(where.lat(), where.lon())) {
            Alert a = active.get(id);
            if (a == null || !a.state().isActive() || Math.abs(a.lastSeen().toEpochMilli() - at) > window) {
                continue;
            }
            double m = where.distanceM(new LatLon(a.lat(), a.lon()));
            if (m <= policy.mergeRadiusM() && m < bestM) {
                best = a;
                bestM = m;
            }
        }
        return Optional.ofNullable(best);
    }

    private Alert open(Detection d, LatLon where, Instant now) {
        Optional<Site> site = siteOf(d, where);
        SiteCategory category = site.map(Site::category).orElse(null);
        List<SiteVisit> history = site.map(s -> siteHistory.getOrDefault(s.id(), List.of())).orElse(List.of());
        boolean knownSpot = history.stream().anyMatch(v -> v.outcome().personFound());
        double confidence = weighted(d);
        Weather.Conditions conditions = weather.conditions();
        Double ambient = conditions.ambientTempC();
        PriorityScore.Scored scored = PriorityScore.score(new PriorityScore.Inputs(confidence, category, ambient,
                conditions.windMps(), weather.coldWave(policy), 1, 1, Duration.ZERO, knownSpot, d.flags()));
        Dispatch dispatch = decide(confidence, d.flags(), Dispatch.WATCH);
        return new Alert.Builder()
                .alertId(newAlertId.get()).state(AlertState.OPEN).risk(scored.risk())
                .siteId(site.map(Site::id).orElse(null)).siteName(site.map(Site::name).orElse(null))
                .category(category == null ? null : category.wireName())
                .lat(d.lat()).lon(d.lon()).detectionIds(List.of(d.id())).sources(List.of(d.source()))
                .firstSeen(d.observedAt()).lastSeen(d.observedAt()).ambientTempC(ambient)
                .teamId(teams.teamFor(site, where)).version(1).updatedAt(now).confidence(confidence)
                .reasons(scored.reasons()).dispatch(dispatch).dispatchedAt(dispatch == Dispatch.WATCH ? null : now)
                .knownSpot(knownSpot).siteHistory(history.stream().limit(HISTORY_SHOWN).toList())
                .imageRef(d.imageRef()).flags(d.flags())
                .build();
    }

    private Alert update(Alert existing, Detection d, Instant now) {
        List<String> ids = new ArrayList<>(existing.detectionIds());
        ids.add(d.id());
        boolean newSource = !existing.sources().contains(d.source());
        Set<String> sources = new LinkedHashSet<>(existing.sources());
        sources.add(d.source());
        double c = weighted(d);
        // Independent sources multiply their misses; a repeat from the same source counts for half.
        double confidence = 1 - (1 - existing.confidence()) * (1 - (newSource ? c : c / 2));
        Set<String> flags = new LinkedHashSet<>(existing.flags());
        flags.addAll(d.flags());
        SiteCategory category = existing.category() == null ? null : SiteCategory.fromWire(existing.category()).orElse(null);
        Instant first = d.observedAt().isBefore(existing.firstSeen()) ? d.observedAt() : existing.firstSeen();
        Instant last = d.observedAt().isAfter(existing.lastSeen()) ? d.observedAt() : existing.lastSeen();
        Weather.Conditions conditions = weather.conditions();
        Double ambient = conditions.ambientTempC();
        PriorityScore.Scored scored = PriorityScore.score(new PriorityScore.Inputs(confidence, category, ambient,
                conditions.windMps(), weather.coldWave(policy), (int) Math.min(Integer.MAX_VALUE, existing.detectionCount() + 1), sources.size(),
                Duration.between(first, last),
                existing.knownSpot(), List.copyOf(flags)));
        Dispatch dispatch = decide(confidence, List.copyOf(flags), existing.dispatch());
        boolean dispatchChanged = dispatch != existing.dispatch();
        return existing.toBuilder()
                .risk(Math.max(scored.risk(), existing.risk())).detectionIds(ids)
                .detectionCount(existing.detectionCount() + 1)
                .sources(List.copyOf(sources)).firstSeen(first).lastSeen(last).ambientTempC(ambient)
                .confidence(confidence).reasons(rescored(scored.reasons(), existing.reasons())).dispatch(dispatch)
                .dispatchedAt(dispatchChanged ? now : existing.dispatchedAt())
                .imageRef(d.imageRef() != null ? d.imageRef() : existing.imageRef()).flags(List.copyOf(flags))
                .next(now);
    }

    /** Who sees the alert, given how sure we are; never taken back from the team once sent. */
    private Dispatch decide(double confidence, List<String> flags, Dispatch current) {
        if (current == Dispatch.TEAM || flags.contains("child") || flags.contains("injury")) {
            return Dispatch.TEAM;
        }
        double dispatchAt = weather.coldWave(policy)
                ? (policy.reviewThreshold() + policy.dispatchThreshold()) / 2 : policy.dispatchThreshold();
        if (confidence >= dispatchAt) {
            return Dispatch.TEAM;
        }
        if (confidence >= policy.reviewThreshold()) {
            return Dispatch.REVIEW;
        }
        return current;
    }

    private static double weighted(Detection d) {
        return d.kind() == DetectionKind.MOTION ? d.confidence() * MOTION_WEIGHT : d.confidence();
    }

    private Optional<Site> siteOf(Detection detection, LatLon where) {
        if (detection.siteId() != null) {
            Optional<Site> named = sites.byId(detection.siteId()).filter(s -> !s.isNoFlyZone());
            if (named.isPresent()) {
                return named;
            }
        }
        return sites.nearestSite(where, policy.siteRadiusM());
    }

    private static String noteOr(TeamAction action, Alert a) {
        return action.note() != null ? action.note() : a.note();
    }

    /** The new score's reasons, then what happened to the alert so far (which a new sighting does not undo). */
    private static List<String> rescored(List<String> scoreReasons, List<String> before) {
        List<String> out = new ArrayList<>(scoreReasons);
        before.stream().filter(r -> !PriorityScore.isScoreReason(r)).forEach(out::add);
        return out;
    }

    private static List<String> with(List<String> reasons, String reason) {
        List<String> out = new ArrayList<>(reasons);
        out.add(reason);
        return out;
    }
}
