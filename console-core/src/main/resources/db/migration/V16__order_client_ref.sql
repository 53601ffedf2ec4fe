-- The identity a workstation gives a task order before it is saved (docs/DURABILITY.md, "Drafts"): an order issued
-- with F4 while the database was gone is kept on the workstation and issued when the database returns, carrying this
-- id, so that an attempt whose commit reached the database before the connection broke is not issued twice.
-- Null for orders issued at once. Same SQL on H2 and PostgreSQL.
ALTER TABLE work_order ADD COLUMN client_ref VARCHAR(36);
CREATE UNIQUE INDEX work_order_client_ref_idx ON work_order (client_ref);
