package org.winterwatch.simulator.teams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.PersonNeeds;
import org.winterwatch.simulator.SimPerson;

/**
 * Decides what a crew finds when it reaches an alert's place, from the scenario's people: nobody ever there is a
 * false alarm; somebody who has left is not found; a minor goes into protective custody; a person who has been out
 * long in the cold goes to hospital; otherwise what the person accepts (aid on site, a ride to the centre, or
 * nothing). Pure: the same people, place, time and seed give the same finding.
 *
 * <p>"Out long in the cold" is a cold dose of {@value #HOSPITAL_DOSE_DEGREE_HOURS} degree-hours below
 * +{@value #DOSE_BASE_C} °C (3.6 h at −18 °C, 5 h at −10 °C, 10 h at 0 °C): a simulator's rule of thumb in the
 * spirit of the outreach guidance that someone out for hours in sub-zero air needs a medical check, not advice.
 */
public final class OutcomeChooser {

    /** A person this close to the alert's place is the one it is about. */
    static final double FOUND_RADIUS_M = 60;
    static final double DOSE_BASE_C = 10;
    static final double HOSPITAL_DOSE_DEGREE_HOURS = 100;
    /** When the scenario leaves it to the dice: half take aid on site, three in ten come to the centre, the rest decline. */
    static final double DICE_AID = 0.5;
    static final double DICE_CENTRE = 0.8;

    private final List<SimPerson> people;
    private final double ambientTempC;
    private final long seed;

    public OutcomeChooser(List<SimPerson> people, double ambientTempC, long seed) {
        this.people = List.copyOf(people);
        this.ambientTempC = ambientTempC;
        this.seed = seed;
    }

    /**
     * What the crew finds at {@code where} at {@code tS} (simulated seconds after the start); {@code crewDice} draws the
     * time it stays.
     */
    public Finding find(LatLon where, double tS, Random crewDice) {
        Optional<SimPerson> here = people.stream()
                .filter(p -> p.presentAt(tS) && p.positionAt(tS).distanceM(where) <= FOUND_RADIUS_M)
                .min(Comparator.comparingDouble(p -> p.positionAt(tS).distanceM(where)));
        if (here.isEmpty()) {
            boolean left = people.stream().anyMatch(p -> p.arriveAtS() <= tS && !p.presentAt(tS)
                    && p.positionAt(Math.min(tS, p.departAtS())).distanceM(where) <= FOUND_RADIUS_M);
            return left
                    ? new Finding("not_found", List.of(), "searched the place: the person had left", null, between(crewDice, 300, 480), false)
                    : new Finding("false_alarm", List.of(), "nobody there", null, between(crewDice, 180, 300), false);
        }
        SimPerson person = here.get();
        PersonNeeds needs = person.needs();
        if (needs.minor()) {
            return new Finding("protective_custody", List.of("blanket", "hot_drink"),
                    "a minor on their own: handed to youth services", person.id(), between(crewDice, 900, 1200), false);
        }
        double hoursOut = needs.outBeforeMin() / 60 + Math.max(0, tS - person.arriveAtS()) / 3600;
        if (hoursOut * Math.max(0, DOSE_BASE_C - ambientTempC) >= HOSPITAL_DOSE_DEGREE_HOURS) {
            return new Finding("hospital", List.of("blanket"), String.format(java.util.Locale.ROOT,
                    "out about %.1f h at %.0f °C: taken to hospital by ambulance", hoursOut, ambientTempC),
                    person.id(), between(crewDice, 900, 1500), false);
        }
        return switch (accepts(person)) {
            case AID -> new Finding("on_site_aid", aidItems(), null, person.id(), between(crewDice, 480, 900), false);
            case CENTRE -> new Finding("escorted_to_centre", List.of("blanket", "hot_drink"), null, person.id(),
                    between(crewDice, 300, 480), true);
            case NOTHING -> new Finding("declined_aid", List.of("help_card"), "declined help; promised a visit later",
                    person.id(), between(crewDice, 300, 600), false);
        };
    }

    /** What the person accepts: the scenario's word, else a draw that depends only on the seed and the person. */
    PersonNeeds.Accepts accepts(SimPerson person) {
        if (person.needs().accepts() != null) {
            return person.needs().accepts();
        }
        double roll = new SplittableRandom(seed * 31 + person.id().hashCode()).nextDouble();
        return roll < DICE_AID ? PersonNeeds.Accepts.AID
                : roll < DICE_CENTRE ? PersonNeeds.Accepts.CENTRE : PersonNeeds.Accepts.NOTHING;
    }

    /** A hot drink, food and a help card always; a blanket at −5 °C or colder, a coat at −10 °C or colder. */
    List<String> aidItems() {
        List<String> items = new ArrayList<>(List.of("hot_drink", "food"));
        if (ambientTempC <= -5) {
            items.add("blanket");
        }
        if (ambientTempC <= -10) {
            items.add("coat");
        }
        items.add("help_card");
        return items;
    }

    private static double between(Random dice, double minS, double maxS) {
        return minS + dice.nextDouble() * (maxS - minS);
    }
}
