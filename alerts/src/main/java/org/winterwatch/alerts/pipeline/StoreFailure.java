package org.winterwatch.alerts.pipeline;

import java.sql.SQLException;

/**
 * Why a batch could not be committed: the database is away (try the same batch again later, nothing acknowledged),
 * or it refused something in the batch's data (retrying it unchanged can never succeed).
 */
enum StoreFailure {
    OUTAGE,
    DATA;

    /**
     * SQLSTATE classes 22 (data exception: a value too long, out of range) and 23 (integrity constraint) are the data's
     * fault; an exception that is no {@link SQLException} at all is ours, and as deterministic. Everything else
     * (connection lost, timeouts, a database shutting down) is an outage.
     */
    static StoreFailure of(Exception e) {
        if (!(e instanceof SQLException sql)) {
            return DATA;
        }
        for (Throwable t = sql; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return DATA;
            }
        }
        return OUTAGE;
    }
}
