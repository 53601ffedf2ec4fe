package org.commandroom.app.ui.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
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
import org.commandroom.core.access.UserAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user-administration tab's view model against the real AccessService on a migrated H2, signed in as "zhou". */
class UsersViewModelTest {

    private final Fixture fx = Fixture.inMemory();
    private final Session session = new Session("desk-1");
    private final AccessService access = new AccessService(fx.db.jdbi(), fx.clock,
            AccessGuard.of(fx.db.jdbi(), fx.clock, session), new PasswordHasher(), LockoutPolicy.defaults());
    /** The questions asked, and whether the administrator says yes. */
    private final List<String> asked = new ArrayList<>();
    private boolean answerYes = true;

    @BeforeEach
    void users() {
        access.createFirstUsers(List.of(
                new AccessService.NewUser("zhou", "周敏", Set.of(Role.ADMINISTRATOR), "admin-pass-1"),
                new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1")), "desk-1");
        signInAs("zhou", "admin-pass-1");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void signInAs(String login, String password) {
        session.signIn(((SignIn.Success) access.signIn(login, password, "desk-1", false)).principal());
    }

    private UsersViewModel vm(Locale locale, Supplier<Principal> self) {
        return new UsersViewModel(() -> access, self, new Tasks(Runnable::run, Runnable::run), I18n.load(locale),
                fx.clock, (title, question, action, yes) -> {
                    asked.add(question);
                    if (answerYes) {
                        yes.run();
                    }
                });
    }

    private UsersViewModel vm() {
        UsersViewModel vm = vm(Locale.SIMPLIFIED_CHINESE, session::current);
        vm.refresh();
        return vm;
    }

    private static UserAccount row(UsersViewModel vm, String login) {
        return vm.users().stream().filter(u -> u.login().equals(login)).findFirst().orElseThrow();
    }

    private static void select(UsersViewModel vm, String login) {
        vm.select(row(vm, login));
    }

    private void lockOut(String login) {
        for (int i = 0; i < LockoutPolicy.defaults().maxFailures(); i++) {
            access.signIn(login, "wrong-" + i, "desk-2", false);
        }
    }

    @Test
    void theListShowsEachUserWithRolesInChineseTheirStateAndTheAdministratorsOwnRowMarked() {
        access.createUser("wang", "王五", Set.of(Role.ADMINISTRATOR, Role.DUTY_COMMANDER), "wang-pass-1");
        UsersViewModel vm = vm();
        assertEquals(List.of("lim", "wang", "zhou"), vm.users().stream().map(UserAccount::login).toList());
        assertEquals("值班长、管理员", vm.rolesText(row(vm, "wang").roles()));
        assertEquals("周敏（本人）", vm.nameText(row(vm, "zhou")));
        assertEquals("李明", vm.nameText(row(vm, "lim")));
        assertEquals("正常", vm.statusText(row(vm, "lim")));
        assertEquals("", vm.failuresText(row(vm, "lim")));
        assertFalse(vm.canActProperty().get(), "nothing selected, nothing offered but a new user");
        select(vm, "lim");
        assertTrue(vm.canActProperty().get());
        assertFalse(vm.canUnlockProperty().get(), "nothing to unlock");
        UsersViewModel english = vm(Locale.ENGLISH, session::current);
        english.refresh();
        assertEquals("Duty commander, Administrator", english.rolesText(row(english, "wang").roles()));
        assertEquals("周敏 (you)", english.nameText(row(english, "zhou")));
    }

    @Test
    void aSignInShowsAsTheLastSignInWithItsWorkstationAndRefusedAttemptsCountUntilTheNext() {
        UsersViewModel vm = vm();
        assertEquals("从未登录", vm.lastSignInText(row(vm, "lim")));
        assertEquals(vm.lastSignInText(row(vm, "zhou")), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(fx.clock.instant().atZone(fx.clock.getZone())) + " · desk-1", "zhou signed in at set-up");

        fx.clock.advance(java.time.Duration.ofHours(2));
        access.signIn("lim", "duty-pass-1", "desk-3", false);
        fx.clock.advance(java.time.Duration.ofHours(1));
        access.signIn("lim", "wrong-1", "desk-9", false);
        access.signIn("lim", "wrong-2", "desk-9", false);
        vm.refresh();
        String signedIn = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(fx.clock.instant().minus(java.time.Duration.ofHours(1)).atZone(fx.clock.getZone()));
        assertEquals(signedIn + " · desk-3", vm.lastSignInText(row(vm, "lim")), "a refused attempt is no sign-in");
        assertEquals("2", vm.failedSinceText(row(vm, "lim")));

        // a lock-out and the administrator's unlock clear the wrong passwords in a row, not the count since sign-in
        lockOut("lim");
        access.signIn("lim", "duty-pass-1", "desk-9", false);
        select(vm, "lim");
        vm.unlock();
        vm.refresh();
        assertEquals("", vm.failuresText(row(vm, "lim")));
        assertEquals(Integer.toString(2 + LockoutPolicy.defaults().maxFailures() + 1), vm.failedSinceText(row(vm, "lim")));

        access.signIn("lim", "duty-pass-1", "desk-4", false);
        vm.refresh();
        assertTrue(vm.lastSignInText(row(vm, "lim")).endsWith(" · desk-4"));
        assertEquals("", vm.failedSinceText(row(vm, "lim")));
    }

    @Test
    void aNewUserWithTwoRolesIsListedAndSignsInWithBoth() {
        UsersViewModel vm = vm();
        UserForm form = vm.newUserForm();
        form.loginProperty().set(" wang ");
        form.displayNameProperty().set("王五");
        form.roleProperty(Role.DUTY_COMMANDER).set(true);
        form.roleProperty(Role.ADMINISTRATOR).set(true);
        form.passwordProperty().set("wang-pass-1");
        form.repeatProperty().set("wang-pass-1");
        vm.submit(form);
        assertTrue(form.doneProperty().get(), form.errorProperty().get());
        assertEquals("已创建用户 王五（wang）。", vm.messageProperty().get());
        assertFalse(vm.refusedProperty().get());
        assertEquals("", form.passwordProperty().get(), "no password stays in the form");
        assertEquals("值班长、管理员", vm.rolesText(row(vm, "wang").roles()), "the list was read again");
        Principal wang = assertInstanceOf(SignIn.Success.class, access.signIn("wang", "wang-pass-1", "desk-2", false))
                .principal();
        assertEquals(Set.of(Role.DUTY_COMMANDER, Role.ADMINISTRATOR), wang.roles());
        assertEquals("王五", wang.displayName());
    }

    @Test
    void aNewUserFormIsRefusedInTheAdministratorsWordsAndNothingIsCreated() {
        UsersViewModel vm = vm();
        UserForm form = vm.newUserForm();
        vm.submit(form);
        assertEquals("请输入用户名。", form.errorProperty().get());
        form.loginProperty().set("wang");
        vm.submit(form);
        assertEquals("请至少选择一个角色。", form.errorProperty().get());
        form.roleProperty(Role.TRAINEE).set(true);
        form.passwordProperty().set("wang-pass-1");
        form.repeatProperty().set("wang-pass-2");
        vm.submit(form);
        assertEquals("两次输入的密码不一致，请重新输入。", form.errorProperty().get());
        assertEquals("", form.passwordProperty().get(), "both emptied to be typed again");
        assertEquals("", form.repeatProperty().get());
        form.passwordProperty().set("short");
        form.repeatProperty().set("short");
        vm.submit(form);
        assertEquals("密码至少需要 8 个字符，请重新输入。", form.errorProperty().get());
        form.loginProperty().set("lim");
        form.passwordProperty().set("long-enough-1");
        form.repeatProperty().set("long-enough-1");
        vm.submit(form);
        assertEquals("用户名“lim”已被使用，请换一个。", form.errorProperty().get());
        form.loginProperty().set("wang wu");
        vm.submit(form);
        assertEquals("用户名只能由字母、数字和 . _ @ - 组成（最多 64 个字符）。", form.errorProperty().get());
        assertFalse(form.doneProperty().get());
        assertEquals(2, vm.users().size());
        assertEquals(2, access.users().size(), "nothing was created");
    }

    @Test
    void theRolesFormStartsWithTheUsersRolesAndSavesTheNewOnes() {
        UsersViewModel vm = vm();
        select(vm, "lim");
        UserForm form = vm.rolesForm();
        assertTrue(form.roleProperty(Role.DUTY_COMMANDER).get());
        assertFalse(form.roleProperty(Role.COMMAND_LEADER).get());
        form.roleProperty(Role.DUTY_COMMANDER).set(false);
        vm.submit(form);
        assertEquals("请至少选择一个角色。", form.errorProperty().get());
        form.roleProperty(Role.COMMAND_LEADER).set(true);
        form.roleProperty(Role.TRAINEE).set(true);
        vm.submit(form);
        assertTrue(form.doneProperty().get());
        assertEquals("已修改 李明（lim） 的角色：指挥长、演练学员。该用户下次登录时生效。", vm.messageProperty().get());
        assertEquals(Set.of(Role.COMMAND_LEADER, Role.TRAINEE), row(vm, "lim").roles());
        assertEquals("lim", vm.selectedProperty().get().login(), "the selection follows the user into the new list");
        assertEquals(Set.of(Role.COMMAND_LEADER, Role.TRAINEE), vm.selectedProperty().get().roles());
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndLiftsTheLock() {
        lockOut("lim");
        UsersViewModel vm = vm();
        select(vm, "lim");
        assertEquals("已锁定", vm.statusText(row(vm, "lim")));
        assertEquals("11-23 10:15", vm.lockedUntilText(row(vm, "lim")), "T0 is 10:00 in the station's time");
        UserForm form = vm.resetForm();
        form.passwordProperty().set("fresh-pass-2");
        form.repeatProperty().set("fresh-pass-3");
        vm.submit(form);
        assertEquals("两次输入的密码不一致，请重新输入。", form.errorProperty().get());
        form.passwordProperty().set("fresh-pass-2");
        form.repeatProperty().set("fresh-pass-2");
        vm.submit(form);
        assertTrue(form.doneProperty().get());
        assertEquals("已重置 李明（lim） 的密码，锁定同时解除。请当面告知本人，并请其登录后自行修改。", vm.messageProperty().get());
        assertEquals("正常", vm.statusText(row(vm, "lim")));
        assertInstanceOf(SignIn.WrongPassword.class, access.signIn("lim", "duty-pass-1", "desk-2", false));
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "fresh-pass-2", "desk-2", false));
    }

    @Test
    void unlockLiftsTheLockOutAndClearsTheCount() {
        access.signIn("lim", "wrong-a", "desk-2", false);
        access.signIn("lim", "wrong-b", "desk-2", false);
        UsersViewModel vm = vm();
        select(vm, "lim");
        assertEquals("2", vm.failuresText(row(vm, "lim")));
        assertTrue(vm.canUnlockProperty().get(), "two wrong passwords counted: unlock clears them");
        lockOut("lim");
        vm.refresh();
        assertTrue(vm.lockedNow(row(vm, "lim")));
        vm.unlock();
        assertEquals("已解锁 李明（lim），输错次数已清零。", vm.messageProperty().get());
        assertFalse(vm.lockedNow(row(vm, "lim")));
        assertEquals("", vm.failuresText(row(vm, "lim")));
        assertFalse(vm.canUnlockProperty().get());
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-2", false));
    }

    @Test
    void switchingAUserOffIsAskedFirstAndADeclinedQuestionChangesNothing() {
        UsersViewModel vm = vm();
        select(vm, "lim");
        answerYes = false;
        vm.toggleActive();
        assertEquals(List.of("确定停用 李明（lim） 吗？停用后该用户不能再登录，直到管理员重新启用。"), asked);
        assertTrue(row(vm, "lim").active());
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-2", false));

        answerYes = true;
        vm.toggleActive();
        assertEquals("已停用 李明（lim），该用户不能再登录。", vm.messageProperty().get());
        assertEquals("已停用", vm.statusText(row(vm, "lim")));
        assertFalse(vm.selectedActiveProperty().get(), "the button now offers to switch on");
        assertEquals(new SignIn.Disabled(), access.signIn("lim", "duty-pass-1", "desk-2", false));

        vm.toggleActive();
        assertEquals("确定重新启用 李明（lim） 吗？启用后该用户可以用原密码登录。", asked.get(asked.size() - 1));
        assertEquals("已启用 李明（lim）。", vm.messageProperty().get());
        assertInstanceOf(SignIn.Success.class, access.signIn("lim", "duty-pass-1", "desk-2", false));
    }

    @Test
    void anAdministratorSwitchingThemselfOffIsRefusedWithoutAQuestion() {
        UsersViewModel vm = vm();
        select(vm, "zhou");
        vm.toggleActive();
        assertTrue(asked.isEmpty(), "no question for what cannot be done");
        assertEquals("不能停用自己的账号。如确需停用，请由另一位管理员操作。", vm.messageProperty().get());
        assertTrue(vm.refusedProperty().get());
        assertTrue(row(vm, "zhou").active());
    }

    @Test
    void theServiceRefusesSwitchingOneselfOffEvenWhenTheScreenDoesNotKnowWhoIsSignedIn() {
        UsersViewModel vm = vm(Locale.SIMPLIFIED_CHINESE, () -> null);
        vm.refresh();
        select(vm, "zhou");
        vm.toggleActive();
        assertEquals(1, asked.size());
        assertEquals("不能停用自己的账号。如确需停用，请由另一位管理员操作。", vm.messageProperty().get());
        assertTrue(access.users().stream().filter(u -> u.login().equals("zhou")).findFirst().orElseThrow().active());
    }

    @Test
    void anAdministratorCannotTakeTheAdministratorRoleFromThemself() {
        UsersViewModel vm = vm();
        select(vm, "zhou");
        UserForm form = vm.rolesForm();
        form.roleProperty(Role.ADMINISTRATOR).set(false);
        form.roleProperty(Role.COMMAND_LEADER).set(true);
        vm.submit(form);
        assertEquals("不能取消自己的管理员角色。如确需取消，请由另一位管理员操作。", form.errorProperty().get());
        assertFalse(form.doneProperty().get());
        assertEquals(Set.of(Role.ADMINISTRATOR), row(vm, "zhou").roles());
    }

    @Test
    void aUserWithoutTheRightToManageUsersIsToldSoInWords() {
        UsersViewModel vm = vm();
        signInAs("lim", "duty-pass-1");
        vm.refresh();
        assertEquals("当前用户没有管理用户的权限，操作未执行（已记入审计日志）。", vm.messageProperty().get());
        assertTrue(vm.refusedProperty().get());
        UserForm form = vm.newUserForm();
        form.loginProperty().set("wang");
        form.roleProperty(Role.ADMINISTRATOR).set(true);
        form.passwordProperty().set("wang-pass-1");
        form.repeatProperty().set("wang-pass-1");
        vm.submit(form);
        assertEquals("当前用户没有管理用户的权限，操作未执行（已记入审计日志）。", form.errorProperty().get());
        int count = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user")
                .mapTo(Integer.class).one());
        assertEquals(2, count, "nothing was created");
    }

    @Test
    void whileAChangeRunsTheActionsAreOffAndASecondOneIsIgnored() {
        List<Runnable> queued = new ArrayList<>();
        UsersViewModel vm = new UsersViewModel(() -> access, session::current, new Tasks(queued::add, Runnable::run),
                I18n.load(Locale.SIMPLIFIED_CHINESE), fx.clock, (t, q, a, yes) -> yes.run());
        vm.refresh();
        assertTrue(vm.busyProperty().get());
        queued.remove(0).run();
        assertFalse(vm.busyProperty().get());
        select(vm, "lim");
        vm.unlock();
        assertTrue(vm.busyProperty().get());
        assertFalse(vm.canActProperty().get(), "buttons off while the service works");
        vm.toggleActive();
        vm.submit(vm.resetForm());
        assertEquals(1, queued.size(), "nothing else was started");
        queued.remove(0).run();
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.canActProperty().get());
    }

    @Test
    void aClosedDatabaseIsSaidWithoutAnExceptionText() {
        UsersViewModel vm = new UsersViewModel(() -> null, session::current, new Tasks(Runnable::run, Runnable::run),
                I18n.load(Locale.SIMPLIFIED_CHINESE), fx.clock, (t, q, a, yes) -> yes.run());
        vm.refresh();
        assertEquals("数据库尚未打开，请稍候再试。", vm.messageProperty().get());
        assertNull(vm.selectedProperty().get());
    }
}
