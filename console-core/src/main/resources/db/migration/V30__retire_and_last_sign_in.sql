-- Retiring officers and patrol units (issue 11, docs/ADMIN.md): a retired officer or unit keeps its rows and so its
-- history (orders, audit), but is no longer offered for dispatch, crew or a grid. NULL: in service. Same SQL on H2
-- and PostgreSQL.
ALTER TABLE officer ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE patrol_unit ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
