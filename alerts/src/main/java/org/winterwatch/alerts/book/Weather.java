package org.winterwatch.alerts.book;

/** The ambient temperature the control room last set ({@code PUT /api/v1/weather}); read by the alert logic. */
public final class Weather {

    private volatile double ambientTempC;

    public Weather(double ambientTempC) {
        set(ambientTempC);
    }

    public double ambientTempC() {
        return ambientTempC;
    }

    public void set(double tempC) {
        this.ambientTempC = checked(tempC);
    }

    /** The temperature if it is a plausible ambient one; else an error naming the field. */
    public static double checked(double tempC) {
        if (!Double.isFinite(tempC) || tempC < -70 || tempC > 60) {
            throw new IllegalArgumentException("ambientTempC must be within -70..60, was " + tempC);
        }
        return tempC;
    }

    /** True when the extreme-weather plan applies. */
    public boolean coldWave(AlertPolicy policy) {
        return ambientTempC <= policy.coldWaveThresholdC();
    }
}
