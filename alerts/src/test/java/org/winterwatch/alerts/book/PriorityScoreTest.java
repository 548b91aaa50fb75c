package org.winterwatch.alerts.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PriorityScoreTest {

    @Test
    void reasonsShowTemperaturesAndConfidencesRoundedHalfUpLikeAPrintedFigure() {
        assertThat(PriorityScore.fixed(-18, 10)).isEqualTo("-18.0");
        assertThat(PriorityScore.fixed(-0.04, 10)).isEqualTo("0.0");
        assertThat(PriorityScore.fixed(0.905, 100)).isEqualTo("0.91");
        assertThat(PriorityScore.fixed(1, 100)).isEqualTo("1.00");
        assertThat(PriorityScore.fixed(0.07, 100)).isEqualTo("0.07");
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double t = Math.round((random.nextDouble() * 80 - 50) * 1000) / 1000.0;
            String expected = BigDecimal.valueOf(Math.abs(t)).setScale(1, RoundingMode.HALF_UP).toPlainString();
            expected = (t < 0 && !expected.equals("0.0") ? "-" : "") + expected;
            assertThat(PriorityScore.fixed(t, 10)).as("%s", t).isEqualTo(expected);
        }
    }
}
