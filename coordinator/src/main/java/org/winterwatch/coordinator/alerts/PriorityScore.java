package org.winterwatch.coordinator.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.winterwatch.geo.site.SiteCategory;

/** Scores how urgent an alert is from the cold, the place, and how sure the sensors are; keeps the reasons. */
final class PriorityScore {

    private PriorityScore() {
    }

    record Scored(Priority priority, List<String> reasons) {
    }

    static Scored score(double confidence, SiteCategory category, Double ambientTempC, int sightings) {
        List<String> reasons = new ArrayList<>();
        double exposure = exposure(category);
        double cold = cold(ambientTempC);
        double repeat = Math.min(0.15, 0.05 * (sightings - 1));
        double score = 0.4 * confidence + 0.3 * exposure + 0.3 * cold + repeat;
        reasons.add(String.format(Locale.ROOT, "confidence %.2f", confidence));
        reasons.add(category == null ? "no known site nearby" : category.wireName() + " exposure " + exposureWord(exposure));
        if (ambientTempC != null) {
            reasons.add(String.format(Locale.ROOT, "ambient %.1f C", ambientTempC));
        }
        if (sightings > 1) {
            reasons.add(sightings + " sightings");
        }
        return new Scored(Priority.fromScore(score), reasons);
    }

    private static double exposure(SiteCategory category) {
        if (category == null) {
            return 0.6;
        }
        return switch (category) {
            case CULVERT -> 1.0;
            case BRIDGE -> 0.9;
            case UNDERPASS -> 0.8;
            case ABANDONED_BUILDING, CONSTRUCTION_SITE -> 0.7;
            case OTHER, NO_FLY_ZONE -> 0.6;
            case STATION -> 0.4;
            case ATM_LOBBY -> 0.3;
        };
    }

    private static String exposureWord(double exposure) {
        return exposure >= 0.85 ? "high" : exposure >= 0.6 ? "medium" : "low";
    }

    /** 1 at -15 C and below, 0.2 at +5 C and above. */
    private static double cold(Double ambientTempC) {
        if (ambientTempC == null) {
            return 0.6;
        }
        double t = Math.max(-15, Math.min(5, ambientTempC));
        return 0.2 + 0.8 * (5 - t) / 20.0;
    }
}
