package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The figures as a spreadsheet opens them: one figure per row, nothing split or run as a formula. */
class StatsCsvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFigureIsOneRowUnderItsSectionWithThePathBelowItAsKey() throws Exception {
        String csv = StatsCsv.of(JSON.readTree("""
                {"alerts": 3, "coldWave": true, "alertsByState": {"open": 2, "resolved": 1},
                 "timeToHelpLast24h": {"byTeam": {"team-centre": {"toAcknowledgement": {"count": 1, "medianS": 95.0}}},
                                       "peopleHelped": {"on_site_aid": 1}},
                 "fleet": null}
                """));

        assertThat(csv.split("\r\n")).containsExactly(
                "section,key,value",
                "summary,alerts,3",
                "summary,coldWave,true",
                "alertsByState,open,2",
                "alertsByState,resolved,1",
                "timeToHelpLast24h,byTeam.team-centre.toAcknowledgement.count,1",
                "timeToHelpLast24h,byTeam.team-centre.toAcknowledgement.medianS,95.0",
                "timeToHelpLast24h,peopleHelped.on_site_aid,1",
                "summary,fleet,");
    }

    @Test
    void aCellWithACommaOrQuoteIsQuotedAndAFormulaIsNotRun() {
        assertThat(StatsCsv.cell("team, north")).isEqualTo("\"team, north\"");
        assertThat(StatsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(StatsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(StatsCsv.cell("-18.5")).as("a negative number stays a number").isEqualTo("-18.5");
    }
}
