package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.winterwatch.alerts.book.Weather;

/** What a PUT /api/v1/weather body sets, and the field a bad one is refused for. */
class WeatherRoutesTest {

    private static Weather.Conditions parse(String body) {
        return WeatherRoutes.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void takesTheTemperatureAndTheWind() {
        assertThat(parse("{\"ambientTempC\":-18,\"windMps\":5.5}")).isEqualTo(new Weather.Conditions(-18, 5.5));
    }

    @Test
    void withoutWindTheAirIsCalm() {
        assertThat(parse("{\"ambientTempC\":-18}")).isEqualTo(Weather.Conditions.calm(-18));
        assertThat(parse("{\"ambientTempC\":-18,\"windMps\":null}")).isEqualTo(Weather.Conditions.calm(-18));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"windMps\":3}|ambientTempC",
            "{\"ambientTempC\":\"cold\"}|ambientTempC",
            "{\"ambientTempC\":-90}|ambientTempC",
            "{\"ambientTempC\":-18,\"windMps\":-2}|windMps",
            "{\"ambientTempC\":-18,\"windMps\":\"gale\"}|windMps",
            "{\"ambientTempC\":-18,\"windMps\":90}|windMps",
            "not json|body"})
    void aBadBodyIsRefusedNamingTheField(String body, String field) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
    }
}
