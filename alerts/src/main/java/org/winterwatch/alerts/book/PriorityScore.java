package org.winterwatch.alerts.book;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.winterwatch.geo.site.SiteCategory;

/**
 * The risk that a person at an alert's place comes to harm from the cold, from 0 to 1, and the priority derived from
 * it: from the cold the place lets in (wind chill where it is exposed, less wind and cold where it is sheltered), how
 * exposed the place is, how long and how often the person has been seen, how sure the sources are, and what a tip
 * said. Keeps the reasons so the team sees why. The rationale, sources and calibration are in {@code docs/risk.md}.
 */
final class PriorityScore {

    /** Weights of the hazard terms (each term is 0..1; the weights sum to 1). */
    static final double COLD_WEIGHT = 0.50;
    static final double EXPOSURE_WEIGHT = 0.20;
    static final double TIME_WEIGHT = 0.25;
    static final double SIGHTINGS_WEIGHT = 0.05;
    /** Felt temperature at which the cold term is 0, and the span over which it reaches 1 (at -30 C felt). */
    static final double COLD_FROM_C = 10;
    static final double COLD_SPAN_C = 40;
    /** Minutes out after which about two thirds of the time term is reached. */
    static final double TIME_SCALE_MIN = 60;
    /** Additions for the extreme-weather plan, a known spot, and a tip naming an elderly person. */
    static final double COLD_WAVE_BONUS = 0.05;
    static final double KNOWN_SPOT_BONUS = 0.05;
    static final double ELDERLY_BONUS = 0.10;
    /** How much of the hazard counts when the sources are not sure at all (it all counts at confidence 1). */
    static final double UNSURE_SHARE = 0.35;
    /** Risks at or above this are tips naming a child or an injury; nothing else reaches it. */
    static final double FLAGGED_FLOOR = 0.9;

    private PriorityScore() {
    }

    record Inputs(double confidence, SiteCategory category, Double ambientTempC, double windMps, boolean coldWave,
                  int sightings, int sources, Duration sinceFirstSeen, boolean knownSpot, List<String> flags) {
    }

    record Scored(double risk, Priority priority, List<String> reasons) {
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
                || reason.startsWith("ambient ") || reason.startsWith("feels like ") || reason.equals("extreme-weather plan active")
                || reason.endsWith(" sightings") || reason.endsWith(" independent sources agree")
                || reason.startsWith("first seen ") || reason.startsWith("known spot:") || reason.startsWith("tip mentions ");
    }

    static Scored score(Inputs in) {
        List<String> reasons = new ArrayList<>();
        Shelter shelter = Shelter.of(in.category());
        reasons.add("confidence " + fixed(in.confidence(), 100));
        reasons.add(in.category() == null ? "no known site nearby"
                : in.category().wireName() + " exposure " + shelter.word());
        double cold = 0.6;
        if (in.ambientTempC() != null) {
            double felt = shelter.feltC(in.ambientTempC(), in.windMps());
            cold = clamp((COLD_FROM_C - felt) / COLD_SPAN_C);
            reasons.add("ambient " + fixed(in.ambientTempC(), 10) + " C");
            reasons.add("feels like " + fixed(felt, 10) + " C here (wind " + fixed(in.windMps(), 10) + " m/s)");
        }
        long minutes = in.sinceFirstSeen().toMinutes();
        double hazard = COLD_WEIGHT * cold + EXPOSURE_WEIGHT * shelter.exposure()
                + TIME_WEIGHT * (1 - Math.exp(-minutes / TIME_SCALE_MIN))
                + SIGHTINGS_WEIGHT * Math.min(1, (in.sightings() - 1) / 5.0);
        if (in.coldWave()) {
            hazard += COLD_WAVE_BONUS;
            reasons.add("extreme-weather plan active");
        }
        if (in.sightings() > 1) {
            reasons.add(in.sightings() + " sightings");
        }
        if (in.sources() > 1) {
            reasons.add(in.sources() + " independent sources agree");
        }
        if (minutes >= 10) {
            reasons.add("first seen " + minutes + " min ago");
        }
        if (in.knownSpot()) {
            hazard += KNOWN_SPOT_BONUS;
            reasons.add("known spot: people were found here before");
        }
        if (in.flags().contains("elderly")) {
            hazard += ELDERLY_BONUS;
        }
        double risk = clamp(hazard) * (UNSURE_SHARE + (1 - UNSURE_SHARE) * clamp(in.confidence()));
        boolean flagged = in.flags().contains("child") || in.flags().contains("injury");
        // a tip naming a child or an injury outranks every other alert, and among such tips the usual terms order them
        risk = flagged ? FLAGGED_FLOOR + (1 - FLAGGED_FLOOR) * risk : FLAGGED_FLOOR * 0.99 * risk;
        in.flags().forEach(f -> reasons.add("tip mentions " + (f.equals("child") ? "a child" : f.equals("injury") ? "an injury" : "an elderly person")));
        return new Scored(risk, Priority.fromRisk(risk), reasons);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
