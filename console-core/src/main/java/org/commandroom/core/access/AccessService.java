package org.commandroom.core.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.audit.AuditDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Log-in, lock-out, password change and the administrator's user management (docs/ACCESS.md). Every outcome is in
 * the audit trail: LOGIN, LOGIN_FAILED, LOCKOUT, SESSION_LOCK, SESSION_UNLOCK, PASSWORD_CHANGE, PASSWORD_RESET, USER_CREATE, USER_ROLES,
 * USER_ACTIVE. User management needs {@link Permission#MANAGE_USERS}. Blocking (a hash takes tens of
 * milliseconds): never on the FX thread.
 */
public final class AccessService {

    private static final String ENTITY = "USER";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;
    private final PasswordHasher hasher;
    private final LockoutPolicy policy;
    /** Hashed once, checked against for an unknown login so that it takes as long as a wrong password. */
    private final String decoy;

    public AccessService(Jdbi jdbi, Clock clock, AccessGuard guard, PasswordHasher hasher, LockoutPolicy policy) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.guard = guard;
        this.hasher = hasher;
        this.policy = policy;
        this.decoy = hasher.hash("decoy-password-never-used");
    }

    public LockoutPolicy policy() {
        return policy;
    }

    /** Whether any user exists (a fresh database has none). */
    public boolean hasUsers() {
        return jdbi.withHandle(h -> h.attach(UserDao.class).count() > 0);
    }

    /**
     * Signs in. An unknown login and a wrong password give the same answer. The {@link LockoutPolicy#maxFailures()}-th
     * failure in a row locks the user for {@link LockoutPolicy#lockFor()}; while locked even the right password is
     * refused. The user's row keeps the last accepted sign-in (time, workstation) and counts the attempts refused
     * since, for the administrator's list of users.
     *
     * @param drill whether the workstation works on a drill database (a trainee acts there only)
     */
    public SignIn signIn(String login, String password, String workstation, boolean drill) {
        return check(login, password, workstation, drill, "LOGIN");
    }

    /**
     * The signed-in user's own password again, to unlock a workstation locked while they were away (idle or
     * Ctrl+L): the same rules as {@link #signIn} (wrong passwords count towards the lock-out, a locked or switched-off
     * user is refused), audited as SESSION_UNLOCK. Only the user who locked it can unlock it this way.
     */
    public SignIn resume(Principal locked, String password) {
        return check(locked.login(), password, locked.workstation(), locked.drill(), "SESSION_UNLOCK");
    }

    /** Records that the workstation was locked for {@code locked} (SESSION_LOCK), with why (idle, by hand). */
    public void sessionLocked(Principal locked, String why) {
        jdbi.useTransaction(h -> audit(h, locked.login(), locked.workstation(), "SESSION_LOCK", locked.userId(), why));
    }

    private SignIn check(String login, String password, String workstation, boolean drill, String successAction) {
        String name = login == null ? "" : login.strip();
        return jdbi.inTransaction(h -> {
            UserDao users = h.attach(UserDao.class);
            Instant now = clock.instant();
            Optional<UserDao.StoredUser> found = name.isEmpty() ? Optional.empty() : users.lockByLogin(name);
            if (found.isEmpty()) {
                hasher.matches(password == null ? "" : password, decoy);
                audit(h, name.isEmpty() ? "(blank)" : name, workstation, "LOGIN_FAILED", null, "unknown user");
                return new SignIn.WrongPassword(policy.maxFailures());
            }
            UserDao.StoredUser u = found.get();
            if (!u.active()) {
                users.refusedAttempt(u.id());
                audit(h, u.login(), workstation, "LOGIN_FAILED", u.id(), "user switched off");
                return new SignIn.Disabled();
            }
            if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
                users.refusedAttempt(u.id());
                audit(h, u.login(), workstation, "LOGIN_FAILED", u.id(), "locked until " + u.lockedUntil());
                return new SignIn.Locked(u.lockedUntil());
            }
            if (!hasher.matches(password == null ? "" : password, u.passwordHash())) {
                users.refusedAttempt(u.id());
                int failures = u.failedAttempts() + 1;
                if (failures >= policy.maxFailures()) {
                    Instant until = now.plus(policy.lockFor());
                    users.setFailures(u.id(), 0, until);
                    audit(h, u.login(), workstation, "LOGIN_FAILED", u.id(), "wrong password " + failures);
                    audit(h, u.login(), workstation, "LOCKOUT", u.id(),
                            failures + " wrong passwords in a row; locked until " + until);
                    return new SignIn.Locked(until);
                }
                users.setFailures(u.id(), failures, null);
                audit(h, u.login(), workstation, "LOGIN_FAILED", u.id(), "wrong password " + failures);
                return new SignIn.WrongPassword(policy.maxFailures() - failures);
            }
            if (u.failedAttempts() != 0 || u.lockedUntil() != null) {
                users.setFailures(u.id(), 0, null);
            }
            if (hasher.outdated(u.passwordHash())) {
                users.setPassword(u.id(), hasher.hash(password), now);
            }
            if ("LOGIN".equals(successAction)) {
                users.signedIn(u.id(), now, workstation);
            }
            Set<Role> roles = Roles.parse(u.roles());
            audit(h, u.login(), workstation, successAction, u.id(), "roles " + Roles.format(roles.isEmpty()
                    ? Set.of(Role.WALL_DISPLAY) : roles) + (drill ? " (drill)" : ""));
            return new SignIn.Success(new Principal(u.id(), u.login(), u.displayName(), roles, workstation, drill));
        });
    }

    /**
     * The principal changes its own password; the current one must be given. A wrong current password counts
     * towards the lock-out as at {@link #signIn} (an unattended desk is no way round it), and while the user is
     * locked out the change is refused without looking at the password. The wrong attempt and a lock-out it causes
     * stay in the audit trail although the change is refused.
     *
     * @throws PasswordRejected TOO_SHORT, WRONG_CURRENT, LOCKED or UNKNOWN_USER
     */
    public void changePassword(Principal self, String current, String replacement) {
        checkLength(replacement);
        PasswordRejected refusal = jdbi.inTransaction(h -> {
            UserDao users = h.attach(UserDao.class);
            UserDao.StoredUser u = users.lockByLogin(self.login())
                    .orElseThrow(() -> new PasswordRejected(PasswordRejected.Reason.UNKNOWN_USER, "no user " + self.login()));
            Instant now = clock.instant();
            if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
                users.refusedAttempt(u.id());
                audit(h, u.login(), self.workstation(), "LOGIN_FAILED", u.id(),
                        "password change while locked until " + u.lockedUntil());
                return new PasswordRejected(PasswordRejected.Reason.LOCKED, "locked until " + u.lockedUntil());
            }
            if (!hasher.matches(current == null ? "" : current, u.passwordHash())) {
                users.refusedAttempt(u.id());
                int failures = u.failedAttempts() + 1;
                audit(h, u.login(), self.workstation(), "LOGIN_FAILED", u.id(),
                        "wrong current password at a change " + failures);
                if (failures >= policy.maxFailures()) {
                    Instant until = now.plus(policy.lockFor());
                    users.setFailures(u.id(), 0, until);
                    audit(h, u.login(), self.workstation(), "LOCKOUT", u.id(),
                            failures + " wrong passwords in a row; locked until " + until);
                    return new PasswordRejected(PasswordRejected.Reason.LOCKED, "locked until " + until);
                }
                users.setFailures(u.id(), failures, null);
                return new PasswordRejected(PasswordRejected.Reason.WRONG_CURRENT, "the current password is wrong");
            }
            users.setPassword(u.id(), hasher.hash(replacement), now);
            audit(h, u.login(), self.workstation(), "PASSWORD_CHANGE", u.id(), "by the user");
            return null;
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    /** An administrator sets a new password for a user; it also lifts a lock-out. */
    public void resetPassword(String login, String replacement) {
        guard.require(Permission.MANAGE_USERS, "PASSWORD_RESET", ENTITY, null);
        checkLength(replacement);
        jdbi.useTransaction(h -> {
            UserDao.StoredUser u = existing(h, login);
            h.attach(UserDao.class).setPassword(u.id(), hasher.hash(replacement), clock.instant());
            audit(h, actor(), workstation(), "PASSWORD_RESET", u.id(), "password of " + u.login() + " reset, lock lifted");
        });
    }

    /** An administrator lifts a user's lock-out (and clears the count of wrong passwords) without a new password. */
    public void unlock(String login) {
        guard.require(Permission.MANAGE_USERS, "USER_UNLOCK", ENTITY, null);
        jdbi.useTransaction(h -> {
            UserDao.StoredUser u = existing(h, login);
            h.attach(UserDao.class).setFailures(u.id(), 0, null);
            audit(h, actor(), workstation(), "USER_UNLOCK", u.id(), u.login() + " unlocked"
                    + (u.lockedUntil() != null ? " (was locked until " + u.lockedUntil() + ")" : " (was not locked)"));
        });
    }

    /** An administrator creates a user. */
    public UserAccount createUser(String login, String displayName, Set<Role> roles, String password) {
        guard.require(Permission.MANAGE_USERS, "USER_CREATE", ENTITY, null);
        return create(login, displayName, roles, password, actor(), workstation());
    }

    /**
     * Creates the first users of a fresh database (set-up, the demo county); does nothing when any user exists.
     * Not guarded: there is no one to sign in yet. Returns whether they were created.
     */
    public boolean createFirstUsers(List<NewUser> first, String workstation) {
        return jdbi.inTransaction(h -> {
            if (h.attach(UserDao.class).count() > 0) {
                return false;
            }
            for (NewUser n : first) {
                create(n.login(), n.displayName(), n.roles(), n.password(), "(set-up)", workstation);
            }
            return true;
        });
    }

    /** A user to create at set-up. */
    public record NewUser(String login, String displayName, Set<Role> roles, String password) {
    }

    private UserAccount create(String login, String displayName, Set<Role> roles, String password, String actor,
                               String workstation) {
        String name = login == null ? "" : login.strip();
        if (!name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new PasswordRejected(PasswordRejected.Reason.BAD_LOGIN,
                    "a log-in name is 1-64 letters, digits or . _ @ -");
        }
        if (roles.isEmpty()) {
            throw new PasswordRejected(PasswordRejected.Reason.NO_ROLE, "a user needs at least one role");
        }
        checkLength(password);
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        return jdbi.inTransaction(h -> {
            UserDao users = h.attach(UserDao.class);
            if (users.lockByLogin(name).isPresent()) {
                throw new PasswordRejected(PasswordRejected.Reason.LOGIN_TAKEN, "log-in name '" + name + "' is taken");
            }
            long id = users.insert(name, shown.length() > 64 ? shown.substring(0, 64) : shown, hasher.hash(password),
                    Roles.format(roles), clock.instant());
            audit(h, actor, workstation, "USER_CREATE", id, name + " (" + shown + ") roles " + Roles.format(roles));
            return users.lockByLogin(name).orElseThrow().account();
        });
    }

    /**
     * An administrator replaces a user's roles. An administrator cannot take the administrator role from themself
     * (another administrator can), so that a bureau is never left without one by a slip of the hand.
     */
    public void setRoles(String login, Set<Role> roles) {
        guard.require(Permission.MANAGE_USERS, "USER_ROLES", ENTITY, null);
        if (roles.isEmpty()) {
            throw new PasswordRejected(PasswordRejected.Reason.NO_ROLE, "a user needs at least one role");
        }
        jdbi.useTransaction(h -> {
            UserDao.StoredUser u = existing(h, login);
            if (isCaller(u) && !roles.contains(Role.ADMINISTRATOR)) {
                throw new PasswordRejected(PasswordRejected.Reason.SELF_ADMIN_ROLE,
                        "an administrator cannot take the administrator role from themself");
            }
            h.attach(UserDao.class).setRoles(u.id(), Roles.format(roles));
            audit(h, actor(), workstation(), "USER_ROLES", u.id(),
                    u.login() + ": roles " + u.roles() + " -> " + Roles.format(roles));
        });
    }

    /**
     * An administrator switches a user off (no log-in) or on again. An administrator cannot switch themself off
     * (they would be locked out at once; another administrator can).
     */
    public void setActive(String login, boolean active) {
        guard.require(Permission.MANAGE_USERS, "USER_ACTIVE", ENTITY, null);
        jdbi.useTransaction(h -> {
            UserDao.StoredUser u = existing(h, login);
            if (!active && isCaller(u)) {
                throw new PasswordRejected(PasswordRejected.Reason.SELF_DISABLE,
                        "an administrator cannot switch themself off");
            }
            h.attach(UserDao.class).setActive(u.id(), active);
            audit(h, actor(), workstation(), "USER_ACTIVE", u.id(), u.login() + (active ? " switched on" : " switched off"));
        });
    }

    /** Every user, for the administrator. */
    public List<UserAccount> users() {
        guard.require(Permission.MANAGE_USERS, "USER_LIST", ENTITY, null);
        return jdbi.withHandle(h -> h.attach(UserDao.class).all().stream().map(UserDao.StoredUser::account).toList());
    }

    /** Whether {@code u} is the user signed in at the workstation that calls (never for the trusted tool). */
    private boolean isCaller(UserDao.StoredUser u) {
        Principal p = guard.principal();
        return p != null && p.signedIn() && p.login().equals(u.login());
    }

    private UserDao.StoredUser existing(Handle h, String login) {
        return h.attach(UserDao.class).lockByLogin(login == null ? "" : login.strip())
                .orElseThrow(() -> new PasswordRejected(PasswordRejected.Reason.UNKNOWN_USER, "no user '" + login + "'"));
    }

    private void checkLength(String password) {
        if (password == null || password.codePointCount(0, password.length()) < policy.minPasswordLength()) {
            throw new PasswordRejected(PasswordRejected.Reason.TOO_SHORT,
                    "a password has at least " + policy.minPasswordLength() + " characters");
        }
    }

    private String actor() {
        Principal p = guard.principal();
        return p == null ? "(tool)" : p.login();
    }

    private String workstation() {
        Principal p = guard.principal();
        return p == null ? "(tool)" : p.workstation();
    }

    private void audit(Handle h, String actor, String workstation, String action, Long userId, String detail) {
        h.attach(AuditDao.class).append(clock.instant(), actor, workstation, action, ENTITY, userId, detail);
    }
}
