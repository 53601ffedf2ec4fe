-- Intake and repeat detection (core/intake, docs/INTAKE.md).
-- The same file runs on H2 2.x and PostgreSQL 15+.

-- 一人多警、一事多警: an incident flagged as a repeat when it was recorded. The flag is written in the
-- transaction that records the incident and never changed afterwards; reasons is a comma-separated
-- subset of CALLER, ADDRESS, NEARBY (the criteria that reached the threshold).
CREATE TABLE incident_repeat (
    incident_id    BIGINT       NOT NULL PRIMARY KEY REFERENCES incident (id),
    flagged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reasons        VARCHAR(40)  NOT NULL,
    earlier_count  INTEGER      NOT NULL,
    rule_min_count INTEGER      NOT NULL,
    rule_days      INTEGER      NOT NULL,
    rule_metres    DOUBLE PRECISION NOT NULL
);

-- The earlier incidents a flagged incident repeats, with what they share (CALLER, ADDRESS, NEARBY).
CREATE TABLE incident_repeat_link (
    incident_id         BIGINT      NOT NULL REFERENCES incident (id),
    earlier_incident_id BIGINT      NOT NULL REFERENCES incident (id),
    reasons             VARCHAR(40) NOT NULL,
    distance_m          DOUBLE PRECISION,
    PRIMARY KEY (incident_id, earlier_incident_id)
);
CREATE INDEX incident_repeat_link_earlier_idx ON incident_repeat_link (earlier_incident_id);

-- Repeat look-ups: the same address within the window, and points near a position within the window.
CREATE INDEX incident_address_received_idx ON incident (address, received_at);
CREATE INDEX incident_lat_received_idx ON incident (lat, received_at);
