package org.winterwatch.alerts.book;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A place where someone may be out in the cold, as the ground team sees it (CONTRACT §4).
 *
 * <p>Every change produces a new value with {@code version} one higher; consumers de-duplicate by
 * {@code alertId} + {@code version}. Build changed copies with {@link #toBuilder()}.
 *
 * @param risk         how likely the person comes to harm, 0..1; {@code priority} is derived from it
 * @param detectionIds the most recent detections folded in (at most {@link #MAX_DETECTION_IDS})
 * @param detectionCount all detections folded in
 * @param sources      distinct sensors and reporters that saw something here
 * @param dispatch     whether the alert is only kept, waits for the control room, or is with the team
 * @param onSiteAt     when the team reported itself on site ({@code arrive}), null before
 * @param escalations  how often it escalated because nobody acted in time
 * @param knownSpot    people were found at this site before
 * @param siteHistory  the site's earlier resolved alerts, newest first
 * @param flags        what a tip said that matters (child, injury, elderly)
 */
public record Alert(String alertId, AlertState state, Priority priority, double risk, String siteId, String siteName,
                    String category, double lat, double lon, List<String> detectionIds, long detectionCount,
                    List<String> sources,
                    Instant firstSeen, Instant lastSeen, Double ambientTempC, String teamId, long version,
                    Instant updatedAt, double confidence, List<String> reasons, Dispatch dispatch,
                    Instant dispatchedAt, Instant acknowledgedAt, Instant onSiteAt, int escalations, Outcome outcome,
                    List<String> items, String note, String lastActionBy, boolean knownSpot,
                    List<SiteVisit> siteHistory, String imageRef, List<String> flags) {

    /**
     * An alert keeps the ids of its latest detections only, so that a place seen all night stays a small message on
     * a team phone (about 1.5 KiB); {@code detectionCount} counts them all, and every detection stays in the database.
     */
    public static final int MAX_DETECTION_IDS = 20;

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(updatedAt, "updatedAt");
        detectionIds = List.copyOf(detectionIds);
        sources = List.copyOf(sources);
        reasons = List.copyOf(reasons);
        items = items == null ? List.of() : List.copyOf(items);
        siteHistory = siteHistory == null ? List.of() : List.copyOf(siteHistory);
        flags = flags == null ? List.of() : List.copyOf(flags);
        if (!(risk >= 0 && risk <= 1)) {
            throw new IllegalArgumentException("risk must be within 0..1, was " + risk);
        }
        if (detectionIds.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one detection");
        }
        if (detectionIds.size() > MAX_DETECTION_IDS) {
            detectionIds = List.copyOf(detectionIds.subList(detectionIds.size() - MAX_DETECTION_IDS, detectionIds.size()));
        }
        if (detectionCount < detectionIds.size()) {
            detectionCount = detectionIds.size();
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
        if (state == AlertState.RESOLVED && outcome == null) {
            throw new IllegalArgumentException("a resolved alert needs an outcome");
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for building the next version; {@link #build()} validates. */
    public static final class Builder {
        private String alertId;
        private AlertState state;
        private Priority priority;
        private double risk;
        private String siteId;
        private String siteName;
        private String category;
        private double lat;
        private double lon;
        private List<String> detectionIds;
        private long detectionCount;
        private List<String> sources;
        private Instant firstSeen;
        private Instant lastSeen;
        private Double ambientTempC;
        private String teamId;
        private long version;
        private Instant updatedAt;
        private double confidence;
        private List<String> reasons;
        private Dispatch dispatch;
        private Instant dispatchedAt;
        private Instant acknowledgedAt;
        private Instant onSiteAt;
        private int escalations;
        private Outcome outcome;
        private List<String> items;
        private String note;
        private String lastActionBy;
        private boolean knownSpot;
        private List<SiteVisit> siteHistory;
        private String imageRef;
        private List<String> flags;

        public Builder() {
            detectionIds = List.of();
            sources = List.of();
            reasons = List.of();
            version = 1;
            state = AlertState.OPEN;
            dispatch = Dispatch.TEAM;
        }

        private Builder(Alert a) {
            alertId = a.alertId;
            state = a.state;
            priority = a.priority;
            risk = a.risk;
            siteId = a.siteId;
            siteName = a.siteName;
            category = a.category;
            lat = a.lat;
            lon = a.lon;
            detectionIds = a.detectionIds;
            detectionCount = a.detectionCount;
            sources = a.sources;
            firstSeen = a.firstSeen;
            lastSeen = a.lastSeen;
            ambientTempC = a.ambientTempC;
            teamId = a.teamId;
            version = a.version;
            updatedAt = a.updatedAt;
            confidence = a.confidence;
            reasons = a.reasons;
            dispatch = a.dispatch;
            dispatchedAt = a.dispatchedAt;
            acknowledgedAt = a.acknowledgedAt;
            onSiteAt = a.onSiteAt;
            escalations = a.escalations;
            outcome = a.outcome;
            items = a.items;
            note = a.note;
            lastActionBy = a.lastActionBy;
            knownSpot = a.knownSpot;
            siteHistory = a.siteHistory;
            imageRef = a.imageRef;
            flags = a.flags;
        }

        public Builder alertId(String v) { alertId = v; return this; }
        public Builder state(AlertState v) { state = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        /** The risk, and the priority derived from it. */
        public Builder risk(double v) { risk = v; priority = Priority.fromRisk(v); return this; }
        public Builder siteId(String v) { siteId = v; return this; }
        public Builder siteName(String v) { siteName = v; return this; }
        public Builder category(String v) { category = v; return this; }
        public Builder lat(double v) { lat = v; return this; }
        public Builder lon(double v) { lon = v; return this; }
        public Builder detectionIds(List<String> v) { detectionIds = v; return this; }
        public Builder detectionCount(long v) { detectionCount = v; return this; }
        public Builder sources(List<String> v) { sources = v; return this; }
        public Builder firstSeen(Instant v) { firstSeen = v; return this; }
        public Builder lastSeen(Instant v) { lastSeen = v; return this; }
        public Builder ambientTempC(Double v) { ambientTempC = v; return this; }
        public Builder teamId(String v) { teamId = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder confidence(double v) { confidence = v; return this; }
        public Builder reasons(List<String> v) { reasons = v; return this; }
        public Builder dispatch(Dispatch v) { dispatch = v; return this; }
        public Builder dispatchedAt(Instant v) { dispatchedAt = v; return this; }
        public Builder acknowledgedAt(Instant v) { acknowledgedAt = v; return this; }
        public Builder onSiteAt(Instant v) { onSiteAt = v; return this; }
        public Builder escalations(int v) { escalations = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder items(List<String> v) { items = v; return this; }
        public Builder note(String v) { note = v; return this; }
        public Builder lastActionBy(String v) { lastActionBy = v; return this; }
        public Builder knownSpot(boolean v) { knownSpot = v; return this; }
        public Builder siteHistory(List<SiteVisit> v) { siteHistory = v; return this; }
        public Builder imageRef(String v) { imageRef = v; return this; }
        public Builder flags(List<String> v) { flags = v; return this; }

        /** The next version of the alert, changed at {@code now}. */
        public Alert next(Instant now) {
            version = version + 1;
            updatedAt = now;
            return build();
        }

        public Alert build() {
            return new Alert(alertId, state, priority, risk, siteId, siteName, category, lat, lon, detectionIds, detectionCount, sources,
                    firstSeen, lastSeen, ambientTempC, teamId, version, updatedAt, confidence, reasons, dispatch,
                    dispatchedAt, acknowledgedAt, onSiteAt, escalations, outcome, items, note, lastActionBy, knownSpot,
                    siteHistory, imageRef, flags);
        }
    }
}
