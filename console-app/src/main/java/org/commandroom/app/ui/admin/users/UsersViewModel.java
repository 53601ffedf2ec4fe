package org.commandroom.app.ui.admin.users;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordRejected;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.UserAccount;

/**
 * The user-administration tab's state: the users as {@link AccessService#users()} lists them, the one selected, and
 * the administrator's actions on it (new user, roles, password reset, unlock, switch off or on). Every call to the
 * service runs on the I/O executor (a password hash takes tens of milliseconds); meanwhile {@link #busyProperty()}
 * holds and a second action is ignored. After each change the list is read again in the same background task.
 * The service decides what is allowed (the permission, an administrator's own account); this class only turns its
 * refusals into the administrator's words.
 */
public final class UsersViewModel {

    /** Asks the administrator to confirm; runs {@code onYes} (on the FX thread) only if they do. */
    @FunctionalInterface
    public interface Confirmer {
        void ask(String title, String question, String action, Runnable onYes);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter SIGNED_IN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<AccessService> access;
    private final Supplier<Principal> self;
    private final Tasks tasks;
    private final I18n i18n;
    private final Clock clock;
    private final Confirmer confirmer;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final ObservableList<UserAccount> readOnlyUsers = FXCollections.unmodifiableObservableList(users);
    private final ReadOnlyObjectWrapper<UserAccount> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final BooleanBinding canAct = selected.isNotNull().and(busy.not());
    private final BooleanBinding canUnlock = canAct.and(Bindings.createBooleanBinding(() -> {
        UserAccount u = selected.get();
        return u != null && (u.failedAttempts() > 0 || u.lockedUntil() != null);
    }, selected));
    private final BooleanBinding selectedActive = Bindings.createBooleanBinding(
            () -> selected.get() == null || selected.get().active(), selected);

    /**
     * @param access    the user service (null while the database is not open)
     * @param self      who is signed in at this workstation (the session's principal)
     * @param confirmer asks before a user is switched off or on
     */
    public UsersViewModel(Supplier<AccessService> access, Supplier<Principal> self, Tasks tasks, I18n i18n, Clock clock,
                          Confirmer confirmer) {
        this.access = access;
        this.self = self;
        this.tasks = tasks;
        this.i18n = i18n;
        this.clock = clock;
        this.confirmer = confirmer;
    }

    // ---- reading ----

