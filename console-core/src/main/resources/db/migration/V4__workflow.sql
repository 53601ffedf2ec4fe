-- Following orders up (dispatch.escalation, docs/ORDERS.md). The same file runs on H2 2.x and PostgreSQL 15+.

-- One row per order and missed deadline: an order whose sign-for (SIGN) or feedback (FEEDBACK) deadline
-- passed is escalated exactly once per kind. Every workstation scans for overdue orders; the primary key
-- makes the second one's insert fail, so the ESCALATED event written in the same transaction is appended
-- once. The prevention index counts these rows (indicators 29 and 30).
CREATE TABLE order_escalation (
    order_id     BIGINT       NOT NULL REFERENCES work_order (id),
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('SIGN', 'FEEDBACK')),
    deadline     TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    workstation  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (order_id, kind)
);
CREATE INDEX order_escalation_at_idx ON order_escalation (escalated_at);
