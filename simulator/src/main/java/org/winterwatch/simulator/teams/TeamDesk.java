package org.winterwatch.simulator.teams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.winterwatch.geo.LatLon;

/**
 * One simulated ground team's cases, in simulated seconds after the start (passed in; no clock of its own).
 *
 * <p>Alerts sent to the team wait until a crew is free and on shift. A free crew takes the riskiest waiting case,
 * reads it and acknowledges after a human delay, drives there at street speed and reports itself on site, stays as
 * long as the case needs and resolves it with what it found ({@link OutcomeChooser}); after a ride to the centre it
 * drives back to base first. A crew takes one case at a time; while every crew is busy, new alerts are not
 * acknowledged, and the coordinator escalates them as it would for a real team. A case that leaves the team (it
 * escalated or was handed over before the crew acknowledged it, or somebody else resolved it) is dropped.
 */
public final class TeamDesk {

    private enum Step { FREE, READING, DRIVING, ON_SITE, RETURNING }

    private static final class Crew {
        final String name;
        Step step = Step.FREE;
        LatLon at;
        String alertId;
        LatLon target;
        double nextS;
        Finding finding;

        Crew(String name, LatLon at) {
            this.name = name;
            this.at = at;
        }
    }

    private record Waiting(AlertNotice notice, double receivedS) {
    }

    private final TeamSpec spec;
    private final OutcomeChooser chooser;
    private final Random dice;
    private final List<Crew> crews = new ArrayList<>();
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    public TeamDesk(TeamSpec spec, OutcomeChooser chooser, long seed) {
        this.spec = spec;
        this.chooser = chooser;
        this.dice = new Random(seed * 7919 + spec.id().hashCode());
        for (int i = 1; i <= spec.vehicles(); i++) {
            crews.add(new Crew(spec.id() + "/crew-" + i, spec.base()));
        }
    }

    public TeamSpec spec() {
        return spec;
    }

    /** An alert arrived on the team's topic at {@code nowS}. Older versions than one already seen change nothing. */
    public synchronized void receive(AlertNotice notice, double nowS) {
        Long seen = versions.get(notice.alertId());
        if (seen != null && notice.version() < seen) {
            return;
        }
        versions.put(notice.alertId(), notice.version());
        Optional<Crew> holder = crews.stream().filter(c -> notice.alertId().equals(c.alertId)).findFirst();
        if (holder.isPresent()) {
            Crew crew = holder.get();
            boolean stillOurs = notice.isFor(spec.id())
                    && (crew.step != Step.READING || !"acknowledged".equals(notice.state()));
            if (!stillOurs) {
                free(crew);
            }
            return;
        }
        boolean waitsForUs = notice.isFor(spec.id()) && !"acknowledged".equals(notice.state());
        if (waitsForUs) {
            Waiting before = waiting.get(notice.alertId());
            waiting.put(notice.alertId(), new Waiting(notice, before == null ? nowS : before.receivedS()));
        } else {
            waiting.remove(notice.alertId());
        }
    }

    /** Moves the team's crews on to {@code nowS}; returns what their phones send, in time order. */
    public synchronized List<CrewAction> advance(double nowS) {
        List<CrewAction> sent = new ArrayList<>();
        assignFreeCrews(nowS, nowS);
        while (true) {
            Optional<Crew> next = crews.stream().filter(c -> c.step != Step.FREE && c.nextS <= nowS)
                    .min(Comparator.comparingDouble(c -> c.nextS));
            if (next.isEmpty()) {
                break;
            }
            Crew crew = next.get();
            double atS = crew.nextS;
            fire(crew, atS, sent);
            assignFreeCrews(atS, nowS);
        }
        return sent;
    }

    /** Cases waiting for a free crew. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** Crews out on a case. */
    public synchronized int busyCrews() {
        return (int) crews.stream().filter(c -> c.step != Step.FREE).count();
    }

    private void assignFreeCrews(double atS, double nowS) {
        for (Crew crew : crews) {
            if (crew.step != Step.FREE || waiting.isEmpty()) {
                continue;
            }
            Waiting top = waiting.values().stream()
                    .sorted(Comparator.comparingDouble((Waiting w) -> -w.notice().risk()).thenComparingDouble(Waiting::receivedS))
                    .findFirst().orElseThrow();
            double fromS = Math.max(atS, top.receivedS());
            if (fromS > nowS || !spec.onShiftAt(fromS)) {
                continue;
            }
            waiting.remove(top.notice().alertId());
            crew.alertId = top.notice().alertId();
            crew.target = top.notice().where();
            crew.step = Step.READING;
            crew.nextS = fromS + spec.ackMinS() + dice.nextDouble() * (spec.ackMaxS() - spec.ackMinS());
        }
    }

    private void fire(Crew crew, double atS, List<CrewAction> sent) {
        switch (crew.step) {
            case READING -> {
                sent.add(CrewAction.of(spec.id(), crew.alertId, "ack", crew.name, atS));
                crew.step = Step.DRIVING;
                crew.nextS = atS + spec.driveS(crew.at, crew.target);
            }
            case DRIVING -> {
                sent.add(CrewAction.of(spec.id(), crew.alertId, "arrive", crew.name, atS));
                crew.at = crew.target;
                crew.finding = chooser.find(crew.target, atS, dice);
                crew.step = Step.ON_SITE;
                crew.nextS = atS + crew.finding.onSiteS();
            }
            case ON_SITE -> {
                Finding f = crew.finding;
                sent.add(new CrewAction(spec.id(), crew.alertId, "resolve", crew.name, f.outcome(), f.items(), f.note(), atS));
                if (f.drivesToCentre()) {
                    crew.step = Step.RETURNING;
                    crew.alertId = null;
                    crew.nextS = atS + spec.driveS(crew.at, spec.base());
                    crew.at = spec.base();
                } else {
                    free(crew);
                }
            }
            case RETURNING -> free(crew);
            case FREE -> throw new IllegalStateException("a free crew has nothing to do");
        }
    }

    private static void free(Crew crew) {
        crew.step = Step.FREE;
        crew.alertId = null;
        crew.target = null;
        crew.finding = null;
        crew.nextS = 0;
    }
}
