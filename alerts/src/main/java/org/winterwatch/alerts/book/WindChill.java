package org.winterwatch.alerts.book;

/**
 * The wind chill index of Environment Canada and the US National Weather Service (JAG/TI, 2001): how cold the air
 * feels on exposed skin, in degrees Celsius. See {@code docs/risk.md} for the source.
 *
 * <pre>  Twc = 13.12 + 0.6215 T - 11.37 V^0.16 + 0.3965 T V^0.16   (T in C, V in km/h at 10 m)</pre>
 *
 * <p>The index is defined for T at or below 10 C and V at or above 4.8 km/h; outside that range the air temperature
 * itself is returned, as both services do.
 */
public final class WindChill {

    /** The warmest air temperature the index is defined for. */
    public static final double MAX_TEMP_C = 10;
    /** The lowest wind speed the index is defined for, km/h (1.33 m/s). */
    public static final double MIN_WIND_KMH = 4.8;

    private WindChill() {
    }

    /** The wind chill temperature for air at {@code tempC} and a wind of {@code windMps} metres per second. */
    public static double feltC(double tempC, double windMps) {
        double kmh = windMps * 3.6;
        if (tempC > MAX_TEMP_C || kmh < MIN_WIND_KMH) {
            return tempC;
        }
        double v = Math.pow(kmh, 0.16);
        return 13.12 + 0.6215 * tempC - 11.37 * v + 0.3965 * tempC * v;
    }
}
