package org.commandroom.app.ui.prevention;

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
import org.commandroom.core.prevention.CommunityRisk;

/**
 * The 分色预警 tab's state: the rule in force as the form edits it and every community's counts, score and colour by
 * it. Input is checked for form here and for sense by core (which also checks the user may change the rule); each
 * problem is kept under its number's name. After a save the communities are assessed again and {@link #onSaved} runs
 * (the map recolours).
 */
public final class RiskRuleViewModel {

    private final Supplier<CommunityRisk> service;
    private final Tasks tasks;
    private final I18n i18n;
    private final String actor;
    private final ObjectProperty<CommunityRisk.Rule> rule = new SimpleObjectProperty<>(this, "rule");
    private final ObservableList<CommunityRisk.Assessment> communities = FXCollections.observableArrayList();
    private final RuleForm form;
    private Runnable onSaved = () -> { };

    public RiskRuleViewModel(Supplier<CommunityRisk> service, Tasks tasks, I18n i18n, String actor) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        this.actor = actor;
        this.form = new RuleForm(tasks, i18n);
    }

    /** Runs on the FX thread after a rule is saved. */
    public void onSaved(Runnable r) {
        onSaved = r == null ? () -> { } : r;
    }

    private record Read(CommunityRisk.Rule rule, List<CommunityRisk.Assessment> communities) {
    }

    public void load() {
        form.read(() -> new Read(service.get().rule(), service.get().assess()), this::show);
    }

    private void show(Read r) {
        rule.set(r.rule());
        communities.setAll(r.communities());
    }

    /** Checks and saves the numbers as typed, by name ({@link CommunityRisk#PARAMS}). */
    public void save(Map<String, String> typed) {
        ObservableMap<String, String> fieldErrors = form.fieldErrors();
        fieldErrors.clear();
        Map<String, Double> v = new LinkedHashMap<>();
        for (String name : CommunityRisk.PARAMS) {
            String text = typed.get(name);
            Double d = ModelAlertsViewModel.number(text);
            boolean whole = name.equals("windowDays") || name.equals("lowStarsAtMost");
            if (d == null || whole && d != Math.rint(d)) {
                fieldErrors.put(name, i18n.tr(whole ? "prevention.input.wholeNumber" : "prevention.input.number"));
            } else {
                v.put(name, d);
            }
        }
        if (form.refusedAsTyped()) {
            return;
        }
        CommunityRisk.Rule edited = CommunityRisk.Rule.of(v);
        if (form.place(byParam(edited.problems()))) {
            return;
        }
        form.save(() -> {
            service.get().saveRule(edited, actor);
            return new Read(service.get().rule(), service.get().assess());
        }, this::show, "prevention.risk.saved", () -> onSaved.run(),
                e -> e instanceof CommunityRisk.InvalidRule invalid ? byParam(invalid.problems()) : null);
    }

    /** Core's problems under their numbers' names. */
    private Map<String, String> byParam(List<CommunityRisk.Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.put(p.param(), p.text().in(i18n.locale())));
        return out;
    }

    /** The rule in words, as the map's legend states it. */
    public static String statement(I18n i18n, CommunityRisk.Rule r) {
        return i18n.tr("prevention.risk.statement", String.valueOf(r.windowDays()), ModelAlertsView.number(r.incidentWeight()),
                String.valueOf(r.lowStarsAtMost()), ModelAlertsView.number(r.lowStarWeight()),
                ModelAlertsView.number(r.hazardWeight()), ModelAlertsView.number(r.alertWeight()),
                ModelAlertsView.number(r.redAt()), ModelAlertsView.number(r.orangeAt()));
    }

    public ObjectProperty<CommunityRisk.Rule> ruleProperty() {
        return rule;
    }

    public ObservableList<CommunityRisk.Assessment> communities() {
        return communities;
    }

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