    /** Reads the users again in the background; the selection follows its user by log-in name. */
    public void refresh() {
        AccessService service = service();
        if (service == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.run(service::users, list -> {
            busy.set(false);
            apply(list);
        }, e -> {
            busy.set(false);
            say(e instanceof AccessDenied ? i18n.tr("admin.users.denied")
                    : i18n.tr("admin.users.loadFailed", Failures.text(e, i18n)), true);
        });
    }

    private void apply(List<UserAccount> list) {
        UserAccount was = selected.get();
        users.setAll(list);
        selected.set(was == null ? null
                : list.stream().filter(u -> u.login().equals(was.login())).findFirst().orElse(null));
    }

    /** The table's selection (null for none). */
    public void select(UserAccount user) {
        selected.set(user);
    }

    // ---- forms ----

    /** An empty form for a new user. */
    public UserForm newUserForm() {
        return new UserForm(UserForm.Mode.CREATE, null);
    }

    /** The selected user's roles, ticked; null when none is selected. */
    public UserForm rolesForm() {
        return selected.get() == null ? null : new UserForm(UserForm.Mode.ROLES, selected.get());
    }

    /** A new password for the selected user; null when none is selected. */
    public UserForm resetForm() {
        return selected.get() == null ? null : new UserForm(UserForm.Mode.RESET, selected.get());
    }

    /**
     * Checks what can be checked at once (a log-in name, a role, the password typed the same twice), then saves the
     * form in the background; on success the form is done and the list read again, else the form says why.
     */
    public void submit(UserForm form) {
        if (busy.get()) {
            return;
        }
        String login = form.loginProperty().get() == null ? "" : form.loginProperty().get().strip();
        Set<Role> roles = form.roles();
        String pw = form.passwordProperty().get() == null ? "" : form.passwordProperty().get();
        switch (form.mode()) {
            case CREATE -> {
                if (login.isEmpty()) {
                    form.refuse(i18n.tr("admin.users.loginEmpty"));
                    return;
                }
                if (roles.isEmpty()) {
                    form.refuse(i18n.tr("admin.users.noRole"));
                    return;
                }
                if (!mismatchChecked(form, pw)) {
                    return;
                }
                String name = form.displayNameProperty().get() == null ? "" : form.displayNameProperty().get().strip();
                change(form, s -> s.createUser(login, name, roles, pw),
                        () -> i18n.tr("admin.users.created", who(name.isEmpty() ? login : name, login)));
            }
            case ROLES -> {
                if (roles.isEmpty()) {
                    form.refuse(i18n.tr("admin.users.noRole"));
                    return;
                }
                UserAccount u = form.target();
                change(form, s -> s.setRoles(u.login(), roles),
                        () -> i18n.tr("admin.users.rolesSaved", who(u), rolesText(roles)));
            }
            case RESET -> {
                if (!mismatchChecked(form, pw)) {
                    return;
                }
                UserAccount u = form.target();
                change(form, s -> s.resetPassword(u.login(), pw), () -> i18n.tr("admin.users.resetDone", who(u)));
            }
        }
    }

    private boolean mismatchChecked(UserForm form, String pw) {
        if (!pw.equals(form.repeatProperty().get() == null ? "" : form.repeatProperty().get())) {
            form.clearPasswords();
            form.refuse(i18n.tr("admin.users.mismatch"));
            return false;
        }
        return true;
    }

    // ---- actions on the selected user ----

    /** Lifts the selected user's lock-out and clears the count of wrong passwords. */
    public void unlock() {
        UserAccount u = selected.get();
        if (u == null || busy.get()) {
            return;
        }
        change(null, s -> s.unlock(u.login()), () -> i18n.tr("admin.users.unlocked", who(u)));
    }

    /**
     * Switches the selected user off (or on again) once the administrator confirms. Switching oneself off is refused
     * at once, without the question (the service refuses it too).
     */
    public void toggleActive() {
        UserAccount u = selected.get();
        if (u == null || busy.get()) {
            return;
        }
        boolean off = u.active();
        if (off && isSelf(u)) {
            say(i18n.tr("admin.users.selfDisable"), true);
            return;
        }
        String title = i18n.tr(off ? "admin.users.disable.title" : "admin.users.enable.title");
        String question = off ? i18n.tr("admin.users.disable.question", who(u))
                : i18n.tr("admin.users.enable.question", who(u));
        String action = i18n.tr(off ? "admin.users.disable" : "admin.users.enable");
        confirmer.ask(title, question, action, () -> change(null, s -> s.setActive(u.login(), !off),
                () -> i18n.tr(off ? "admin.users.disabled" : "admin.users.enabled", who(u))));
    }

    @FunctionalInterface
    private interface Change {
        void apply(AccessService service);
    }

    /** Runs one change and reads the list again, both in the background; says the outcome in words. */
    private void change(UserForm form, Change change, Supplier<String> done) {
        AccessService service = service();
        if (service == null) {
            if (form != null) {
                form.refuse(i18n.tr("admin.users.notReady"));
            }
            return;
        }
        busy.set(true);
        if (form != null) {
            form.refuse("");
        }
        tasks.run(() -> {
            change.apply(service);
            return service.users();
        }, list -> {
            busy.set(false);
            apply(list);
            if (form != null) {
                form.finish();
            }
            say(done.get(), false);
        }, e -> {
            busy.set(false);
            String text = refusal(e, service, form);
            if (form != null) {
                form.refuse(text);
            } else {
                say(text, true);
            }
        });
    }

    private String refusal(Exception e, AccessService service, UserForm form) {
        if (e instanceof AccessDenied) {
            return i18n.tr("admin.users.denied");
        }
        if (e instanceof PasswordRejected r) {
            if (form != null && r.reason() == PasswordRejected.Reason.TOO_SHORT) {
                form.clearPasswords();
            }
            return switch (r.reason()) {
                case TOO_SHORT -> i18n.tr("admin.users.tooShort", service.policy().minPasswordLength());
                case LOGIN_TAKEN -> i18n.tr("admin.users.loginTaken",
                        form == null ? "" : form.loginProperty().get().strip());
                case BAD_LOGIN -> i18n.tr("admin.users.badLogin");
                case NO_ROLE -> i18n.tr("admin.users.noRole");
                case UNKNOWN_USER -> i18n.tr("admin.users.unknown");
                case SELF_DISABLE -> i18n.tr("admin.users.selfDisable");
                case SELF_ADMIN_ROLE -> i18n.tr("admin.users.selfAdmin");
                case WRONG_CURRENT, LOCKED -> i18n.tr("admin.users.notAccepted");
            };
        }
        return i18n.tr("admin.users.failed", Failures.text(e, i18n));
    }

    private AccessService service() {
        AccessService service = access.get();
        if (service == null) {
            say(i18n.tr("admin.users.notReady"), true);
        }
        return service;
    }

    private void say(String text, boolean isRefusal) {
        message.set(text);
        refused.set(isRefusal);
    }

    /** The shortest password the service takes (for the forms' hint). */
    public int minPasswordLength() {
        AccessService service = access.get();
        return (service == null ? LockoutPolicy.defaults() : service.policy()).minPasswordLength();
    }

    // ---- texts for the table ----

    /** Whether the user is the one signed in here. */
    public boolean isSelf(UserAccount u) {
        Principal p = self.get();
        return p != null && p.signedIn() && p.login().equals(u.login());
    }

    /** The user's name, marked when it is the administrator's own account. */
    public String nameText(UserAccount u) {
        return isSelf(u) ? i18n.tr("admin.users.self", u.displayName()) : u.displayName();
    }

    /** The roles in Chinese (or the console's language), in the order of {@link Role}. */
    public String rolesText(Set<Role> roles) {
        return roles.stream().sorted().map(i18n::label).collect(Collectors.joining(i18n.tr("admin.users.roleSeparator")));
    }

    public String statusText(UserAccount u) {
        if (!u.active()) {
            return i18n.tr("admin.users.status.off");
        }
        return u.lockedAt(clock.instant()) ? i18n.tr("admin.users.status.locked") : i18n.tr("admin.users.status.active");
    }

    /** When the lock-out ends in the station's time, or empty when the user is not locked now. */
    public String lockedUntilText(UserAccount u) {
        return u.lockedAt(clock.instant()) ? WHEN.format(u.lockedUntil().atZone(clock.getZone())) : "";
    }

    /** The wrong passwords in a row since the last good one, or empty for none. */
    public String failuresText(UserAccount u) {
        return u.failedAttempts() > 0 ? Integer.toString(u.failedAttempts()) : "";
    }

    /** The last accepted sign-in, "2026-12-07 08:30 · workstation", or that there was none. */
    public String lastSignInText(UserAccount u) {
        if (u.lastSignInAt() == null) {
            return i18n.tr("admin.users.neverSignedIn");
        }
        String when = SIGNED_IN.format(u.lastSignInAt().atZone(clock.getZone()));
        String where = u.lastSignInWorkstation();
        return where == null || where.isBlank() ? when : i18n.tr("admin.users.lastSignIn", when, where);
    }

    /** Attempts refused since the last accepted sign-in (wrong passwords, tries while locked), or empty for none. */
    public String failedSinceText(UserAccount u) {
        return u.failedSinceSignIn() > 0 ? Integer.toString(u.failedSinceSignIn()) : "";
    }

    /** Whether the user is locked out at this moment. */
    public boolean lockedNow(UserAccount u) {
        return u.lockedAt(clock.instant());
    }

    private String who(UserAccount u) {
        return who(u.displayName(), u.login());
    }

    private String who(String name, String login) {
        return i18n.tr("admin.users.who", name, login);
    }

    // ---- properties ----

    public ObservableList<UserAccount> users() {
        return readOnlyUsers;
    }

    public ReadOnlyObjectProperty<UserAccount> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message says no (shown in the danger colour). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** A user is selected and nothing runs: roles, reset and switching off or on are offered. */
    public BooleanBinding canActProperty() {
        return canAct;
    }

    /** As {@link #canActProperty()}, and the user has wrong passwords counted or a lock-out to lift. */
    public BooleanBinding canUnlockProperty() {
        return canUnlock;
    }

    /** Whether the selected user is switched on (the button then offers to switch them off). */
    public BooleanBinding selectedActiveProperty() {
        return selectedActive;
    }
}
