package org.winterwatch.alerts.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The one stored weather row: the ambient temperature the control room last set, and when. */
public final class WeatherStore {

    /** A stored setting. */
    public record StoredWeather(double ambientTempC, Instant setAt) {
    }

    private WeatherStore() {
    }

    /** What the control room last set, if it ever did. */
    public static Optional<StoredWeather> latest(Database db) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT ambient_temp_c, set_at FROM weather WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new StoredWeather(rs.getDouble(1), rs.getTimestamp(2).toInstant())) : Optional.empty();
        }
    }

    /** Writes the setting within the caller's transaction. */
    static void write(Connection c, StoredWeather weather) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE weather SET ambient_temp_c = ?, set_at = ? WHERE id = 1")) {
            update.setDouble(1, weather.ambientTempC());
            update.setTimestamp(2, Timestamp.from(weather.setAt()));
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO weather (id, ambient_temp_c, set_at) VALUES (1, ?, ?)")) {
            insert.setDouble(1, weather.ambientTempC());
            insert.setTimestamp(2, Timestamp.from(weather.setAt()));
            insert.executeUpdate();
        }
    }
}
