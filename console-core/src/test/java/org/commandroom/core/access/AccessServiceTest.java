package org.commandroom.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessServiceTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T02:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private Database db;
    private Session session;
    private AccessService access;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        session = new Session("desk-1");
        access = new AccessService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, session), new PasswordHasher(),
                LockoutPolicy.defaults());
        assertTrue(access.createFirstUsers(List.of(
                new AccessService.NewUser("admin", "管理员", Set.of(Role.ADMINISTRATOR), "admin-pass-1"),
                new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1")), "desk-1"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<String> actions() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY seq").mapTo(String.class).list());
    }

    @Test
    void aLockedWorkstationIsResumedOnlyWithTheUsersOwnPasswordAndWrongOnesCountTowardsTheLockOut() {
        Principal lim = ((SignIn.Success) access.signIn("lim", "duty-pass-1", "desk-1", false)).principal();
        access.sessionLocked(lim, "idle 15 min");
        assertEquals(new SignIn.WrongPassword(4), access.resume(lim, "admin-pass-1"), "another user's password is wrong");
        for (int i = 0; i < 3; i++) {
            access.resume(lim, "nope");
        }
        SignIn locked = access.resume(lim, "nope");
        assertTrue(locked instanceof SignIn.Locked, locked.toString());
        assertTrue(access.resume(lim, "duty-pass-1") instanceof SignIn.Locked, "locked out: even the right one waits");
        now.set(now.get().plus(LockoutPolicy.defaults().lockFor()).plusSeconds(1));
        SignIn back = access.resume(lim, "duty-pass-1");
        assertEquals(lim.login(), ((SignIn.Success) back).principal().login());
        List<String> a = actions();
        assertEquals(List.of("LOGIN", "SESSION_LOCK"), a.subList(a.indexOf("LOGIN"), a.indexOf("LOGIN") + 2));
        assertEquals("SESSION_UNLOCK", a.get(a.size() - 1));
        assertEquals(1, a.stream().filter("LOCKOUT"::equals).count());
        assertEquals(1, a.stream().filter("LOGIN"::equals).count(), "resuming is not a new log-in");
    }

    @Test
    void passwordsAreStoredAsArgon2idWithTheDocumentedParameters() {
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE login = 'lim'")
                .mapTo(String.class).one());
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains("duty-pass-1"));
        String[] parts = stored.split("\\$");
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[4]).length);
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[5]).length);
        PasswordHasher hasher = new PasswordHasher();
        assertTrue(hasher.matches("duty-pass-1", stored));
        assertFalse(hasher.matches("duty-pass-2", stored));
        assertFalse(hasher.matches("duty-pass-1", "$argon2id$garbage"));
        assertTrue(!hasher.hash("x").equals(hasher.hash("x")), "a fresh salt each time");
    }

    @Test
    void theRightPasswordSignsInWithTheUsersRolesAndIsAudited() {
        SignIn result = access.signIn(" lim ", "duty-pass-1", "desk-1", false);
        Principal p = assertInstanceOf(SignIn.Success.class, result).principal();
        assertEquals("李明", p.displayName());
        assertEquals(Set.of(Role.DUTY_COMMANDER), p.roles());
        assertTrue(p.may(Permission.DISPATCH));
        assertFalse(p.may(Permission.REVIEW_CLOSE));
        assertEquals("LOGIN", actions().get(actions().size() - 1));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        assertEquals(new SignIn.WrongPassword(4), access.signIn("lim", "nope-nope", "desk-1", false));
        assertEquals(new SignIn.WrongPassword(5), access.signIn("nobody", "nope-nope", "desk-1", false));
        assertEquals(List.of("LOGIN_FAILED", "LOGIN_FAILED"), actions().subList(actions().size() - 2, actions().size()));
    }

    @Test
    void fiveWrongPasswordsLockForFifteenMinutesEvenAgainstTheRightOne() {
        for (int i = 4; i >= 1; i--) {
            assertEquals(new SignIn.WrongPassword(i), access.signIn("lim", "wrong-" + i, "desk-1", false));
        }
        Instant until = now.get().plus(Duration.ofMinutes(15));
        assertEquals(new SignIn.Locked(until), access.signIn("lim", "wrong-0", "desk-1", false));
        assertTrue(actions().contains("LOCKOUT"));
        now.set(now.get().plus(Duration.ofMinutes(14)));
        assertEquals(new SignIn.Locked(until), access.signIn("lim", "duty-pass-1", "desk-1", false));
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        assertEquals(new SignIn.WrongPassword(4), access.signIn("lim", "wrong", "desk-1", false),
                "a successful log-in starts the count again");
    }

    @Test
    void anAdministratorsResetLiftsTheLockAndOnlyAnAdministratorMayReset() {
        for (int i = 0; i < 5; i++) {
            access.signIn("lim", "wrong", "desk-1", false);
        }
        assertInstanceOf(SignIn.Locked.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        session.signIn(((SignIn.Success) access.signIn("admin", "admin-pass-1", "desk-1", false)).principal());
        access.resetPassword("lim", "fresh-pass-2");
        Principal lim = ((SignIn.Success) access.signIn("lim", "fresh-pass-2", "desk-1", false)).principal();
        session.signIn(lim);
        AccessDenied denied = assertThrows(AccessDenied.class, () -> access.resetPassword("admin", "taken-over-1"));
        assertEquals(Permission.MANAGE_USERS, denied.permission());
        assertThrows(AccessDenied.class, () -> access.createUser("x", "x", Set.of(Role.ADMINISTRATOR), "12345678"));
        assertEquals("REFUSED", actions().get(actions().size() - 1));
        assertInstanceOf(SignIn.Success.class, access.signIn("admin", "admin-pass-1", "desk-1", false));
    }

    @Test
    void aUserChangesTheirOwnPasswordGivingTheCurrentOne() {
        Principal lim = ((SignIn.Success) access.signIn("lim", "duty-pass-1", "desk-1", false)).principal();
        PasswordRejected wrong = assertThrows(PasswordRejected.class,
                () -> access.changePassword(lim, "not-it-at-all", "new-pass-22"));
        assertEquals(PasswordRejected.Reason.WRONG_CURRENT, wrong.reason());
        assertEquals(PasswordRejected.Reason.TOO_SHORT, assertThrows(PasswordRejected.class,
                () -> access.changePassword(lim, "duty-pass-1", "short")).reason());
        access.changePassword(lim, "duty-pass-1", "new-pass-22");
        assertInstanceOf(SignIn.WrongPassword.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "new-pass-22", "desk-1", false));
        assertTrue(actions().contains("PASSWORD_CHANGE"));
    }

    @Test
    void wrongCurrentPasswordsAtAChangeAreAuditedAndCountTowardsTheLockOut() {
        Principal lim = ((SignIn.Success) access.signIn("lim", "duty-pass-1", "desk-1", false)).principal();
        for (int i = 0; i < 4; i++) {
            assertEquals(PasswordRejected.Reason.WRONG_CURRENT, assertThrows(PasswordRejected.class,
                    () -> access.changePassword(lim, "guess-guess", "new-pass-22")).reason());
        }
        assertEquals(4, actions().stream().filter("LOGIN_FAILED"::equals).count(), "each wrong guess stays in the trail");
        assertEquals(PasswordRejected.Reason.LOCKED, assertThrows(PasswordRejected.class,
                () -> access.changePassword(lim, "guess-guess", "new-pass-22")).reason(), "the fifth locks");
        assertEquals("LOCKOUT", actions().get(actions().size() - 1));
        assertEquals(PasswordRejected.Reason.LOCKED, assertThrows(PasswordRejected.class,
                () -> access.changePassword(lim, "duty-pass-1", "new-pass-22")).reason(), "locked: even the right one waits");
        assertInstanceOf(SignIn.Locked.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        now.set(now.get().plus(LockoutPolicy.defaults().lockFor()).plusSeconds(1));
        access.changePassword(lim, "duty-pass-1", "new-pass-22");
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "new-pass-22", "desk-1", false));
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @Test
    void administratorsCreateUsersWithSeveralRolesAndSwitchThemOff() {
        session.signIn(((SignIn.Success) access.signIn("admin", "admin-pass-1", "desk-1", false)).principal());
        access.createUser("wang", "王队", Set.of(Role.DUTY_COMMANDER, Role.ADMINISTRATOR), "wang-pass-1");
        Principal wang = ((SignIn.Success) access.signIn("wang", "wang-pass-1", "desk-2", false)).principal();
        assertTrue(wang.may(Permission.DISPATCH) && wang.may(Permission.MANAGE_USERS));
        assertEquals(PasswordRejected.Reason.LOGIN_TAKEN, assertThrows(PasswordRejected.class,
                () -> access.createUser("wang", "x", Set.of(Role.TRAINEE), "12345678")).reason());
        access.setRoles("wang", Set.of(Role.WALL_DISPLAY));
        Principal wall = ((SignIn.Success) access.signIn("wang", "wang-pass-1", "desk-2", false)).principal();
        assertFalse(wall.mayRunBackgroundWriters());
        access.setActive("wang", false);
        assertEquals(new SignIn.Disabled(), access.signIn("wang", "wang-pass-1", "desk-2", false));
        assertTrue(actions().containsAll(List.of("USER_CREATE", "USER_ROLES", "USER_ACTIVE")));
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @Test
    void anAdministratorCannotSwitchThemselfOffNorDropTheirOwnAdministratorRoleButAnotherAdministratorCan() {
        session.signIn(((SignIn.Success) access.signIn("admin", "admin-pass-1", "desk-1", false)).principal());
        assertEquals(PasswordRejected.Reason.SELF_DISABLE, assertThrows(PasswordRejected.class,
                () -> access.setActive("admin", false)).reason());
        assertEquals(PasswordRejected.Reason.SELF_ADMIN_ROLE, assertThrows(PasswordRejected.class,
                () -> access.setRoles("admin", Set.of(Role.COMMAND_LEADER))).reason());
        UserAccount self = access.users().stream().filter(u -> u.login().equals("admin")).findFirst().orElseThrow();
        assertTrue(self.active(), "still switched on");
        assertEquals(Set.of(Role.ADMINISTRATOR), self.roles(), "roles untouched");
        assertFalse(actions().contains("USER_ACTIVE") || actions().contains("USER_ROLES"), "nothing was changed");

        access.setRoles("admin", Set.of(Role.ADMINISTRATOR, Role.COMMAND_LEADER));
        access.setActive("admin", true);
        assertEquals(Set.of(Role.ADMINISTRATOR, Role.COMMAND_LEADER), access.users().stream()
                .filter(u -> u.login().equals("admin")).findFirst().orElseThrow().roles(), "adding a role to oneself is fine");

        access.createUser("zhao", "赵二", Set.of(Role.ADMINISTRATOR), "zhao-pass-1");
        session.signIn(((SignIn.Success) access.signIn("zhao", "zhao-pass-1", "desk-2", false)).principal());
        access.setRoles("admin", Set.of(Role.COMMAND_LEADER));
        access.setActive("admin", false);
        assertEquals(new SignIn.Disabled(), access.signIn("admin", "admin-pass-1", "desk-1", false));
    }

    @Test
    void theFirstUsersAreCreatedOnceOnly() {
        assertFalse(access.createFirstUsers(List.of(
                new AccessService.NewUser("other", "x", Set.of(Role.ADMINISTRATOR), "12345678")), "desk-1"));
        assertInstanceOf(SignIn.WrongPassword.class, access.signIn("other", "12345678", "desk-1", false));
    }
}
