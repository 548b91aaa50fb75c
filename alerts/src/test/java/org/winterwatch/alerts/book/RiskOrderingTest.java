package org.winterwatch.alerts.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.winterwatch.geo.site.SiteCategory;

/** The risk orders situations as a control room would: a table of pairs, the first ranking below the second. */
class RiskOrderingTest {

    /** One situation: a place, the weather, how sure and how often and how long, and what a tip said. */
    record Situation(String name, SiteCategory category, double tempC, double windMps, double confidence,
                     int sightings, int minutes, List<String> flags) {

        static Situation at(String name, SiteCategory category, double tempC) {
            return new Situation(name, category, tempC, 0, 0.9, 1, 0, List.of());
        }

        Situation wind(double mps) {
            return new Situation(name + ", wind " + mps + " m/s", category, tempC, mps, confidence, sightings, minutes, flags);
        }

        Situation seen(int times, int forMinutes) {
            return new Situation(name + ", seen " + times + "x over " + forMinutes + " min", category, tempC, windMps,
                    confidence, times, forMinutes, flags);
        }

        Situation sure(double c) {
            return new Situation(name + ", confidence " + c, category, tempC, windMps, c, sightings, minutes, flags);
        }

        Situation tip(String flag) {
            return new Situation(name + ", tip: " + flag, category, tempC, windMps, 0.6, sightings, minutes, List.of(flag));
        }

        PriorityScore.Scored scored() {
            return PriorityScore.score(new PriorityScore.Inputs(confidence, category, tempC, windMps, tempC <= -15,
                    sightings, 1, Duration.ofMinutes(minutes), false, flags));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Situation ATM_MINUS_5_ONE_MOTION = Situation.at("ATM lobby at -5 C, one motion reading", SiteCategory.ATM_LOBBY, -5)
            .sure(0.8 * 0.6);
    static final Situation BRIDGE_MINUS_18_40_MIN = Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18).seen(8, 40);

    static Stream<Arguments> lowerThenHigher() {
        return Stream.of(
                Arguments.of(ATM_MINUS_5_ONE_MOTION, BRIDGE_MINUS_18_40_MIN),
                Arguments.of(BRIDGE_MINUS_18_40_MIN, Situation.at("a station at -5 C", SiteCategory.STATION, -5).tip("child")),
                Arguments.of(BRIDGE_MINUS_18_40_MIN.wind(12).seen(20, 180).sure(1),
                        Situation.at("an ATM lobby at +5 C", SiteCategory.ATM_LOBBY, 5).sure(0.1).tip("child")),
                Arguments.of(BRIDGE_MINUS_18_40_MIN.wind(12).seen(20, 180).sure(1),
                        Situation.at("nowhere known at +5 C", null, 5).sure(0.1).tip("injury")),
                Arguments.of(Situation.at("station at -18 C", SiteCategory.STATION, -18),
                        Situation.at("culvert at -18 C", SiteCategory.CULVERT, -18)),
                Arguments.of(Situation.at("ATM lobby at -18 C", SiteCategory.ATM_LOBBY, -18),
                        Situation.at("underpass at -18 C", SiteCategory.UNDERPASS, -18)),
                Arguments.of(Situation.at("ATM lobby at -18 C", SiteCategory.ATM_LOBBY, -18),
                        Situation.at("station at -18 C", SiteCategory.STATION, -18)),
                Arguments.of(Situation.at("abandoned building at -18 C", SiteCategory.ABANDONED_BUILDING, -18),
                        Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18)),
                Arguments.of(Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18),
                        Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18).wind(6)),
                Arguments.of(Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18),
                        Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18).seen(5, 0)),
                Arguments.of(Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18).seen(3, 10),
                        Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18).seen(3, 45)),
                Arguments.of(Situation.at("bridge deck at -5 C", SiteCategory.BRIDGE, -5),
                        Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18)),
                Arguments.of(Situation.at("culvert at -18 C", SiteCategory.CULVERT, -18).sure(0.4),
                        Situation.at("culvert at -18 C", SiteCategory.CULVERT, -18).sure(0.95)),
                Arguments.of(Situation.at("underpass at -10 C", SiteCategory.UNDERPASS, -10),
                        Situation.at("underpass at -10 C", SiteCategory.UNDERPASS, -10).tip("elderly").sure(0.9)));
    }

    @ParameterizedTest(name = "{0} ranks below {1}")
    @MethodSource("lowerThenHigher")
    void ranksBelow(Situation lower, Situation higher) {
        PriorityScore.Scored low = lower.scored();
        PriorityScore.Scored high = higher.scored();

        assertThat(low.risk()).as("%s (%s) vs %s (%s)", lower, low.risk(), higher, high.risk()).isLessThan(high.risk());
        assertThat(low.priority()).isGreaterThanOrEqualTo(high.priority());
    }

    @Test
    void windRaisesAnExposedSiteMoreThanAShelteredOne() {
        Situation bridge = Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18);
        Situation lobby = Situation.at("ATM lobby at -18 C", SiteCategory.ATM_LOBBY, -18);
        Situation station = Situation.at("station at -18 C", SiteCategory.STATION, -18);

        double bridgeRise = bridge.wind(8).scored().risk() - bridge.scored().risk();
        double stationRise = station.wind(8).scored().risk() - station.scored().risk();
        double lobbyRise = lobby.wind(8).scored().risk() - lobby.scored().risk();

        assertThat(bridgeRise).isGreaterThan(stationRise).isGreaterThan(0);
        assertThat(stationRise).isGreaterThanOrEqualTo(lobbyRise);
        assertThat(lobbyRise).as("a closed lobby keeps the wind out").isZero();
    }

    @Test
    void aTipNamingAChildOrAnInjuryIsCriticalWhateverElse() {
        for (String flag : List.of("child", "injury")) {
            PriorityScore.Scored s = Situation.at("ATM lobby at +8 C", SiteCategory.ATM_LOBBY, 8).sure(0).tip(flag).scored();

            assertThat(s.priority()).isEqualTo(Priority.CRITICAL);
            assertThat(s.risk()).isGreaterThanOrEqualTo(PriorityScore.FLAGGED_FLOOR);
        }
    }

    @Test
    void riskStaysWithinZeroAndOneAtTheExtremes() {
        List<Situation> extremes = List.of(
                Situation.at("culvert at -60 C", SiteCategory.CULVERT, -60).wind(60).seen(10_000, 100_000).sure(1).tip("elderly"),
                Situation.at("culvert at -60 C", SiteCategory.CULVERT, -60).wind(60).seen(10_000, 100_000).sure(1).tip("child"),
                Situation.at("ATM lobby at +60 C", SiteCategory.ATM_LOBBY, 60).sure(0),
                Situation.at("nowhere at +60 C", null, 60).sure(0));

        for (Situation s : extremes) {
            assertThat(s.scored().risk()).as(s.name()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void theReasonsSayWhatThePlaceFeelsLike() {
        PriorityScore.Scored s = Situation.at("bridge deck at -18 C", SiteCategory.BRIDGE, -18).wind(5).scored();

        assertThat(s.reasons()).contains("bridge exposure high", "ambient -18.0 C",
                "feels like -27.5 C here (wind 5.0 m/s)", "extreme-weather plan active");
    }
}
