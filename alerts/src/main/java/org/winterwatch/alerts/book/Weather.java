package org.winterwatch.alerts.book;

import java.util.Objects;

/**
 * The weather the control room last set ({@code PUT /api/v1/weather}): the ambient temperature and the wind; read by
 * the alert logic.
 */
public final class Weather {

    /** Temperature and wind at one moment, validated: each out-of-range value is an error naming its field. */
    public record Conditions(double ambientTempC, double windMps) {
        public Conditions {
            if (!Double.isFinite(ambientTempC) || ambientTempC < -70 || ambientTempC > 60) {
                throw new IllegalArgumentException("ambientTempC must be within -70..60, was " + ambientTempC);
            }
            if (!Double.isFinite(windMps) || windMps < 0 || windMps > 60) {
                throw new IllegalArgumentException("windMps must be within 0..60 metres per second, was " + windMps);
            }
        }

        /** Still air at {@code ambientTempC}. */
        public static Conditions calm(double ambientTempC) {
            return new Conditions(ambientTempC, 0);
        }
    }

    private volatile Conditions conditions;

    public Weather(double ambientTempC) {
        this(Conditions.calm(ambientTempC));
    }

    public Weather(Conditions conditions) {
        set(conditions);
    }

    public Conditions conditions() {
        return conditions;
    }

    public double ambientTempC() {
        return conditions.ambientTempC();
    }

    public double windMps() {
        return conditions.windMps();
    }

    public void set(Conditions conditions) {
        this.conditions = Objects.requireNonNull(conditions, "conditions");
    }

    /** True when the extreme-weather plan applies. */
    public boolean coldWave(AlertPolicy policy) {
        return conditions.ambientTempC() <= policy.coldWaveThresholdC();
    }
}
