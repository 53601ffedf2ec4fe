-- The identity a unit's terminal keeps for an order (docs/PUSH.md, docs/DURABILITY.md): a random UUID given when
-- the order is first queued for a terminal, in the issuing transaction. Numeric ids and order numbers come from
-- the database's counters; a database restored from a backup, or one that lost its last commits to a power cut,
-- can hand them out again for a different order, which a terminal that already holds them would take for a
-- duplicate and drop. A UUID is never reused. Same SQL on H2 and PostgreSQL.
ALTER TABLE work_order ADD COLUMN order_uid VARCHAR(36);
CREATE UNIQUE INDEX work_order_uid_idx ON work_order (order_uid);
