package org.winterwatch.coordinator.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.winterwatch.geo.LatLon;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteCategory;
import org.winterwatch.geo.site.SiteLayer;

/**
 * Folds detections of one place into one alert (CONTRACT §4) and decides its site, team and priority.
 *
 * <p>Plain logic: no clock, no network, no database. The caller serialises calls and persists the result.
 */
public final class AlertBook {

    private final SiteLayer sites;
    private final AlertPolicy policy;
    private final Supplier<Double> ambientTempC;
    private final Supplier<String> newAlertId;
    private final Map<String, Alert> active = new LinkedHashMap<>();

    public AlertBook(SiteLayer sites, AlertPolicy policy, Supplier<Double> ambientTempC) {
        this(sites, policy, ambientTempC, () -> "a-" + UUID.randomUUID());
    }

    AlertBook(SiteLayer sites, AlertPolicy policy, Supplier<Double> ambientTempC, Supplier<String> newAlertId) {
        this.sites = sites;
        this.policy = policy;
        this.ambientTempC = ambientTempC;
        this.newAlertId = newAlertId;
    }

    /** Puts back alerts that were active before a restart. */
    public void restore(Collection<Alert> alerts) {
        alerts.stream().filter(a -> a.state().isActive()).forEach(a -> active.put(a.alertId(), a));
    }

    /** Forgets everything in memory and takes the committed alerts instead (after a failed transaction). */
    public void reset(Collection<Alert> committed) {
        active.clear();
        restore(committed);
    }

    public List<Alert> activeAlerts() {
        return List.copyOf(active.values());
    }

    /** Returns the alert as it is after this detection: a new one, or the nearby active one updated. */
    public Alert fold(Detection detection, Instant now) {
        LatLon where = new LatLon(detection.lat(), detection.lon());
        Optional<Alert> near = nearestMergeable(where, detection.observedAt());
        Alert next = near.map(existing -> update(existing, detection, now)).orElseGet(() -> open(detection, where, now));
        active.put(next.alertId(), next);
        return next;
    }

    private Optional<Alert> nearestMergeable(LatLon where, Instant observedAt) {
        return active.values().stream()
                .filter(a -> a.state().isActive())
                .filter(a -> Duration.between(a.lastSeen(), observedAt).abs().compareTo(policy.mergeWindow()) <= 0)
                .filter(a -> where.distanceM(new LatLon(a.lat(), a.lon())) <= policy.mergeRadiusM())
                .min(Comparator.comparingDouble(a -> where.distanceM(new LatLon(a.lat(), a.lon()))));
    }

    private Alert open(Detection detection, LatLon where, Instant now) {
        Optional<Site> site = siteOf(detection, where);
        SiteCategory category = site.map(Site::category).orElse(null);
        Double ambient = ambientTempC.get();
        PriorityScore.Scored scored = PriorityScore.score(detection.confidence(), category, ambient, 1);
        String team = site.map(Site::team).filter(t -> t != null && !t.isBlank()).orElse(policy.defaultTeam());
        return new Alert(newAlertId.get(), AlertState.OPEN, scored.priority(), site.map(Site::id).orElse(null),
                site.map(Site::name).orElse(null), category == null ? null : category.wireName(),
                detection.lat(), detection.lon(), List.of(detection.id()), detection.observedAt(),
                detection.observedAt(), ambient, team, 1, now, detection.confidence(), scored.reasons());
    }

    private Alert update(Alert existing, Detection detection, Instant now) {
        List<String> ids = new ArrayList<>(existing.detectionIds());
        ids.add(detection.id());
        // Independent sightings raise confidence: 1 - product of the misses.
        double confidence = 1 - (1 - existing.confidence()) * (1 - detection.confidence());
        SiteCategory category = existing.category() == null ? null
                : SiteCategory.fromWire(existing.category()).orElse(null);
        Double ambient = ambientTempC.get();
        PriorityScore.Scored scored = PriorityScore.score(confidence, category, ambient, ids.size());
        Priority priority = scored.priority().compareTo(existing.priority()) < 0 ? scored.priority() : existing.priority();
        Instant first = detection.observedAt().isBefore(existing.firstSeen()) ? detection.observedAt() : existing.firstSeen();
        Instant last = detection.observedAt().isAfter(existing.lastSeen()) ? detection.observedAt() : existing.lastSeen();
        return new Alert(existing.alertId(), existing.state(), priority, existing.siteId(), existing.siteName(),
                existing.category(), existing.lat(), existing.lon(), ids, first, last, ambient, existing.teamId(),
                existing.version() + 1, now, confidence, scored.reasons());
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
}
