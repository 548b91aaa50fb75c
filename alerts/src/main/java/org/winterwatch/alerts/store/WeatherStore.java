package org.winterwatch.alerts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.winterwatch.alerts.book.Weather;

/** The one stored weather row: the temperature and wind the control room last set, and when. */
public final class WeatherStore {

    /** A stored setting. */
    public record StoredWeather(Weather.Conditions conditions, Instant setAt) {
    }

    private WeatherStore() {
    }

    /** What the control room last set, if it ever did. */
    public static Optional<StoredWeather> latest(Database db) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT ambient_temp_c, wind_mps, set_at FROM weather WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new StoredWeather(new Weather.Conditions(rs.getDouble(1), rs.getDouble(2)),
                    rs.getTimestamp(3).toInstant())) : Optional.empty();
        }
    }

    /** Writes the setting within the caller's transaction. */
    static void write(Connection c, StoredWeather weather) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE weather SET ambient_temp_c = ?, wind_mps = ?, set_at = ? WHERE id = 1")) {
            bind(update, weather);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO weather (ambient_temp_c, wind_mps, set_at, id) VALUES (?, ?, ?, 1)")) {
            bind(insert, weather);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, StoredWeather weather) throws SQLException {
        ps.setDouble(1, weather.conditions().ambientTempC());
        ps.setDouble(2, weather.conditions().windMps());
        ps.setTimestamp(3, Timestamp.from(weather.setAt()));
    }
}
