package org.winterwatch.simulator.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.winterwatch.geo.LatLon;
import org.winterwatch.simulator.PersonNeeds;
import org.winterwatch.simulator.SimPerson;

/** What a crew finds on site decides the outcome it records. */
class OutcomeChooserTest {

    private static final LatLon PLACE = new LatLon(40.0905, 113.3392);
    private static final LatLon FAR = new LatLon(40.1005, 113.3392);

    private static SimPerson person(LatLon where, double arriveS, double departS, boolean minor, double outBeforeMin,
                                    PersonNeeds.Accepts accepts) {
        return new SimPerson("p-1", where, 30, null, arriveS, departS, 0, List.of(), 0,
                new PersonNeeds(minor, outBeforeMin, accepts));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "nobody was ever there,                      FAR,   0, 100000, false,   0, AID,     -18, 600,  false_alarm",
            "the person left before the crew came,       PLACE, 0,    300, false,   0, AID,     -18, 600,  not_found",
            "a minor on their own,                       PLACE, 0, 100000, true,    0, AID,     -18, 600,  protective_custody",
            "out 4 hours at -18 C,                       PLACE, 0, 100000, false, 240, AID,     -18, 600,  hospital",
            "out 4 hours at +2 C is not a hospital case, PLACE, 0, 100000, false, 240, AID,       2, 600,  on_site_aid",
            "just arrived and wants aid,                 PLACE, 0, 100000, false,   0, AID,     -18, 600,  on_site_aid",
            "wants to come to the centre,                PLACE, 0, 100000, false,   0, CENTRE,  -18, 600,  escorted_to_centre",
            "declines everything,                        PLACE, 0, 100000, false,   0, NOTHING, -18, 600,  declined_aid",
    })
    void theOutcomeFitsWhoIsThere(String situation, String where, double arriveS, double departS, boolean minor,
                                  double outBeforeMin, PersonNeeds.Accepts accepts, double ambientC, double arrivalS,
                                  String expected) {
        SimPerson p = person(where.equals("FAR") ? FAR : PLACE, arriveS, departS, minor, outBeforeMin, accepts);
        Finding finding = new OutcomeChooser(List.of(p), ambientC, 42).find(PLACE, arrivalS, new Random(1));
        assertThat(finding.outcome()).as(situation).isEqualTo(expected);
    }

    @Test
    void aidItemsFollowTheCold() {
        assertThat(new OutcomeChooser(List.of(), 2, 42).aidItems()).containsExactly("hot_drink", "food", "help_card");
        assertThat(new OutcomeChooser(List.of(), -6, 42).aidItems()).contains("blanket").doesNotContain("coat");
        assertThat(new OutcomeChooser(List.of(), -18, 42).aidItems()).contains("blanket", "coat");
    }

    @Test
    void whenTheScenarioLeavesItToTheDiceTheSamePersonAndSeedAlwaysAnswerTheSame() {
        SimPerson p = person(PLACE, 0, Double.POSITIVE_INFINITY, false, 0, null);
        OutcomeChooser chooser = new OutcomeChooser(List.of(p), -18, 7);
        PersonNeeds.Accepts first = chooser.accepts(p);
        for (int i = 0; i < 5; i++) {
            assertThat(new OutcomeChooser(List.of(p), -18, 7).accepts(p)).isEqualTo(first);
        }
        long declines = java.util.stream.IntStream.range(0, 400)
                .mapToObj(seed -> new OutcomeChooser(List.of(p), -18, seed).accepts(p))
                .filter(a -> a == PersonNeeds.Accepts.NOTHING).count();
        assertThat(declines).as("about one in five declines").isBetween(50L, 110L);
    }
}
