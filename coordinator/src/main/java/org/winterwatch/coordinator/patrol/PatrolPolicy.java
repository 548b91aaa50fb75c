package org.winterwatch.coordinator.patrol;

import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.winterwatch.geo.site.Site;

/**
 * When sites are due for a patrol sweep (config {@code patrol:}).
 *
 * <p>A site is due {@code revisit} after it was last swept: by its category if one is configured, else by its
 * priority (1 low .. 5 high). A site with an alert in the last {@code followUpWindow}, or whose last case ended with
 * {@code declined_aid} within it, is due again after {@code followUp} at the latest: the return visit a relief worker
 * promises. Sweeps of what is due are launched at the slots of the night windows. In extreme weather (the alert
 * policy's cold-wave threshold) every site is due at once, intervals are multiplied by {@code coldWaveFactor}, and
 * what is due is launched every {@code coldWaveEvery}, window or not.
 *
 * @param enabled false: nothing is launched by itself ({@code GET /schedule} still shows what is due)
 */
public record PatrolPolicy(boolean enabled, Map<Integer, Duration> byPriority, Map<String, Duration> byCategory,
                           Duration followUp, Duration followUpWindow, List<NightWindow> windows, ZoneId zone,
                           double coldWaveFactor, Duration coldWaveEvery) {

    public PatrolPolicy {
        byPriority = new TreeMap<>(byPriority);
        for (int p = 1; p <= 5; p++) {
            positive(byPriority.get(p), "revisit_by_priority." + p);
        }
        byCategory = Map.copyOf(byCategory);
        byCategory.forEach((category, interval) -> positive(interval, "revisit_by_category." + category));
        positive(followUp, "follow_up_min");
        positive(followUpWindow, "follow_up_window_h");
        windows = List.copyOf(windows);
        Objects.requireNonNull(zone, "time_zone");
        if (!(coldWaveFactor > 0 && coldWaveFactor <= 1)) {
            throw new IllegalArgumentException("cold_wave_factor must be within (0, 1], was " + coldWaveFactor);
        }
        positive(coldWaveEvery, "cold_wave_every_min");
    }

    /**
     * Two hours for the most exposed places down to six for the least, a return visit within the hour where someone
     * was seen in the last 12 hours or declined help, sweeps every two hours from 20:00 to 06:00, and in a cold wave
     * every interval halved and a sweep every hour.
     */
    public static PatrolPolicy defaults() {
        return new PatrolPolicy(true,
                Map.of(5, Duration.ofHours(2), 4, Duration.ofHours(3), 3, Duration.ofHours(4), 2, Duration.ofHours(5),
                        1, Duration.ofHours(6)),
                Map.of(), Duration.ofMinutes(60), Duration.ofHours(12),
                List.of(new NightWindow(LocalTime.of(20, 0), LocalTime.of(6, 0), Duration.ofHours(2))),
                ZoneId.systemDefault(), 0.5, Duration.ofHours(1));
    }

    public PatrolPolicy withEnabled(boolean on) {
        return new PatrolPolicy(on, byPriority, byCategory, followUp, followUpWindow, windows, zone, coldWaveFactor,
                coldWaveEvery);
    }

    public PatrolPolicy withZone(ZoneId newZone) {
        return new PatrolPolicy(enabled, byPriority, byCategory, followUp, followUpWindow, windows, newZone,
                coldWaveFactor, coldWaveEvery);
    }

    /** How long after its last sweep {@code site} is due, in normal weather. */
    public Duration revisit(Site site) {
        Duration byCat = byCategory.get(site.category().wireName());
        return byCat != null ? byCat : byPriority.get(site.priority());
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
