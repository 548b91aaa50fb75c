-- Outbox sequence numbers are taken a thousand at a time: H2 otherwise writes its sequence to disk (a whole
-- store) every 32 rows. Numbers stay increasing; a restart may skip some, which nothing relies on.
ALTER TABLE outbox ALTER COLUMN seq SET CACHE 1000;
