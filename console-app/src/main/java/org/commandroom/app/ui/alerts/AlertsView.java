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
import org.commandroom.core.alert.AlertTrigger;

/**
 * The alert strip above the dashboard, triaged: on the left the urgent alerts (priority-1 calls, overdue orders)
 * as red chips, each with its own acknowledge button, until acknowledged; on the right one calm counter of the
 * routine new calls ("新警情 7 起，最新 …") with its own button; "acknowledge all" at the end. When the machine
 * has no sound device the strip says the alerts are visual only. It keeps its place when there is nothing to
 * acknowledge (a calm line saying so), so the screen never jumps under the commander's pointer.
 */
public final class AlertsView {

    static final int SHOWN = 4;
    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");
    /** Urgent alerts are waiting: the strip is red. */
    static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    /** Only routine calls are counted: the strip is calm, the counter shows. */
    static final PseudoClass ROUTINE = PseudoClass.getPseudoClass("routine");

    private final AlertsViewModel vm;
    private final UiContext ui;
    /** The count, the routine counter and the buttons on one line; the urgent chips under it, wrapping as needed. */
    private final javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(4);
    private final HBox line = new HBox();
    /** Urgent chips wrap onto a further line rather than cut their text (an incident number must read whole). */
    private final javafx.scene.layout.FlowPane chips = new javafx.scene.layout.FlowPane(6, 4);
    private final HBox counter = new HBox(6);
    private final Label counterText = new Label();
    private final Button counterAck;
    private final Label more = new Label();
    private final Label count = new Label();
    private final Label sound = new Label();
    private final Button all;
    private Alert counted;
    /** What a click on an alert's text opens (the incident in the queue, the order in its panel); none by default. */
    private java.util.function.Consumer<AlertTrigger> onOpen;
    /** Whether the signed-in user may acknowledge (docs/ACCESS.md); without, the strip shows but offers no button. */
    private final boolean mayAcknowledge;

    public AlertsView(AlertsViewModel vm, UiContext ui) {
        this(vm, ui, true);
    }

    public AlertsView(AlertsViewModel vm, UiContext ui, boolean mayAcknowledge) {
        this.mayAcknowledge = mayAcknowledge;
        this.vm = vm;
        this.ui = ui;
        I18n i18n = ui.i18n();
        root.setId("alert-strip");
        root.getStyleClass().add("alert-strip");
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("alert-line");
        count.setId("alert-count");
        count.getStyleClass().add("alert-count");
        chips.getStyleClass().add("alert-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        chips.setRowValignment(javafx.geometry.VPos.CENTER);
        more.getStyleClass().add("alert-more");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        sound.setId("alert-sound");
        sound.getStyleClass().add("alert-sound");
        sound.setText(i18n.tr("alerts.noSound"));
        sound.visibleProperty().bind(vm.soundMissingProperty());
        sound.managedProperty().bind(sound.visibleProperty());
        counter.setId("alert-counter");
        counter.getStyleClass().add("alert-counter");
        counter.setAlignment(Pos.CENTER_LEFT);
        counterText.setId("alert-counter-text");
        counterText.getStyleClass().add("alert-text");
        counterText.setMinWidth(0);
        counterAck = new Button(i18n.tr("alerts.ack"));
        counterAck.setId("alert-counter-ack");
        counterAck.getStyleClass().addAll(Styles.SMALL, "alert-ack");
        counterAck.setMinWidth(Region.USE_PREF_SIZE);
        counterAck.setOnAction(e -> {
            if (counted != null) {
                vm.acknowledge(counted);
            }
        });
        opens(counterText, () -> counted);
        counter.getChildren().addAll(counterText, counterAck);
        counter.setMinWidth(0);
        counter.managedProperty().bind(counter.visibleProperty());
        all = new Button(i18n.tr("alerts.ackAll"));
        all.setId("alert-ack-all");
        all.getStyleClass().add(Styles.DANGER);
        all.setOnAction(e -> vm.acknowledgeAll());
        // The count, "more", the sound note and the buttons keep their full text; urgent chips wrap onto more lines
        // when many crowd the strip, so no chip's text is cut.
        count.setMinWidth(Region.USE_PREF_SIZE);
        more.setMinWidth(Region.USE_PREF_SIZE);
        sound.setMinWidth(Region.USE_PREF_SIZE);
        all.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(counter, Priority.SOMETIMES);
        counterAck.setVisible(mayAcknowledge);
        counterAck.setManaged(mayAcknowledge);
        all.setVisible(mayAcknowledge);
        all.setManaged(mayAcknowledge);
        line.getChildren().addAll(count, more, spacer, sound, counter, all);
        chips.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(chips.getChildren()));
        chips.visibleProperty().bind(chips.managedProperty());
        root.getChildren().addAll(line, chips);
        // The window's work area gives way, not the alerts: every urgent chip stays whole on screen.
        root.setMinHeight(Region.USE_PREF_SIZE);
        chips.setMinHeight(Region.USE_PREF_SIZE);
        vm.alerts().addListener((ListChangeListener<Alert>) c -> refresh());
        refresh();
    }

