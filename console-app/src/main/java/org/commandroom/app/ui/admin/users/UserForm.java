package org.commandroom.app.ui.admin.users;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.UserAccount;

/**
 * What one of the user dialogs holds while the administrator types: a new user (log-in, name, roles, password twice),
 * a user's roles, or a new password twice. {@link UsersViewModel#submit} checks and saves it; the form then says
 * why it was refused ({@link #errorProperty()}) or that it is done ({@link #doneProperty()}, the dialog closes).
 */
public final class UserForm {

    /** Which dialog. */
    public enum Mode { CREATE, ROLES, RESET }

    private final Mode mode;
    private final UserAccount target;
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");

    UserForm(Mode mode, UserAccount target) {
        this.mode = mode;
        this.target = target;
        for (Role r : Role.values()) {
            roles.put(r, new SimpleBooleanProperty(this, r.name(), target != null && target.roles().contains(r)));
        }
        if (target != null) {
            login.set(target.login());
            displayName.set(target.displayName());
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The user the form is about; null for a new one. */
    public UserAccount target() {
        return target;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    /** Whether the role's box is ticked. */
    public BooleanProperty roleProperty(Role role) {
        return roles.get(role);
    }

    /** The ticked roles. */
    public Set<Role> roles() {
        Set<Role> ticked = EnumSet.noneOf(Role.class);
        roles.forEach((r, p) -> {
            if (p.get()) {
                ticked.add(r);
            }
        });
        return Collections.unmodifiableSet(ticked);
    }

    /** Why the last try was refused, in the administrator's words; empty when it was not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Saved: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    void refuse(String text) {
        error.set(text);
    }

    void finish() {
        error.set("");
        password.set("");
        repeat.set("");
        done.set(true);
    }

    void clearPasswords() {
        password.set("");
        repeat.set("");
    }
}
