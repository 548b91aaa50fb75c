package org.winterwatch.alerts.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertState;
import org.winterwatch.alerts.book.Outcome;

/**
 * How fast people were reached, as a relief centre reports a night: from the first detection to the team's
 * acknowledgement, to the team on site ({@code arrive}) and to the resolution, as median and 90th percentile, for
 * all teams and per team (the team the alert ended with); people helped by outcome; alerts escalated. Pure: the
 * alerts and the window are passed in.
 */
public final class TimeToHelp {

    /** One measure over a set of alerts: how many had it, and its median and 90th percentile in seconds. */
    public record Measure(int count, Double medianS, Double p90S) {

        static Measure of(List<Double> seconds) {
            if (seconds.isEmpty()) {
                return new Measure(0, null, null);
            }
            List<Double> sorted = new ArrayList<>(seconds);
            sorted.sort(Double::compare);
            return new Measure(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
        }

        /** Nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
        private static double percentile(List<Double> sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    /** The three times to help of a set of alerts. */
    public record Times(Measure acknowledged, Measure onSite, Measure resolved) {
    }

    /**
     * @param alerts  alerts first seen in the window
     * @param byTeam  the same, per team, in team id order
     * @param peopleHelped resolved alerts whose outcome found a person, by outcome
     * @param escalated alerts that escalated at least once
     */
    public record Figures(Instant from, Instant to, int alerts, Times all, Map<String, Times> byTeam,
                          Map<String, Long> peopleHelped, long escalated) {
    }

    private TimeToHelp() {
    }

    /** The figures of the alerts first seen within {@code [from, to)}, each in its latest version. */
    public static Figures of(List<Alert> latest, Instant from, Instant to) {
        List<Alert> inWindow = latest.stream()
                .filter(a -> !a.firstSeen().isBefore(from) && a.firstSeen().isBefore(to)).toList();
        Map<String, List<Alert>> perTeam = new TreeMap<>();
        inWindow.forEach(a -> perTeam.computeIfAbsent(a.teamId(), t -> new ArrayList<>()).add(a));
        Map<String, Times> byTeam = new TreeMap<>();
        perTeam.forEach((team, alerts) -> byTeam.put(team, times(alerts)));
        Map<String, Long> helped = new TreeMap<>();
        for (Alert a : inWindow) {
            if (a.state() == AlertState.RESOLVED && a.outcome() != null && a.outcome().personFound()) {
                helped.merge(a.outcome().wireName(), 1L, Long::sum);
            }
        }
        long escalated = inWindow.stream().filter(a -> a.escalations() > 0).count();
        return new Figures(from, to, inWindow.size(), times(inWindow), byTeam, helped, escalated);
    }

    private static Times times(List<Alert> alerts) {
        return new Times(measure(alerts, Alert::acknowledgedAt), measure(alerts, Alert::onSiteAt),
                measure(alerts, a -> a.state() == AlertState.RESOLVED && a.outcome() != Outcome.FALSE_ALARM
                        ? a.updatedAt() : null));
    }

    private static Measure measure(List<Alert> alerts, Function<Alert, Instant> at) {
        List<Double> seconds = new ArrayList<>();
        for (Alert a : alerts) {
            Instant t = at.apply(a);
            if (t != null && !t.isBefore(a.firstSeen())) {
                seconds.add(Duration.between(a.firstSeen(), t).toMillis() / 1000.0);
            }
        }
        return Measure.of(seconds);
    }
}
