package org.commandroom.app.ui.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

    private final Fixture fx = Fixture.inMemory();
    private final Session session = new Session("desk-1");
    private final AccessService access = new AccessService(fx.db.jdbi(), fx.clock, AccessGuard.trusted(),
            new PasswordHasher(), new LockoutPolicy(2, Duration.ofMinutes(15), 8));
    private final AtomicReference<Principal> signedIn = new AtomicReference<>();

    private LoginViewModel vm(Locale locale) {
        LoginViewModel vm = new LoginViewModel(() -> access, session, new Tasks(Runnable::run, Runnable::run),
                I18n.load(locale), fx.clock, false);
        vm.setOnSignedIn(signedIn::set);
        return vm;
    }

    private static void attempt(LoginViewModel vm, String user, String password) {
        vm.loginProperty().set(user);
        vm.passwordProperty().set(password);
        vm.signIn();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aLockedUserIsToldUntilWhenInTheStationsTime() {
        access.createFirstUsers(List.of(new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER),
                "duty-pass-1")), "desk-1");
        LoginViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        attempt(vm, "lim", "wrong-1");
        assertEquals("用户名或密码不正确。再输错 1 次，该用户将被锁定。", vm.messageProperty().get());
        attempt(vm, "lim", "wrong-2");
        // T0 is 10:00 in Asia/Shanghai; locked for 15 minutes.
        assertEquals("该用户因多次输错密码已被锁定，请于 10:15 后再试，或请管理员重置密码。", vm.messageProperty().get());
        assertTrue(vm.refusedProperty().get());
        attempt(vm, "lim", "duty-pass-1");
        assertTrue(vm.messageProperty().get().startsWith("该用户因多次输错密码已被锁定"), "the right password waits too");
        assertFalse(session.current().signedIn());
    }

    @Test
    void theRightPasswordSignsTheSessionIn() {
        access.createFirstUsers(List.of(new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER),
                "duty-pass-1")), "desk-1");
        LoginViewModel vm = vm(Locale.ENGLISH);
        attempt(vm, " lim ", "duty-pass-1");
        assertEquals("李明", session.current().displayName());
        assertEquals(session.current(), signedIn.get());
        assertEquals("", vm.messageProperty().get());
        assertEquals("", vm.passwordProperty().get(), "the password does not stay in memory of the form");
    }

    @Test
    void emptyFieldsAndASwitchedOffUserAreSaidInTheConsolesLanguage() {
        access.createFirstUsers(List.of(new AccessService.NewUser("old", "老用户", Set.of(Role.DUTY_COMMANDER),
                "old-pass-11"), new AccessService.NewUser("admin", "管理员", Set.of(Role.ADMINISTRATOR), "admin-pass-1")),
                "desk-1");
        LoginViewModel vm = vm(Locale.ENGLISH);
        attempt(vm, "", "");
        assertEquals("Enter your user name and password.", vm.messageProperty().get());
        new AccessService(fx.db.jdbi(), fx.clock, AccessGuard.of(fx.db.jdbi(), fx.clock,
                new Principal(2, "admin", "管理员", Set.of(Role.ADMINISTRATOR), "desk-1", false)), new PasswordHasher(),
                LockoutPolicy.defaults()).setActive("old", false);
        attempt(vm, "old", "old-pass-11");
        assertEquals("This user has been switched off; ask an administrator.", vm.messageProperty().get());
    }

    @Test
    void anEmptyDatabaseAsksForItsFirstAdministratorWhoIsAlsoLeaderOnDuty() {
        LoginViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        vm.checkUsers();
        assertTrue(vm.firstUserProperty().get());
        vm.nameProperty().set("王所长");
        vm.loginProperty().set("wang");
        vm.passwordProperty().set("first-pass-1");
        vm.confirmProperty().set("first-pass-2");
        vm.createFirstUser();
        assertEquals("两次输入的密码不一致。", vm.messageProperty().get());
        vm.passwordProperty().set("short");
        vm.confirmProperty().set("short");
        vm.createFirstUser();
        assertEquals("密码至少需要 8 个字符。", vm.messageProperty().get());
        vm.passwordProperty().set("first-pass-1");
        vm.confirmProperty().set("first-pass-1");
        vm.createFirstUser();
        assertEquals("王所长", session.current().displayName());
        assertEquals(Set.of(Role.ADMINISTRATOR, Role.COMMAND_LEADER), session.current().roles());
        assertEquals(session.current(), signedIn.get());

        LoginViewModel second = vm(Locale.SIMPLIFIED_CHINESE);
        second.checkUsers();
        assertFalse(second.firstUserProperty().get(), "once there is a user, the screen signs in");
        assertFalse(access.createFirstUsers(List.of(new AccessService.NewUser("x", "x", Set.of(Role.ADMINISTRATOR),
                "12345678")), "desk-2"), "and no second 'first user' can be made");
    }

    @Test
    void aDatabaseThatCannotBeAskedIsSaidWithoutItsExceptionText() {
        fx.db.jdbi().useHandle(h -> h.execute("DROP TABLE app_user"));
        LoginViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        attempt(vm, "lim", "duty-pass-1");
        String m = vm.messageProperty().get();
        assertTrue(m.startsWith("无法验证："), m);
        assertFalse(m.contains("Exception") || m.contains("SQL") || m.contains("APP_USER"), m);
    }
}
