-- An alert's outbox row names the alert instead of carrying a second copy of its JSON: the body is in the alerts
-- table already. Rows published at once take the exact version from memory; a row found again after an outage or
-- a restart is published with the alert as it is then (a later version supersedes the earlier one).
ALTER TABLE outbox ADD COLUMN alert_id VARCHAR(64);
ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