    private void refresh() {
        List<Alert> alerts = vm.alerts();
        List<Alert> urgent = alerts.stream().filter(a -> a.kind().urgent()).toList();
        counted = alerts.stream().filter(a -> !a.kind().urgent()).findFirst().orElse(null);
        root.pseudoClassStateChanged(ACTIVE, !urgent.isEmpty());
        root.pseudoClassStateChanged(ROUTINE, urgent.isEmpty() && counted != null);
        all.setDisable(alerts.isEmpty());
        count.setText(!urgent.isEmpty() ? ui.i18n().tr("alerts.count", urgent.size())
                : counted != null ? ui.i18n().tr("alerts.noUrgent") : ui.i18n().tr("alerts.none"));
        chips.getChildren().setAll(urgent.stream().limit(SHOWN).map(this::chip).toList());
        more.setText(urgent.size() > SHOWN ? ui.i18n().tr("alerts.more", urgent.size() - SHOWN) : "");
        counter.setVisible(counted != null);
        counterText.setText(counted == null ? "" : text(counted));
    }

    private Node chip(Alert a) {
        Label text = new Label(text(a));
        text.getStyleClass().add("alert-text");
        opens(text, () -> a);
        Button ack = new Button(ui.i18n().tr("alerts.ack"));
        ack.getStyleClass().addAll(Styles.SMALL, "alert-ack");
        ack.setOnAction(e -> vm.acknowledge(a));
        ack.setMinWidth(Region.USE_PREF_SIZE);
        ack.setVisible(mayAcknowledge);
        ack.setManaged(mayAcknowledge);
        text.setMinWidth(Region.USE_PREF_SIZE);
        HBox chip = new HBox(6, text, ack);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("alert-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.pseudoClassStateChanged(URGENT, a.kind().urgent());
        return chip;
    }

    /**
     * A click on an alert's text shows what it is about: the newest call of the alert in the queue, the overdue
     * order in the orders panel. The commander no longer searches the queue for the number the strip names.
     */
    public void setOnOpen(java.util.function.Consumer<AlertTrigger> open) {
        this.onOpen = open;
    }

    private void opens(Label text, java.util.function.Supplier<Alert> which) {
        text.getStyleClass().add("alert-open");
        text.setTooltip(new javafx.scene.control.Tooltip(ui.i18n().tr("alerts.open")));
        text.setOnMouseClicked(e -> {
            Alert a = which.get();
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && a != null && onOpen != null) {
                onOpen.accept(a.latest());
            }
        });
    }

    /** "紧急警情 J… 北街3号", "3 起紧急警情", "指令超时未签收 ZL… 城关01", "新警情 7 起，最新 J… 北街3号". */
    String text(Alert a) {
        I18n i18n = ui.i18n();
        AlertTrigger latest = a.latest();
        String latestDetail = latest.detail() == null ? "" : latest.detail();
        if (a.count() > 1) {
            return switch (a.kind()) {
                case NEW_INCIDENT -> i18n.tr("alerts.counter.newIncident", a.count(), latest.reference(), latestDetail);
                case HIGH_PRIORITY_INCIDENT -> i18n.tr("alerts.group.highPriority", a.count());
                case ORDER_OVERDUE -> i18n.tr("alerts.group.overdue", a.count());
                case UNIT_EMERGENCY -> i18n.tr("alerts.group.emergency", a.count(), latest.reference());
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
            case UNIT_EMERGENCY -> i18n.tr("alerts.emergency", t.reference(), detail);
        };
    }

    public Node root() {
        return root;
    }
}
