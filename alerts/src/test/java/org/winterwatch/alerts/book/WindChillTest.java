package org.winterwatch.alerts.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wind chill index against Environment Canada's published table (rounded to whole degrees). */
class WindChillTest {

    @ParameterizedTest(name = "{0} C with wind {1} km/h feels like {2} C")
    @CsvSource({
            "0, 10, -3",
            "-10, 20, -18",
            "-20, 30, -33",
            "-30, 50, -49",
            "-15, 5, -19",
    })
    void matchesThePublishedTable(double tempC, double windKmh, double published) {
        assertThat(WindChill.feltC(tempC, windKmh / 3.6)).isCloseTo(published, within(0.5));
    }

    @ParameterizedTest(name = "{0} C with wind {1} m/s is outside the index: the air temperature")
    @CsvSource({"-18, 0", "-18, 1.3", "12, 10"})
    void outsideItsRangeIsTheAirTemperature(double tempC, double windMps) {
        assertThat(WindChill.feltC(tempC, windMps)).isEqualTo(tempC);
    }
}
