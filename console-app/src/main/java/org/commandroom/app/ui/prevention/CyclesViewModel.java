package org.commandroom.app.ui.prevention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.commandroom.app.HouseRegisterModule;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.PeriodUnit;
import org.commandroom.core.prevention.PreventionRules;

/**
 * The inspection cycles per kind and grade (核查周期), edited in place: every how many days, weeks or months, and within
 * how many days the feedback is due. The rules are data (core {@code PreventionRules}); saving replaces the cycles and
 * keeps the risk factors and star bands as they are, through {@code HouseRegister.saveRules} (needs {@code SETUP}).
 */
public final class CyclesViewModel {

    /** One editable cycle: its kind and stars (0: any) are fixed, the rest is typed. */
    public static final class Row {
        private final HouseKind kind;
        private final int stars;
        private final StringProperty every = new SimpleStringProperty();
        private final ObjectProperty<PeriodUnit> unit = new SimpleObjectProperty<>();
        private final StringProperty feedbackDays = new SimpleStringProperty();
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        Row(PreventionRules.Cycle c) {
            kind = c.kind();
            stars = c.stars();
            every.set(Integer.toString(c.every()));
            unit.set(c.unit());
            feedbackDays.set(Integer.toString(c.feedbackDays()));
        }

        public HouseKind kind() {
            return kind;
        }

        public int stars() {
            return stars;
        }

        public StringProperty everyProperty() {
            return every;
        }

        public ObjectProperty<PeriodUnit> unitProperty() {
            return unit;
        }

        public StringProperty feedbackDaysProperty() {
            return feedbackDays;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final HouseRegisterModule services;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private PreventionRules rules;
    private Runnable onSaved = () -> { };

    public CyclesViewModel(HouseRegisterModule services, Tasks tasks, I18n i18n, String actor) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.i18n = Objects.requireNonNull(i18n);
        this.actor = Objects.requireNonNull(actor);
    }

    /** Told after the cycles were saved (the register's next due dates follow them). */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** Reads the rules in force, off the FX thread. */
    public void reload() {
        tasks.run(() -> services.register().rules(), r -> {
            rules = r;
            List<Row> list = new ArrayList<>();
            r.cycles().forEach(c -> list.add(new Row(c)));
            rows.setAll(list);
        }, e -> status.set(i18n.tr("cycles.status.readFailed", Failures.text(e, i18n))));
    }

    /**
     * Checks every row (a message on each wrong one) and saves the cycles.
     *
     * @return false when a row is wrong, the rules are not read yet or the user may not edit (nothing sent)
     */
    public boolean save() {
        if (!services.mayEdit()) {
            status.set(i18n.tr("houses.status.readOnly"));
            return false;
        }
        if (rules == null) {
            return false;
        }
        List<PreventionRules.Cycle> cycles = new ArrayList<>();
        int wrong = 0;
        for (Row r : rows) {
            Integer every = number(r.every.get());
            Integer days = number(r.feedbackDays.get());
            if (every == null || every < 1 || every > 400) {
                r.error.set(i18n.tr("cycles.error.every"));
                wrong++;
            } else if (days == null || days < 1 || days > 60) {
                r.error.set(i18n.tr("cycles.error.feedbackDays"));
                wrong++;
            } else if (r.unit.get() == null) {
                r.error.set(i18n.tr("cycles.error.unit"));
                wrong++;
            } else {
                r.error.set("");
                cycles.add(new PreventionRules.Cycle(r.kind, r.stars, every, r.unit.get(), days));
            }
        }
        if (wrong > 0) {
            status.set(i18n.tr("houses.status.fix", wrong));
            return false;
        }
        PreventionRules next = new PreventionRules(rules.factors(), rules.bands(), cycles);
        tasks.run(() -> services.register().saveRules(next, actor), changed -> {
            rules = next;
            status.set(i18n.tr("cycles.status.saved"));
            onSaved.run();
        }, e -> status.set(i18n.tr("cycles.status.saveFailed", Failures.text(e, i18n))));
        return true;
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A cycle's period unit in the console's language. */
    public static String unitLabel(I18n i18n, PeriodUnit u) {
        return i18n.tr(switch (u) {
            case DAY -> "cycles.unit.day";
            case WEEK -> "cycles.unit.week";
            case MONTH -> "cycles.unit.month";
        });
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean mayEdit() {
        return services.mayEdit();
    }
}
