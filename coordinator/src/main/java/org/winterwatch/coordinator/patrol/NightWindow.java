package org.winterwatch.coordinator.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A window of the night in which patrol sweeps are launched, every {@code every} from {@code from} (local time), the
 * last launch before {@code to}; {@code to} earlier than {@code from} means the next morning (20:00 to 06:00).
 */
public record NightWindow(LocalTime from, LocalTime to, Duration every) {

    public NightWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("from and to must differ, were both " + from);
        }
        if (every == null || every.compareTo(Duration.ofMinutes(10)) < 0 || every.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("every_min must be within 10..1440, was " + (every == null ? null : every.toMinutes()));
        }
    }

    /** The launch slot at or before {@code now} in a window that is open at {@code now}; empty outside the window. */
    public Optional<Instant> slotAtOrBefore(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        for (int daysBack = 0; daysBack <= 1; daysBack++) {
            LocalDate day = local.toLocalDate().minusDays(daysBack);
            ZonedDateTime start = day.atTime(from).atZone(zone);
            ZonedDateTime end = (to.isAfter(from) ? day : day.plusDays(1)).atTime(to).atZone(zone);
            if (!now.isBefore(start.toInstant()) && now.isBefore(end.toInstant())) {
                long slots = Duration.between(start.toInstant(), now).toMillis() / every.toMillis();
                return Optional.of(start.toInstant().plus(every.multipliedBy(slots)));
            }
        }
        return Optional.empty();
    }

    /** The next launch slot after {@code now}. */
    public Instant nextSlotAfter(Instant now, ZoneId zone) {
        Optional<Instant> current = slotAtOrBefore(now, zone);
        if (current.isPresent()) {
            Instant next = current.get().plus(every);
            if (slotAtOrBefore(next, zone).isPresent()) {
                return next;
            }
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime start = local.toLocalDate().atTime(from).atZone(zone);
        return (start.toInstant().isAfter(now) ? start : start.plusDays(1)).toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + to + " every " + every.toMinutes() + " min";
    }
}
