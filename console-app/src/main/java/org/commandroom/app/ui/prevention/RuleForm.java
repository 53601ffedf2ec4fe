package org.commandroom.app.ui.prevention;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;

/**
 * What the rule forms of the 主防 window share (the model alerts' rules, the 分色预警 rule): problems by field in the
 * user's words, a message and whether it tells of a failure, busy while reading or saving; and reading and saving
 * themselves. A form is checked for form by its view model, for sense by core before the save and again by core's
 * save (which also checks the user may change the rule); every problem goes beside its field, with "not saved".
 */
final class RuleForm {

    private final Tasks tasks;
    private final I18n i18n;
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    RuleForm(Tasks tasks, I18n i18n) {
        this.tasks = tasks;
        this.i18n = i18n;
    }

    /** Reads off the FX thread; {@code done} takes what was read, a failure is said in the user's words. */
    <T> void read(Callable<T> work, Consumer<T> done) {
        busy.set(true);
        tasks.run(work, r -> {
            busy.set(false);
            done.accept(r);
        }, e -> {
            busy.set(false);
            fail(Failures.text(e, i18n));
        });
    }

    /** Says "not saved" when the form's own checks put a problem beside a field; true when they did. */
    boolean refusedAsTyped() {
        if (fieldErrors.isEmpty()) {
            return false;
        }
        fail(i18n.tr("prevention.notSaved"));
        return true;
    }

    /** Puts core's problems (field to text) beside their fields, with "not saved"; false when there are none. */
    boolean place(Map<String, String> problems) {
        if (problems.isEmpty()) {
            return false;
        }
        fieldErrors.putAll(problems);
        fail(i18n.tr("prevention.notSaved"));
        return true;
    }

    /**
     * Saves off the FX thread; {@code done} takes what was read back, then the message {@code savedKey} is shown and
     * {@code then} runs (a rule's other users are told). A
     * rule core refuses on saving ({@code refused} gives its problems by field, or null for any other failure) has its
     * problems placed; any other failure is said in the user's words.
     */
    <T> void save(Callable<T> work, Consumer<T> done, String savedKey, Runnable then,
                  Function<Exception, Map<String, String>> refused) {
        busy.set(true);
        tasks.run(work, r -> {
            busy.set(false);
            done.accept(r);
            failed.set(false);
            message.set(i18n.tr(savedKey));
            then.run();
        }, e -> {
            busy.set(false);
            Map<String, String> problems = refused.apply(e);
            if (problems != null) {
                place(problems);
            } else {
                fail(Failures.text(e, i18n));
            }
        });
    }

    void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    ObservableMap<String, String> fieldErrors() {
        return fieldErrors;
    }

    StringProperty message() {
        return message;
    }

    BooleanProperty failed() {
        return failed;
    }

    BooleanProperty busy() {
        return busy;
    }
}
