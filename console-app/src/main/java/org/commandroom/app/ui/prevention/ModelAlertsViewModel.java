package org.commandroom.app.ui.prevention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.prevention.MeterModels;
import org.commandroom.core.prevention.ModelAlertService;

/**
 * The model-alert tab's state (docs/PREVENTION.md): the alerts raised from water-meter readings, newest first, with the
 * order each became, and the models' rules as the form edits them. Input is checked here for form (a number) and by
 * core for sense; every problem is kept under its field's key ({@code RULE.field}), the form shows it beside the
 * field. Saving is permission-checked by core; a refusal is said in the user's words.
 */
public final class ModelAlertsViewModel {

    /** At most this many alerts are listed. */
    static final int LIMIT = 500;

    private final Supplier<ModelAlertService> service;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ObservableList<ModelAlertService.Raised> alerts = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<ModelAlertService.Raised> shown =
            new javafx.collections.transformation.FilteredList<>(alerts);
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    private final ObjectProperty<String> station = new SimpleObjectProperty<>(this, "station");
    private final ObjectProperty<String> rule = new SimpleObjectProperty<>(this, "rule");
    private final BooleanProperty lateOnly = new javafx.beans.property.SimpleBooleanProperty(this, "lateOnly");
    private final ObjectProperty<MeterModels> rules = new SimpleObjectProperty<>(this, "rules");
    private final RuleForm form;

    public ModelAlertsViewModel(Supplier<ModelAlertService> service, Tasks tasks, I18n i18n, String actor) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        this.form = new RuleForm(tasks, i18n);
        station.addListener((o, was, is) -> filter());
        rule.addListener((o, was, is) -> filter());
        lateOnly.addListener((o, was, is) -> filter());
    }

    /** Shows the alerts of the station (null: all), of the rule (its code; null: all), late only or not. */
    private void filter() {
        String st = station.get();
        String r = rule.get();
        boolean late = lateOnly.get();
        shown.setPredicate(a -> (st == null || st.equals(a.station())) && (r == null || r.equals(a.rule())) && (!late || a.late()));
    }

    /** What the form holds for one rule: switched on, feedback days and thresholds as typed. */
    public record RuleInput(String code, boolean enabled, String feedbackDays, Map<String, String> thresholds) {
    }

    /** Reads the alerts and the rules off the FX thread. */
    public void load() {
        form.read(() -> {
            ModelAlertService s = service.get();
            return Map.entry(s.recent(LIMIT), s.rules());
        }, r -> {
            alerts.setAll(r.getKey());
            List<String> names = r.getKey().stream().map(ModelAlertService.Raised::station).distinct().sorted().toList();
            stations.setAll(names);
            if (station.get() != null && !names.contains(station.get())) {
                station.set(null);
            }
            rules.set(r.getValue());
        });
    }

    /** Checks the form and saves the rules; problems go beside their fields. */
    public void save(List<RuleInput> input) {
        ObservableMap<String, String> fieldErrors = form.fieldErrors();
        fieldErrors.clear();
        MeterModels current = rules.get();
        if (current == null) {
            return;
        }
        List<MeterModels.Rule> out = new ArrayList<>();
        for (RuleInput in : input) {
            MeterModels.Rule was = current.rule(in.code()).orElse(null);
            if (was == null) {
                continue;
            }
            Integer days = integer(in.feedbackDays());
            if (days == null) {
                fieldErrors.put(in.code() + ".feedbackDays", i18n.tr("prevention.input.wholeNumber"));
            }
            Map<String, Double> t = new LinkedHashMap<>();
            in.thresholds().forEach((name, text) -> {
                Double v = number(text);
                if (v == null) {
                    fieldErrors.put(in.code() + "." + name, i18n.tr("prevention.input.number"));
                } else {
                    t.put(name, v);
                }
            });
            out.add(new MeterModels.Rule(was.code(), was.nameZh(), was.nameEn(), in.enabled(), days == null ? 0 : days, t));
        }
        if (form.refusedAsTyped()) {
            return;
        }
        MeterModels edited = new MeterModels(out);
        if (form.place(byField(edited.fieldProblems()))) {
            return;
        }
        form.save(() -> {
            service.get().saveRules(edited, actor);
            return service.get().rules();
        }, rules::set, "prevention.rules.saved", () -> { },
                e -> e instanceof MeterModels.InvalidRules invalid ? byField(invalid.problems()) : null);
    }

    /** Core's problems under their fields' keys ({@code RULE.field}; a rule's own problem goes beside its days). */
    private Map<String, String> byField(List<MeterModels.RuleProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MeterModels.RuleProblem p : problems) {
            out.put(p.rule() + "." + (p.field() == null ? "feedbackDays" : p.field()), p.text().in(i18n.locale()));
        }
        return out;
    }

    static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double number(String s) {
        try {
            double v = Double.parseDouble(s == null ? "" : s.strip());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public ObservableList<ModelAlertService.Raised> alerts() {
        return alerts;
    }

    /** The alerts the filters let through, in the list's order: what the table shows and the export writes. */
    public ObservableList<ModelAlertService.Raised> shown() {
        return shown;
    }

    /** The stations of the alerts read, by name, for the station filter. */
    public ObservableList<String> stations() {
        return stations;
    }

    /** The station whose alerts are shown; null: every station. */
    public ObjectProperty<String> stationProperty() {
        return station;
    }

    /** The rule (its code) whose alerts are shown; null: every rule. */
    public ObjectProperty<String> ruleProperty() {
        return rule;
    }

    /** Only the alerts late (open past the deadline, or fed back after it). */
    public BooleanProperty lateOnlyProperty() {
        return lateOnly;
    }

    public ObjectProperty<MeterModels> rulesProperty() {
        return rules;
    }

    /** Problems by field ({@code RULE.field}), in the user's words. */
    public ObservableMap<String, String> fieldErrors() {
        return form.fieldErrors();
    }

    public StringProperty messageProperty() {
        return form.message();
    }

    public BooleanProperty failedProperty() {
        return form.failed();
    }

    public BooleanProperty busyProperty() {
        return form.busy();
    }
}
