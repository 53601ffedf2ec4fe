package org.commandroom.core.access;

/**
 * One thing a core service lets a principal do. Roles are mapped to permissions in {@link RolePermissions} only;
 * services check a permission, never a role.
 */
public enum Permission {
    /** Take a 110 call (F2), keep and save a call typed while the database was gone. */
    INTAKE(true),
    /** Import calls from a file (CSV, JSON, EIDO). */
    IMPORT_CALLS(true),
    /** Dispatch a unit to an incident (F3). */
    DISPATCH(true),
    /** Create and issue orders (F4, standard tasks, intercepts), record a sign-for or a feedback for a unit. */
    ORDERS(true),
    /** Review feedback and close an order (监督). */
    REVIEW_CLOSE(true),
    /** Correct what an order says or add a correction to its trail. */
    CORRECT(true),
    /** Override a refusal a commander may override (reserved for the leader on duty). */
    OVERRIDE(true),
    /** Acknowledge alerts. */
    ACK_ALERTS(true),
    /** Enter prevention-index scores by hand (人工填报) and import the evaluation sheet. */
    INDEX_ENTRY(true),
    /** Import geography and cameras, edit the organisation (set-up). */
    SETUP(true),
    /** Create users, change their roles, reset their passwords, unlock them. */
    MANAGE_USERS(true),
    /** Keep the duty roster (值班表): add, change, delete and copy shifts. Everyone may read it. */
    EDIT_ROSTER(true),
    /** Issue, update and cancel community warnings as CAP 1.2 alerts (预警信息, docs/CAP.md). */
    ISSUE_WARNINGS(true),
    /** Read and verify the audit trail. */
    READ_AUDIT(false),
    /** See caller numbers and names in full. */
    SEE_CALLER_DATA(false);

    private final boolean writes;

    Permission(boolean writes) {
        this.writes = writes;
    }

    /** Whether the permission lets its holder change data. */
    public boolean writes() {
        return writes;
    }
}
