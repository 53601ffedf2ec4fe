-- One outbox publisher per database (dispatch.push.PublisherLease, docs/PUSH.md): every workstation on a shared
-- database runs a publisher, but only the one holding this lease sends, so each order leaves once. The holder
-- renews it every few seconds; when it stops (the workstation died, lost the database), the lease expires and
-- another workstation takes it over. epoch grows by one at every change of holder: a take-over is a
-- compare-and-set on it, so two workstations that both saw the lease expire cannot both win.
-- Times are the database's own clock in epoch milliseconds, so workstations' clocks do not matter.
-- The same file runs on H2 2.x and PostgreSQL 15+.
CREATE TABLE push_publisher_lease (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(128),
    epoch       BIGINT       NOT NULL DEFAULT 0,
    expires_at  BIGINT       NOT NULL DEFAULT 0,
    acquired_at BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO push_publisher_lease (name, holder, epoch, expires_at, acquired_at) VALUES ('outbox', NULL, 0, 0, 0);
