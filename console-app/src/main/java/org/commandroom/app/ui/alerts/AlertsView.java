package org.commandroom.app.ui.alerts;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.alert.Alert;
import org.commandroom.core.alert.AlertKind;
import org.commandroom.core.alert.AlertTrigger;

/**
 * The alert strip above the dashboard: the newest alerts as chips (urgent ones red), each with its own
 * acknowledge button, and "acknowledge all". It keeps its place when there is nothing to acknowledge (a calm
 * line saying so), so the screen never jumps under the commander's pointer when an alert arrives.
 */
public final class AlertsView {

    static final int SHOWN = 4;
    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");
    static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private final AlertsViewModel vm;
    private final UiContext ui;
    private final HBox root = new HBox();
    private final HBox chips = new HBox();
    private final Label more = new Label();
    private final Label count = new Label();
    private final Button all;

    public AlertsView(AlertsViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        I18n i18n = ui.i18n();
        root.setId("alert-strip");
        root.getStyleClass().add("alert-strip");
        root.setAlignment(Pos.CENTER_LEFT);
        count.setId("alert-count");
        count.getStyleClass().add("alert-count");
        chips.getStyleClass().add("alert-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        more.getStyleClass().add("alert-more");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        all = new Button(i18n.tr("alerts.ackAll"));
        all.setId("alert-ack-all");
        all.getStyleClass().add(Styles.DANGER);
        all.setOnAction(e -> vm.acknowledgeAll());
        // The count, "more" and both kinds of button keep their full text; only the chips' texts give way
        // (ellipsised) when many alerts crowd the strip.
        count.setMinWidth(Region.USE_PREF_SIZE);
        more.setMinWidth(Region.USE_PREF_SIZE);
        all.setMinWidth(Region.USE_PREF_SIZE);
        chips.setMinWidth(0);
        HBox.setHgrow(chips, Priority.SOMETIMES);
        root.getChildren().addAll(count, chips, more, spacer, all);
        vm.alerts().addListener((ListChangeListener<Alert>) c -> refresh());
        refresh();
    }

    private void refresh() {
        List<Alert> alerts = vm.alerts();
        root.pseudoClassStateChanged(ACTIVE, !alerts.isEmpty());
        all.setDisable(alerts.isEmpty());
        count.setText(alerts.isEmpty() ? ui.i18n().tr("alerts.none") : ui.i18n().tr("alerts.count", alerts.size()));
        chips.getChildren().setAll(alerts.stream().limit(SHOWN).map(this::chip).toList());
        more.setText(alerts.size() > SHOWN ? ui.i18n().tr("alerts.more", alerts.size() - SHOWN) : "");
    }

    private Node chip(Alert a) {
        Label text = new Label(text(a));
        text.getStyleClass().add("alert-text");
        Button ack = new Button(ui.i18n().tr("alerts.ack"));
        ack.getStyleClass().addAll(Styles.SMALL, "alert-ack");
        ack.setOnAction(e -> vm.acknowledge(a));
        ack.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        HBox chip = new HBox(6, text, ack);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("alert-chip");
        chip.setMinWidth(0);
        HBox.setHgrow(chip, Priority.SOMETIMES);
        chip.pseudoClassStateChanged(URGENT, a.kind() != AlertKind.NEW_INCIDENT);
        return chip;
    }

    /** "新警情 J… 北街3号", "3 起新警情", "指令超时未签收 ZL… 城关01". */
    String text(Alert a) {
        I18n i18n = ui.i18n();
        if (a.count() > 1) {
            return switch (a.kind()) {
                case NEW_INCIDENT -> i18n.tr("alerts.group.newIncident", a.count());
                case HIGH_PRIORITY_INCIDENT -> i18n.tr("alerts.group.highPriority", a.count());
                case ORDER_OVERDUE -> i18n.tr("alerts.group.overdue", a.count());
            };
        }
        AlertTrigger t = a.first();
        String detail = t.detail() == null ? "" : t.detail();
        return switch (a.kind()) {
            case NEW_INCIDENT -> i18n.tr("alerts.newIncident", t.reference(), detail);
            case HIGH_PRIORITY_INCIDENT -> i18n.tr("alerts.highPriority", t.reference(), detail);
            case ORDER_OVERDUE -> "FEEDBACK".equals(t.code())
                    ? i18n.tr("alerts.overdue.feedback", t.reference(), detail)
                    : i18n.tr("alerts.overdue.sign", t.reference(), detail);
        };
    }

    public Node root() {
        return root;
    }
}
