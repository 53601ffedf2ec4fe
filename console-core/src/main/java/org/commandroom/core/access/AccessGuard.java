package org.commandroom.core.access;

import java.time.Clock;
import java.util.function.Supplier;
import org.commandroom.core.audit.AuditDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check every write method of a core service makes first: does the workstation's principal hold the
 * permission? Without it the call fails with {@link AccessDenied}, and the refusal is appended to the audit trail
 * in a transaction of its own (the refused action writes nothing).
 *
 * <p>{@link #trusted()} lets everything through: it is for in-process tools (the geo import command, the demo
 * generator) and the tests of services that predate log-in. The console builds every service with
 * {@link #of(Jdbi, Clock, Session)}.
 */
public final class AccessGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);
    /** The audit action of a refusal. */
    public static final String REFUSED = "REFUSED";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Supplier<Principal> principal;

    private AccessGuard(Jdbi jdbi, Clock clock, Supplier<Principal> principal) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.principal = principal;
    }

    /** Checks against the session's principal of the moment. */
    public static AccessGuard of(Jdbi jdbi, Clock clock, Session session) {
        return new AccessGuard(jdbi, clock, session::current);
    }

    /** Checks against one fixed principal (a background writer acting for the workstation, tests). */
    public static AccessGuard of(Jdbi jdbi, Clock clock, Principal fixed) {
        return new AccessGuard(jdbi, clock, () -> fixed);
    }

    private static final AccessGuard TRUSTED = new AccessGuard(null, null, null);

    /** Lets everything through; never for a service a workstation's user reaches. */
    public static AccessGuard trusted() {
        return TRUSTED;
    }

    /** Where the audit rows of guarded actions say they come from. */
    public String workstation() {
        Principal p = principal();
        return p == null ? "(in-process)" : p.workstation();
    }

    /**
     * Appends the audit row of an action that passed {@link #require}, inside the action's transaction: by the
     * principal's log-in when one is signed in (the name the trail shows in the detail), else by {@code actor}.
     */
    public void audit(org.jdbi.v3.core.Handle h, java.time.Instant at, String actor, String action, String entity,
                      Long entityId, String detail) {
        Principal p = principal();
        String who = p != null && p.signedIn() ? p.login() : (actor == null || actor.isBlank() ? "(unknown)" : actor);
        String text = p != null && p.signedIn() && actor != null && !actor.equals(p.login())
                ? "[" + actor + "] " + (detail == null ? "" : detail) : detail;
        h.attach(AuditDao.class).append(at, who, workstation(), action, entity, entityId, text);
    }

    /** Whether the principal works on a drill database: what is exported then is marked as an exercise. */
    public boolean exercise() {
        Principal p = principal();
        return p != null && p.drill();
    }

    /** The principal checked, or null for the trusted guard. */
    public Principal principal() {
        return principal == null ? null : principal.get();
    }

    /**
     * Fails unless the principal holds {@code permission}.
     *
     * @param action   what was attempted, for the trail (at most 32 characters), e.g. {@code DISPATCH}
     * @param entity   the kind of record aimed at, or null
     * @param entityId the record aimed at, or null
     * @throws AccessDenied without the permission (after the refusal is audited)
     */
    public void require(Permission permission, String action, String entity, Long entityId) {
        if (principal == null) {
            return;
        }
        Principal p = principal.get();
        if (p.may(permission)) {
            return;
        }
        AccessDenied denied = new AccessDenied(permission, action, p.login());
        try {
            jdbi.useTransaction(h -> h.attach(AuditDao.class).append(clock.instant(),
                    p.signedIn() ? p.login() : "(not signed in)", p.workstation(), REFUSED, entity, entityId,
                    action + " needs " + permission + "; roles " + p.roles()));
        } catch (RuntimeException e) {
            LOG.error("A refusal could not be audited: {}", denied.getMessage(), e);
        }
        LOG.info("Refused: {}", denied.getMessage());
        throw denied;
    }
}
