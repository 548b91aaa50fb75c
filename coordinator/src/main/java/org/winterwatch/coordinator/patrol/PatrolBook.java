package org.winterwatch.coordinator.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.winterwatch.geo.site.Site;

/**
 * The patrol schedule: which sites are due when, and when a sweep of them is launched ({@link PatrolPolicy}). Pure:
 * time, facts and weather are passed in; it remembers only the cold wave's onset and its own launches. Safe to
 * share between the scheduler's thread and readers of the schedule.
 */
public final class PatrolBook {

    /** What to do now. */
    public sealed interface Decision {
    }

    /**
     * Launch a sweep of these sites.
     *
     * @param slot the night-window slot it fills, or null for an extreme-weather launch
     */
    public record Launch(List<String> siteIds, String reason, Instant slot) implements Decision {
        public Launch {
            siteIds = List.copyOf(siteIds);
        }
    }

    /** Nothing to launch now. */
    public record Hold(String reason) implements Decision {
    }

    private final PatrolPolicy policy;
    private final List<Site> sites;
    private Instant coldWaveSince;
    private Instant lastLaunchAt;
    private Instant lastSlotLaunched;

    /** @param sites the patrol sites (no-fly zones are left out here) */
    public PatrolBook(PatrolPolicy policy, List<Site> sites) {
        this.policy = policy;
        this.sites = sites.stream().filter(s -> !s.isNoFlyZone()).toList();
    }

    public PatrolPolicy policy() {
        return policy;
    }

    /**
     * Takes the weather in; returns true when an extreme-weather spell starts now (every site becomes due at once).
     */
    public synchronized boolean observeWeather(boolean coldWave, Instant now) {
        if (coldWave && coldWaveSince == null) {
            coldWaveSince = now;
            return true;
        }
        if (!coldWave) {
            coldWaveSince = null;
        }
        return false;
    }

    public synchronized boolean coldWave() {
        return coldWaveSince != null;
    }

    /** Every patrol site with when it is due, soonest first. */
    public synchronized List<SiteDue> due(Instant now, PatrolFacts facts) {
        List<SiteDue> out = new ArrayList<>();
        for (Site site : sites) {
            out.add(dueOf(site, now, facts));
        }
        out.sort(Comparator.comparing(SiteDue::dueAt).thenComparing(d -> -d.priority()).thenComparing(SiteDue::siteId));
        return out;
    }

    private SiteDue dueOf(Site site, Instant now, PatrolFacts facts) {
        Duration interval = policy.revisit(site);
        String reason = "revisit every " + minutes(interval);
        Instant alert = facts.lastAlert().get(site.id());
        Instant declined = facts.lastDeclined().get(site.id());
        Instant windowStart = now.minus(policy.followUpWindow());
        if (declined != null && declined.isAfter(windowStart) && policy.followUp().compareTo(interval) < 0) {
            interval = policy.followUp();
            reason = "follow-up: help declined here at " + declined + ", back within " + minutes(interval);
        } else if (alert != null && alert.isAfter(windowStart) && policy.followUp().compareTo(interval) < 0) {
            interval = policy.followUp();
            reason = "follow-up: alert here at " + alert + ", back within " + minutes(interval);
        }
        if (coldWaveSince != null) {
            interval = Duration.ofMillis(Math.max(60_000, Math.round(interval.toMillis() * policy.coldWaveFactor())));
            reason = "extreme weather: " + reason + ", shortened to " + minutes(interval);
        }
        Instant last = facts.lastSwept().get(site.id());
        Instant dueAt;
        if (last == null) {
            dueAt = coldWaveSince != null ? coldWaveSince : now;
            reason = "never swept";
        } else {
            dueAt = last.plus(interval);
            if (coldWaveSince != null && last.isBefore(coldWaveSince) && coldWaveSince.isBefore(dueAt)) {
                dueAt = coldWaveSince;
                reason = "extreme weather since " + coldWaveSince + ": every site due at once";
            }
        }
        return new SiteDue(site.id(), site.name(), site.category().wireName(), site.priority(), last, interval, dueAt, reason);
    }

    /** Whether to launch a sweep now, and of what. */
    public synchronized Decision decide(Instant now, PatrolFacts facts) {
        if (!policy.enabled()) {
            return new Hold("patrol scheduling is off (config patrol.enabled)");
        }
        List<SiteDue> due = due(now, facts);
        List<String> dueNow = due.stream().filter(d -> d.dueBy(now)).map(SiteDue::siteId).toList();
        if (dueNow.isEmpty()) {
            return new Hold(due.isEmpty() ? "no patrol sites" : "nothing due until " + due.get(0).dueAt());
        }
        if (coldWaveSince != null) {
            boolean onsetPending = lastLaunchAt == null || lastLaunchAt.isBefore(coldWaveSince);
            if (onsetPending || !lastLaunchAt.plus(policy.coldWaveEvery()).isAfter(now)) {
                return new Launch(dueNow, "extreme weather" + (onsetPending ? " began at " + coldWaveSince : "")
                        + ": " + dueNow.size() + " sites due", null);
            }
            return new Hold("extreme weather: next sweep at " + lastLaunchAt.plus(policy.coldWaveEvery()));
        }
        Optional<Instant> slot = currentSlot(now);
        if (slot.isPresent() && (lastSlotLaunched == null || slot.get().isAfter(lastSlotLaunched))) {
            return new Launch(dueNow, "night patrol slot " + slot.get() + ": " + dueNow.size() + " sites due", slot.get());
        }
        return new Hold(slot.isPresent() ? "this slot's sweep is launched; next slot at " + nextLaunchAt(now).orElse(null)
                : "outside the night windows; next slot at " + nextLaunchAt(now).orElse(null));
    }

    /** Records a sweep launched at {@code at} for {@code decision}. */
    public synchronized void launched(Launch decision, Instant at) {
        lastLaunchAt = at;
        if (decision.slot() != null) {
            lastSlotLaunched = decision.slot();
        }
    }

    /** When the next launch may happen (the next window slot, or in extreme weather the next hourly one). */
    public synchronized Optional<Instant> nextLaunchAt(Instant now) {
        if (coldWaveSince != null) {
            return Optional.of(lastLaunchAt == null || lastLaunchAt.isBefore(coldWaveSince) ? now
                    : lastLaunchAt.plus(policy.coldWaveEvery()));
        }
        return policy.windows().stream().map(w -> w.nextSlotAfter(now, policy.zone())).min(Comparator.naturalOrder());
    }

    private Optional<Instant> currentSlot(Instant now) {
        return policy.windows().stream().map(w -> w.slotAtOrBefore(now, policy.zone())).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    private static String minutes(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
