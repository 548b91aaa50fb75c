package org.winterwatch.alerts.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.Priority;

/** An alert's JSON carries its risk, and versions stored before there was one still read. */
class AlertJsonTest {

    private static final Instant T0 = Instant.parse("2026-01-05T03:12:00Z");

    private static Alert alert(double risk) {
        return new Alert.Builder().alertId("a-1").risk(risk).lat(40.09).lon(113.34).detectionIds(List.of("d-1"))
                .sources(List.of("drone-1")).firstSeen(T0).lastSeen(T0).teamId("team-centre").updatedAt(T0).build();
    }

    @Test
    void theRiskIsWrittenWithThreeDecimalsNextToThePriorityDerivedFromIt() {
        String json = AlertJson.write(alert(0.634_51));

        assertThat(json).contains("\"priority\":\"critical\",\"risk\":0.635");
        assertThat(AlertJson.read(json).risk()).isEqualTo(0.635);
    }

    @Test
    void aVersionStoredWithoutRiskReadsAsTheLowestRiskOfItsPriority() {
        String stored = AlertJson.write(alert(0.5)).replace(",\"risk\":0.5", "");

        Alert read = AlertJson.read(stored);

        assertThat(read.priority()).isEqualTo(Priority.HIGH);
        assertThat(read.risk()).isEqualTo(Priority.HIGH.floor());
    }
}
