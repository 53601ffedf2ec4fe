package org.commandroom.app.ui.admin.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.commandroom.core.access.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's own password change against the real AccessService on a migrated H2. */
class PasswordChangeViewModelTest {

    private final Fixture fx = Fixture.inMemory();
    private final Session session = new Session("desk-1");
    private final AccessService access = new AccessService(fx.db.jdbi(), fx.clock,
            AccessGuard.of(fx.db.jdbi(), fx.clock, session), new PasswordHasher(), LockoutPolicy.defaults());
    private Principal lim;

    @BeforeEach
    void signIn() {
        access.createFirstUsers(List.of(new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER),
                "duty-pass-1")), "desk-1");
        lim = ((SignIn.Success) access.signIn("lim", "duty-pass-1", "desk-1", false)).principal();
        session.signIn(lim);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private PasswordChangeViewModel vm(Locale locale) {
        return new PasswordChangeViewModel(() -> access, lim, new Tasks(Runnable::run, Runnable::run), I18n.load(locale));
    }

    private static void fill(PasswordChangeViewModel vm, String current, String next, String repeat) {
        vm.currentProperty().set(current);
        vm.replacementProperty().set(next);
        vm.repeatProperty().set(repeat);
        vm.submit();
    }

    private long failedLogins() {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED'")
                .mapTo(Long.class).one());
    }

    @Test
    void theRightCurrentPasswordChangesItAndOnlyTheNewOneSignsIn() {
        PasswordChangeViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        fill(vm, "duty-pass-1", "new-pass-22", "new-pass-22");
        assertTrue(vm.doneProperty().get(), vm.messageProperty().get());
        assertEquals("密码已修改。", vm.messageProperty().get());
        assertFalse(vm.refusedProperty().get());
        assertEquals(List.of("", "", ""), List.of(vm.currentProperty().get(), vm.replacementProperty().get(),
                vm.repeatProperty().get()), "no password stays in the form");
        assertInstanceOf(SignIn.WrongPassword.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "new-pass-22", "desk-1", false));
    }

    @Test
    void aWrongCurrentPasswordIsSaidAsSuchAndTheCursorGoesBackToIt() {
        PasswordChangeViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        fill(vm, "not-it-at-all", "new-pass-22", "new-pass-22");
        assertEquals("当前密码不正确。连续输错多次，该用户将被锁定。", vm.messageProperty().get());
        assertTrue(vm.refusedProperty().get());
        assertEquals(PasswordChangeViewModel.Field.CURRENT, vm.retryProperty().get());
        assertEquals("", vm.currentProperty().get());
        assertEquals("new-pass-22", vm.replacementProperty().get(), "the new one need not be typed again");
        assertFalse(vm.doneProperty().get());
        assertEquals(1, failedLogins(), "the wrong guess is in the audit trail");
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
    }

    @Test
    void twoDifferentNewPasswordsAreRefusedBeforeTheServiceIsAsked() {
        PasswordChangeViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        fill(vm, "duty-pass-1", "new-pass-22", "new-pass-23");
        assertEquals("两次输入的新密码不一致，请重新输入。", vm.messageProperty().get());
        assertEquals(PasswordChangeViewModel.Field.REPLACEMENT, vm.retryProperty().get());
        assertEquals("", vm.replacementProperty().get());
        assertEquals("", vm.repeatProperty().get());
        assertEquals("duty-pass-1", vm.currentProperty().get());
        assertEquals(0, failedLogins());
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
    }

    @Test
    void aTooShortNewPasswordIsRefusedByThePolicyWithItsLength() {
        PasswordChangeViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        fill(vm, "duty-pass-1", "short", "short");
        assertEquals("新密码至少需要 8 个字符，请重新输入。", vm.messageProperty().get());
        assertEquals(PasswordChangeViewModel.Field.REPLACEMENT, vm.retryProperty().get());
        vm.currentProperty().set("");
        vm.submit();
        assertEquals("请输入当前密码。", vm.messageProperty().get());
        vm.currentProperty().set("duty-pass-1");
        vm.submit();
        assertEquals("请输入新密码。", vm.messageProperty().get());
        PasswordChangeViewModel english = vm(Locale.ENGLISH);
        fill(english, "duty-pass-1", "short", "short");
        assertEquals("A new password has at least 8 characters; type it again.", english.messageProperty().get());
    }

    @Test
    void repeatedWrongCurrentPasswordsLockTheUserAndSaySo() {
        PasswordChangeViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        for (int i = 0; i < LockoutPolicy.defaults().maxFailures(); i++) {
            fill(vm, "guess-" + i, "new-pass-22", "new-pass-22");
        }
        assertEquals("连续输错次数过多，该用户已被锁定。请稍后再试，或请管理员重置密码。", vm.messageProperty().get());
        fill(vm, "duty-pass-1", "new-pass-22", "new-pass-22");
        assertEquals("连续输错次数过多，该用户已被锁定。请稍后再试，或请管理员重置密码。", vm.messageProperty().get(),
                "locked: even the right one waits");
        assertInstanceOf(SignIn.Locked.class, access.signIn("lim", "duty-pass-1", "desk-1", false));
    }

    @Test
    void aClosedDatabaseIsSaidAndNothingElseHappens() {
        PasswordChangeViewModel vm = new PasswordChangeViewModel(() -> null, lim, new Tasks(Runnable::run, Runnable::run),
                I18n.load(Locale.SIMPLIFIED_CHINESE));
        fill(vm, "duty-pass-1", "new-pass-22", "new-pass-22");
        assertEquals("数据库尚未打开，请稍候再试。", vm.messageProperty().get());
        assertNull(vm.retryProperty().get());
        assertFalse(vm.doneProperty().get());
    }
}
