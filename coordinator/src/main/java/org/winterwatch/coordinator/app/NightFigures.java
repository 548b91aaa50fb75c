package org.winterwatch.coordinator.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.missions.sweep.SweepFigures;
import org.winterwatch.missions.sweep.SweepRepository;

/**
 * What a relief centre reports night by night: alerts raised, people helped, sorties flown and flight hours. A night
 * runs from noon to noon in the patrol time zone and is named by the date of its evening, so that 02:00 counts with
 * the evening before.
 */
final class NightFigures {

    static final int NIGHTS = 7;
    private static final LocalTime NOON = LocalTime.NOON;

    private NightFigures() {
    }

    /** The first instant of the earliest of the last {@code NIGHTS} nights up to {@code now}. */
    static Instant since(Instant now, ZoneId zone) {
        return start(night(now, zone).minusDays(NIGHTS - 1L), zone);
    }

    /**
     * The nights, oldest first, keyed by the evening's date.
     *
     * @param alerts the alerts changed since {@link #since}; each counts in the night it was first seen
     */
    static ObjectNode of(List<Alert> alerts, SweepRepository sweeps, Instant now, ZoneId zone) throws SQLException {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        LocalDate last = night(now, zone);
        for (LocalDate night = last.minusDays(NIGHTS - 1L); !night.isAfter(last); night = night.plusDays(1)) {
            LocalDate evening = night;
            List<Alert> raised = alerts.stream().filter(a -> night(a.firstSeen(), zone).equals(evening)).toList();
            SweepFigures flown = sweeps.figures(start(night, zone), start(night.plusDays(1), zone));
            ObjectNode n = out.putObject(night.toString());
            n.put("alerts", raised.size());
            n.put("peopleHelped", raised.stream().filter(a -> a.outcome() != null && a.outcome().personFound()).count());
            n.put("sortiesFlown", flown.sortiesFlown());
            n.put("flightHours", Math.round(flown.flightSeconds() / 36.0) / 100.0);
        }
        return out;
    }

    private static LocalDate night(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return local.toLocalTime().isBefore(NOON) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    private static Instant start(LocalDate night, ZoneId zone) {
        return night.atTime(NOON).atZone(zone).toInstant();
    }
}
