package org.commandroom.app.ui.prevention;

import java.time.LocalDate;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.PreventionModule;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.common.Windows;
import org.commandroom.core.workhours.WorkTime;

/**
 * The desk's 主防 window (prevention work, docs/PREVENTION.md): model alerts and their rules, police work-hours, and the
 * communities' risk colours with their rule, one tab each. One window per console; opening it again brings it to the
 * front and reads its tabs again, as F5 does.
 */
public final class PreventionWindow {

    private final PreventionModule module;
    private final UiContext ui;
    private final String actor;
    private final Runnable riskRuleSaved;
    private Stage stage;
    private TabPane tabs;
    private ModelAlertsViewModel alerts;
    private WorkHoursViewModel hours;
    private RiskRuleViewModel risk;
    private ModelAlertsView alertsView;
    private WorkHoursView hoursView;

    /** {@code riskRuleSaved} runs on the FX thread after the 分色预警 rule is saved (the map recolours). */
    public PreventionWindow(PreventionModule module, UiContext ui, String actor, Runnable riskRuleSaved) {
        this.module = module;
        this.ui = ui;
        this.actor = actor;
        this.riskRuleSaved = riskRuleSaved;
    }

    public void show(Window owner) {
        if (stage == null) {
            alerts = new ModelAlertsViewModel(module::alerts, ui.tasks(), ui.i18n(), actor);
            hours = new WorkHoursViewModel(module::workHours, ui.tasks(), ui.i18n(),
                    LocalDate.ofInstant(ui.clock().instant(), WorkTime.ZONE));
            risk = new RiskRuleViewModel(module::risk, ui.tasks(), ui.i18n(), actor);
            risk.onSaved(riskRuleSaved);
            alertsView = new ModelAlertsView(alerts, ui.i18n(), WorkTime.ZONE, this::refresh, ui.tasks(), ui.clock());
            Tab a = new Tab(ui.i18n().tr("prevention.tab.alerts"), alertsView.root());
            a.setId("prevention-tab-alerts");
            hoursView = new WorkHoursView(hours, ui.i18n(), ui.tasks(), ui.clock());
            Tab h = new Tab(ui.i18n().tr("prevention.tab.workHours"), hoursView.root());
            h.setId("prevention-tab-workhours");
            Tab r = new Tab(ui.i18n().tr("prevention.tab.risk"), new RiskRuleView(risk, ui.i18n()).root());
            r.setId("prevention-tab-risk");
            tabs = new TabPane(a, h, r);
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.setId("prevention-tabs");
            tabs.getStyleClass().add("prevention");
            stage = Windows.secondary(owner, ui.i18n().tr("prevention.windowTitle"), tabs, 1280, 800);
            stage.getScene().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.F5) {
                    e.consume();
                    refresh();
                }
            });
            Windows.show(stage, 1280, 800);
        } else {
            Windows.bringBack(stage);
        }
        refresh();
    }

    /** Reads every tab again (F5, the alerts tab's button, opening the window again). */
    public void refresh() {
        alerts.load();
        hours.load();
        risk.load();
    }

    /** The window once shown (tests). */
    public Stage stage() {
        return stage;
    }

    TabPane tabs() {
        return tabs;
    }

    ModelAlertsViewModel alerts() {
        return alerts;
    }

    WorkHoursViewModel hours() {
        return hours;
    }

    ModelAlertsView alertsView() {
        return alertsView;
    }

    WorkHoursView hoursView() {
        return hoursView;
    }

    RiskRuleViewModel risk() {
        return risk;
    }
}
