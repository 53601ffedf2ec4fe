package org.commandroom.app.ui.admin.password;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordRejected;
import org.commandroom.core.access.Principal;

/**
 * The signed-in user changes their own password: the current one, the new one twice. The check runs on the I/O
 * executor (hashes take tens of milliseconds); each refusal has its own words (the current password is wrong, the
 * new one is too short, the two differ, the user is locked out) and empties the fields it concerns, which
 * {@link #retryProperty()} names so that the cursor goes there. On success every field is emptied and
 * {@link #doneProperty()} turns true.
 */
public final class PasswordChangeViewModel {

    /** Which field to type again after a refusal. */
    public enum Field { CURRENT, REPLACEMENT }

    private final Supplier<AccessService> access;
    private final Principal self;
    private final Tasks tasks;
    private final I18n i18n;
    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty replacement = new SimpleStringProperty(this, "replacement", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyObjectWrapper<Field> retry = new ReadOnlyObjectWrapper<>(this, "retry");

    /**
     * @param access the user service (null while the database is not open)
     * @param self   the signed-in user whose password changes
     */
    public PasswordChangeViewModel(Supplier<AccessService> access, Principal self, Tasks tasks, I18n i18n) {
        this.access = access;
        this.self = self;
        this.tasks = tasks;
        this.i18n = i18n;
    }

    /** Checks the fields, then changes the password in the background; ignored while a change runs or once done. */
    public void submit() {
        if (busy.get() || done.get()) {
            return;
        }
        String now = text(current);
        String next = text(replacement);
        if (now.isEmpty()) {
            refuse(i18n.tr("password.change.currentEmpty"), Field.CURRENT);
            return;
        }
        if (next.isEmpty()) {
            refuse(i18n.tr("password.change.newEmpty"), Field.REPLACEMENT);
            return;
        }
        if (!next.equals(text(repeat))) {
            clearNew();
            refuse(i18n.tr("password.change.mismatch"), Field.REPLACEMENT);
            return;
        }
        AccessService service = access.get();
        if (service == null) {
            refuse(i18n.tr("password.change.notReady"), null);
            return;
        }
        busy.set(true);
        retry.set(null);
        refused.set(false);
        message.set(i18n.tr("password.change.checking"));
        tasks.run(() -> {
            service.changePassword(self, now, next);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            current.set("");
            clearNew();
            refused.set(false);
            message.set(i18n.tr("password.change.done"));
            done.set(true);
        }, e -> {
            busy.set(false);
            if (e instanceof PasswordRejected r) {
                switch (r.reason()) {
                    case WRONG_CURRENT -> {
                        current.set("");
                        refuse(i18n.tr("password.change.wrongCurrent"), Field.CURRENT);
                    }
                    case LOCKED -> {
                        current.set("");
                        refuse(i18n.tr("password.change.locked"), Field.CURRENT);
                    }
                    case TOO_SHORT -> {
                        clearNew();
                        refuse(i18n.tr("password.change.tooShort", service.policy().minPasswordLength()),
                                Field.REPLACEMENT);
                    }
                    case UNKNOWN_USER -> refuse(i18n.tr("password.change.unknownUser"), null);
                    default -> refuse(i18n.tr("password.change.failed", i18n.tr("password.change.notAccepted")), null);
                }
            } else {
                refuse(i18n.tr("password.change.failed", Failures.text(e, i18n)), null);
            }
        });
    }

    /** The shortest password the service takes (for the hint). */
    public int minPasswordLength() {
        AccessService service = access.get();
        return (service == null ? LockoutPolicy.defaults() : service.policy()).minPasswordLength();
    }

    /** Whose password changes. */
    public Principal self() {
        return self;
    }

    private void refuse(String text, Field field) {
        refused.set(true);
        message.set(text);
        retry.set(null);
        retry.set(field);
    }

    private void clearNew() {
        replacement.set("");
        repeat.set("");
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get();
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    /** What happened, or why not, in the user's words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message says no (shown in the danger colour). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The password was changed. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** The field to type again after a refusal (null after success or a refusal of no field). */
    public ReadOnlyObjectProperty<Field> retryProperty() {
        return retry.getReadOnlyProperty();
    }
}
