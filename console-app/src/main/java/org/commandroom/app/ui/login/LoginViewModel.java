package org.commandroom.app.ui.login;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Session;
import org.commandroom.core.access.SignIn;

/**
 * The log-in screen's state. Checking the password runs on the I/O executor (a hash takes tens of milliseconds);
 * the outcome is one line in the console's language: wrong user name or password (with the attempts left before
 * the lock), locked until when, switched off, or that the database could not be asked. The password is cleared
 * after every attempt. On success the workstation's {@link Session} is signed in and {@code onSignedIn} runs.
 */
public final class LoginViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Supplier<AccessService> access;
    private final Session session;
    private final Tasks tasks;
    private final I18n i18n;
    private final ZoneId zone;
    private final boolean drill;
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    /** The database has no user yet: the screen asks for the first administrator instead. */
    private final ReadOnlyBooleanWrapper firstUser = new ReadOnlyBooleanWrapper(this, "firstUser");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty confirm = new SimpleStringProperty(this, "confirm", "");
    private Consumer<Principal> onSignedIn = p -> { };

    /**
     * @param access the log-in service (it exists once the database is open)
     * @param drill  whether this workstation works on a drill database
     */
    public LoginViewModel(Supplier<AccessService> access, Session session, Tasks tasks, I18n i18n, Clock clock,
                          boolean drill) {
        this.access = access;
        this.session = session;
        this.tasks = tasks;
        this.i18n = i18n;
        this.zone = clock.getZone();
        this.drill = drill;
    }

    public void setOnSignedIn(Consumer<Principal> onSignedIn) {
        this.onSignedIn = onSignedIn;
    }

    /** Asks in the background whether the database has users yet (an empty one asks for its first administrator). */
    public void checkUsers() {
        AccessService service = access.get();
        if (service == null) {
            return;
        }
        tasks.run(service::hasUsers, has -> firstUser.set(!has), e -> show(i18n.tr("login.failed", Failures.text(e, i18n)), true));
    }

    /**
     * Creates the database's first user, administrator and leader on duty at once (one person sets a station up and
     * works it), then signs them in. Refused when the database has a user by then.
     */
    public void createFirstUser() {
        if (busy.get()) {
            return;
        }
        String login = this.login.get() == null ? "" : this.login.get().strip();
        String pw = password.get() == null ? "" : password.get();
        if (login.isEmpty() || pw.isEmpty()) {
            show(i18n.tr("login.empty"), true);
            return;
        }
        if (!pw.equals(confirm.get())) {
            show(i18n.tr("login.first.mismatch"), true);
            return;
        }
        AccessService service = access.get();
        busy.set(true);
        show(i18n.tr("login.checking"), false);
        String shown = name.get() == null || name.get().isBlank() ? login : name.get().strip();
        tasks.run(() -> {
            boolean created = service.createFirstUsers(java.util.List.of(new AccessService.NewUser(login, shown,
                    java.util.Set.of(org.commandroom.core.access.Role.ADMINISTRATOR,
                            org.commandroom.core.access.Role.COMMAND_LEADER), pw)), session.workstation());
            return created ? service.signIn(login, pw, session.workstation(), drill) : null;
        }, result -> {
            password.set("");
            confirm.set("");
            if (result == null) {
                busy.set(false);
                firstUser.set(false);
                show(i18n.tr("login.first.taken"), true);
            } else {
                answered(result);
            }
        }, e -> {
            busy.set(false);
            String text;
            if (e instanceof org.commandroom.core.access.PasswordRejected r
                    && r.reason() == org.commandroom.core.access.PasswordRejected.Reason.TOO_SHORT) {
                text = i18n.tr("login.first.short", service.policy().minPasswordLength());
            } else if (e instanceof org.commandroom.core.access.PasswordRejected r
                    && r.reason() == org.commandroom.core.access.PasswordRejected.Reason.BAD_LOGIN) {
                text = i18n.tr("login.first.badLogin");
            } else {
                text = i18n.tr("login.failed", Failures.text(e, i18n));
            }
            show(text, true);
        });
    }

    /** Checks the user name and password in the background; ignored while a check runs. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        String name = login.get() == null ? "" : login.get().strip();
        String pw = password.get() == null ? "" : password.get();
        if (name.isEmpty() || pw.isEmpty()) {
            show(i18n.tr("login.empty"), true);
            return;
        }
        AccessService service = access.get();
        if (service == null) {
            show(i18n.tr("login.notReady"), true);
            return;
        }
        busy.set(true);
        show(i18n.tr("login.checking"), false);
        password.set("");
        tasks.run(() -> service.signIn(name, pw, session.workstation(), drill), this::answered, e -> {
            busy.set(false);
            show(i18n.tr("login.failed", Failures.text(e, i18n)), true);
        });
    }

    private void answered(SignIn result) {
        busy.set(false);
        if (result instanceof SignIn.Success s) {
            show("", false);
            session.signIn(s.principal());
            onSignedIn.accept(s.principal());
        } else if (result instanceof SignIn.WrongPassword w) {
            show(i18n.tr("login.wrong", w.attemptsLeft()), true);
        } else if (result instanceof SignIn.Locked l) {
            show(i18n.tr("login.locked", TIME.format(l.until().atZone(zone))), true);
        } else {
            show(i18n.tr("login.disabled"), true);
        }
    }

    private void show(String text, boolean isRefusal) {
        message.set(text);
        refused.set(isRefusal);
    }

    public ReadOnlyBooleanProperty firstUserProperty() {
        return firstUser.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the message says no (shown in the danger colour). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }
}
