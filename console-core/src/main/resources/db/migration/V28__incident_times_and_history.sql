-- The times a CAD needs for response-time statistics, on every incident, and calls for service imported from a
-- bureau's previous system as closed history (docs/IMPORT.md "History"). The same file runs on H2 2.x and
-- PostgreSQL 15+.
--
-- One schema for live and imported incidents. received_at (V1) is when the call came in; closed_at (V1) when the
-- incident was closed. Per incident:
--   dispatched_at  the first unit was dispatched (live: the first DISPATCH order's created_at)
--   en_route_at    the first unit reported en route (live: MIN(work_order.en_route_at) of its orders, V21)
--   on_scene_at    the first unit arrived (live: MIN(work_order.on_scene_at))
--   cleared_at     the last unit cleared (live: MAX(work_order.cleared_at))
-- Per unit and order the times stay on work_order (V21). Imported history has no orders: its times are only here,
-- with the unit's call sign as the old system named it (history_unit).
ALTER TABLE incident ADD COLUMN dispatched_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN en_route_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN on_scene_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN cleared_at TIMESTAMP WITH TIME ZONE;

-- Imported history: the source's name (as the import was told it) and the call's id in that system. A live incident
-- has both null. (source, ref) is unique, which makes an import idempotent; the status and unit are the old
-- system's words, kept as they came.
ALTER TABLE incident ADD COLUMN history_source VARCHAR(64);
ALTER TABLE incident ADD COLUMN history_ref VARCHAR(64);
ALTER TABLE incident ADD COLUMN history_status VARCHAR(64);
ALTER TABLE incident ADD COLUMN history_unit VARCHAR(64);
CREATE UNIQUE INDEX incident_history_ref_idx ON incident (history_source, history_ref);

-- Incidents already stored get their times from their orders.
UPDATE incident SET
    dispatched_at = (SELECT MIN(o.created_at) FROM work_order o WHERE o.incident_id = incident.id AND o.kind = 'DISPATCH'),
    en_route_at = (SELECT MIN(o.en_route_at) FROM work_order o WHERE o.incident_id = incident.id),
    on_scene_at = (SELECT MIN(o.on_scene_at) FROM work_order o WHERE o.incident_id = incident.id),
    cleared_at = (SELECT MAX(o.cleared_at) FROM work_order o WHERE o.incident_id = incident.id)
WHERE EXISTS (SELECT 1 FROM work_order o WHERE o.incident_id = incident.id);

-- A column mapping per source, offered again at the next import from the same source. mapping is the text of
-- org.commandroom.core.history.HistoryMapping (the same text `console-admin import history --mapping-from-file`
-- reads).
CREATE TABLE history_mapping (
    source      VARCHAR(64)   NOT NULL PRIMARY KEY,
    mapping     VARCHAR(20000) NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by    VARCHAR(64)
);
