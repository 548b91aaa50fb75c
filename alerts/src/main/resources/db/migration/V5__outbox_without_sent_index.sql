-- Outbox rows are deleted once the broker acknowledged them (since V3), so every row left is unsent and the
-- primary key already gives the order in which to send them. The index on (sent_at, seq) cost an insert and a
-- delete per message and answered nothing the key does not. Rows an older release marked sent go now.
DELETE FROM outbox WHERE sent_at IS NOT NULL;
DROP INDEX outbox_unsent;
