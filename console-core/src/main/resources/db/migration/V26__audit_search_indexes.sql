-- The administrator's audit screen (core.audit.AuditService, issue 11) pages the trail newest first by seq and
-- filters it by action, actor, entity and time. On a trail of millions of rows these indexes keep a page of one
-- action or one user an index range read, and the list of the actions present (and of the entities) one index
-- seek per distinct value instead of a scan of the whole table. Appends pay for four more index entries.
CREATE INDEX audit_log_action_idx ON audit_log (action, seq);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, seq);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, seq);
CREATE INDEX audit_log_at_idx ON audit_log (at, seq);
