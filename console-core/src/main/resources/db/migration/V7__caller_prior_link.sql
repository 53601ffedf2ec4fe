-- 一人多警: every incident keeps a link to its caller's previous call (core incident/CallerLinks, docs/INDEX.md),
-- so the prevention index's repeat-caller indicators test one column of the row instead of searching the
-- caller's history for every call. The same file runs on H2 2.x and PostgreSQL 15+.
--
-- caller_prior_id: the most recent earlier incident with the same caller_number, "earlier" in (received_at, id)
-- order (an incident received at the same instant with a smaller id is earlier); caller_prior_at: its received_at.
-- Both NULL when the number never called before, or the call has no number. Derived data, maintained on every
-- insert (IncidentService.record, the demo generator's bulk writer) by CallerLinks.link, which also relinks the
-- later calls of the same number when a call is recorded out of time order. No foreign key: it would make deleting
-- incidents order-dependent, and a dangling id is harmless to the index (it reads caller_prior_at).
ALTER TABLE incident ADD COLUMN caller_prior_id BIGINT;
ALTER TABLE incident ADD COLUMN caller_prior_at TIMESTAMP WITH TIME ZONE;

-- Incidents already stored get their link now (one index look-up per call on incident_caller_received_idx).
UPDATE incident SET (caller_prior_id, caller_prior_at) = (
    SELECT p.id, p.received_at FROM incident p
    WHERE p.caller_number = incident.caller_number AND p.received_at <= incident.received_at
      AND (p.received_at < incident.received_at OR p.id < incident.id)
    ORDER BY p.received_at DESC, p.id DESC FETCH FIRST 1 ROW ONLY)
WHERE caller_number IS NOT NULL;
