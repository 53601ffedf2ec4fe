-- Organisation and units from the bureau's own files (issue 11, docs/ADMIN.md): the natural keys the import
-- upserts by, and the terminal a patrol unit carries. Same SQL on H2 and PostgreSQL.

-- A team is known by its name within its station (城东派出所社区警务队); re-importing the file updates it in place.
CREATE UNIQUE INDEX team_station_name_idx ON team (station_id, name);

-- The unit's terminal (在线终端 / 移动警务终端) by the id the terminal reports; one terminal per unit. NULL for a unit
-- without one (several NULLs are allowed by a unique index on both databases).
ALTER TABLE patrol_unit ADD COLUMN terminal_id VARCHAR(64);
CREATE UNIQUE INDEX patrol_unit_terminal_idx ON patrol_unit (terminal_id);
