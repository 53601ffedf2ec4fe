-- The identity a workstation gives a call before it is saved (docs/DURABILITY.md, "Drafts"): a call typed while
-- the database was gone is kept on the workstation and saved when the database returns, carrying this id, so that
-- an attempt whose commit reached the database before the connection broke is recognised and not saved twice.
-- Null for calls saved at once and for imported ones. Same SQL on H2 and PostgreSQL.
ALTER TABLE incident ADD COLUMN client_ref VARCHAR(36);
CREATE UNIQUE INDEX incident_client_ref_idx ON incident (client_ref);
