package org.winterwatch.alerts.book;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.winterwatch.geo.site.SiteCategory;

/**
 * Scores how urgent an alert is from the cold, the place, how sure the sources are, how long the person has been
 * out, and what a tip said; keeps the reasons so the team sees why.
 */
final class PriorityScore {

    private PriorityScore() {
    }

    record Inputs(double confidence, SiteCategory category, Double ambientTempC, boolean coldWave, int sightings,
                  int sources, Duration sinceFirstSeen, boolean knownSpot, List<String> flags) {
    }

    record Scored(Priority priority, List<String> reasons) {
    }

    /**
     * {@code value} with as many decimals as {@code scale} has zeros (10 or 100), rounded half up: the same text as
     * {@code %.1f} / {@code %.2f}, without a Formatter on every alert change.
     */
    static String fixed(double value, int scale) {
        long r = Math.round(Math.abs(value) * scale);
        String digits = Long.toString(r % scale);
        String fraction = "0".repeat(Long.toString(scale).length() - 1 - digits.length()) + digits;
        return (value < 0 && r != 0 ? "-" : "") + r / scale + "." + fraction;
    }

    /**
     * Whether a reason is one {@link #score} writes (and rewrites on every change), as opposed to what happened to
     * the alert (escalated, handed over, confirmed, a drone sent to look), which stays with it.
     */
    static boolean isScoreReason(String reason) {
        return reason.startsWith("confidence ") || reason.equals("no known site nearby") || reason.contains(" exposure ")
                || reason.startsWith("ambient ") || reason.equals("extreme-weather plan active")
                || reason.endsWith(" sightings") || reason.endsWith(" independent sources agree")
                || reason.startsWith("first seen ") || reason.startsWith("known spot:") || reason.startsWith("tip mentions ");
    }

    static Scored score(Inputs in) {
        List<String> reasons = new ArrayList<>();
        double exposure = exposure(in.category());
        double score = 0.4 * in.confidence() + 0.3 * exposure + 0.3 * cold(in.ambientTempC());
        reasons.add("confidence " + fixed(in.confidence(), 100));
        reasons.add(in.category() == null ? "no known site nearby"
                : in.category().wireName() + " exposure " + exposureWord(exposure));
        if (in.ambientTempC() != null) {
            reasons.add("ambient " + fixed(in.ambientTempC(), 10) + " C");
        }
        if (in.coldWave()) {
            score += 0.1;
            reasons.add("extreme-weather plan active");
        }
        if (in.sightings() > 1) {
            score += Math.min(0.15, 0.05 * (in.sightings() - 1));
            reasons.add(in.sightings() + " sightings");
        }
        if (in.sources() > 1) {
            reasons.add(in.sources() + " independent sources agree");
        }
        long minutes = in.sinceFirstSeen().toMinutes();
        if (minutes >= 30) {
            score += Math.min(0.15, 0.05 * (minutes / 30));
            reasons.add("first seen " + minutes + " min ago");
        }
        if (in.knownSpot()) {
            score += 0.05;
            reasons.add("known spot: people were found here before");
        }
        Priority priority = Priority.fromScore(score);
        if (in.flags().contains("child") || in.flags().contains("injury")) {
            priority = Priority.CRITICAL;
        }
        in.flags().forEach(f -> reasons.add("tip mentions " + (f.equals("child") ? "a child" : f.equals("injury") ? "an injury" : "an elderly person")));
        return new Scored(priority, reasons);
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
