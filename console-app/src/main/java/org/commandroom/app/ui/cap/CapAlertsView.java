package org.commandroom.app.ui.cap;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Columns;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapRefused;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.CapDelivery;
import org.commandroom.core.cap.CapInfo;
import org.commandroom.core.cap.StoredCap;

/**
 * The alerts of other agencies in force (预警信息): severity, event, area, until when, from whom, with a line saying
 * what the last read of the folder did (files refused are named; their problems are in the folder's refused/).
 */
public final class CapAlertsView {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final CapAlertsViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final TableView<StoredCap> table = new TableView<>();
    private final Label status = new Label();
    /** The line under the header saying what was issued, updated or cancelled, or why not. */
    private Label notice;

    /**
     * The panel; when the view model has the warnings service (this user may issue) the header offers 发布预警 and
     * our warnings in force are listed below with a cancel action.
     */
    public CapAlertsView(CapAlertsViewModel vm, UiContext ui) {
        CapService issuer = vm.issuer();
        this.vm = vm;
        this.ui = ui;
        I18n i18n = ui.i18n();
        root.getStyleClass().addAll("panel", "cap-alerts");
        root.setId("cap-alerts");
        Label title = new Label(i18n.tr("warnings.title"));
        title.getStyleClass().add("panel-title");
        Label count = new Label();
        count.getStyleClass().add("panel-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("warnings.count", vm.alerts().size()),
                vm.alerts()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, count);
        header.getStyleClass().add("panel-header");
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // In a narrow side pane the count and the button keep their width (the trial saw "0 条在效" under the button).
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label issued = new Label();
        issued.setId("cap-issued");
        issued.setWrapText(true);
        issued.visibleProperty().bind(issued.textProperty().isNotEmpty());
        issued.managedProperty().bind(issued.visibleProperty());
        this.notice = issued;
        if (issuer != null) {
            Button issue = new Button(i18n.tr("warnings.issue"));
            issue.setId("cap-issue");
            issue.setMinWidth(Region.USE_PREF_SIZE);
            issue.setOnAction(e -> open(newForm(), () -> issued.setText(i18n.tr("warnings.drawn.how"))));
            header.getChildren().add(issue);
        }

        table.setId("cap-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(vm.alerts());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.tr("warnings.empty")));
        ZoneId zone = ui.clock().getZone();
        table.getColumns().add(text("warnings.col.severity", 70, "col-severity", s -> severity(i18n, s.severity())));
        table.getColumns().add(text("warnings.col.event", 150, "col-event", s -> s.event()
                + (s.status() == org.commandroom.core.cap.CapAlert.Status.Exercise ? i18n.tr("warnings.exercise") : "")));
        table.getColumns().add(text("warnings.col.area", 130, "col-area", StoredCap::areaDesc));
        table.getColumns().add(text("warnings.col.until", 90, "col-until", s -> s.expiresAt() == null ? i18n.tr("common.none")
                : UNTIL.format(s.expiresAt().atZone(zone))));
        table.getColumns().add(text("warnings.col.sender", 150, "col-sender", StoredCap::sender));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(96);

        status.setId("cap-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(i18n),
                vm.lastPollProperty(), vm.failedProperty()));
        root.getChildren().addAll(header, issued, table, status);
        if (issuer != null) {
            root.getChildren().add(ours(i18n, zone, issued));
        }
    }

    private WarningForm newForm() {
        I18n i18n = ui.i18n();
        return new WarningForm(vm.issuer(), ui.tasks(), vm.actor(), t -> words(i18n, t),
                i18n.tr("warnings.form.needArea"), i18n.tr("warnings.form.needHeadlines"));
    }

    /** Opens the form's dialog; once done, the notice says what was issued and the new message is posted. */
    private void open(WarningForm form, Runnable drawOnMap) {
        I18n i18n = ui.i18n();
        form.doneProperty().addListener((o, was, is) -> {
            notice.setText(!is ? "" : form.updated() != null
                    ? i18n.tr("warnings.update.done", form.issuedIdentifier(), form.updated().identifier())
                    : i18n.tr("warnings.issued", form.issuedIdentifier()));
            vm.refresh();
            if (is) {
                vm.deliver(form.issuedId());
            }
        });
        WarningFormDialog.open(form, i18n, root.getScene() == null ? null : root.getScene().getWindow(), drawOnMap);
    }

    /**
     * Opens the warning form for an area drawn on the map (对此区域发布预警…): a circle (centre and radius) or a polygon
     * (its vertices), stated in words in the form. Nothing happens when this user may not issue warnings.
     */
    public void issueFor(org.commandroom.core.geo.GeoShape shape) {
        if (vm.issuer() == null || shape == null) {
            return;
        }
        I18n i18n = ui.i18n();
        WarningForm form = newForm();
        form.drawn(shape, shapeWords(i18n, shape), shapeName(i18n, shape), i18n.tr("warnings.drawn.needName"));
        open(form, null);
    }

    /** A circle's centre and radius, or a polygon's vertices, in words (WGS 84, as the CAP document carries them). */
    static String shapeWords(I18n i18n, org.commandroom.core.geo.GeoShape shape) {
        if (shape instanceof org.commandroom.core.geo.GeoShape.Circle c) {
            org.commandroom.core.geo.GeoPoint w = org.commandroom.core.geo.DatumConverter.convert(c.centre(),
                    org.commandroom.core.geo.Datum.WGS84);
            return i18n.tr("warnings.drawn.circle", coordinate(w), Math.round(c.radiusMetres()));
        }
        List<org.commandroom.core.geo.GeoPoint> vs = ((org.commandroom.core.geo.GeoShape.Outline) shape).vertices();
        StringBuilder points = new StringBuilder();
        for (org.commandroom.core.geo.GeoPoint p : vs) {
            points.append(points.length() == 0 ? "(" : " (").append(coordinate(
                    org.commandroom.core.geo.DatumConverter.convert(p, org.commandroom.core.geo.Datum.WGS84))).append(')');
        }
        return i18n.tr("warnings.drawn.polygon", vs.size(), points);
    }

    private static String coordinate(org.commandroom.core.geo.GeoPoint p) {
        return String.format(Locale.ROOT, "%.6f, %.6f", p.lat(), p.lon());
    }

    /** The name proposed for a drawn area (CAP's areaDesc), which the user may change. */
    static String shapeName(I18n i18n, org.commandroom.core.geo.GeoShape shape) {
        if (shape instanceof org.commandroom.core.geo.GeoShape.Circle c) {
            return i18n.tr("warnings.drawn.circleName", Math.round(c.radiusMetres()));
        }
        return i18n.tr("warnings.drawn.polygonName", ((org.commandroom.core.geo.GeoShape.Outline) shape).vertices().size());
    }

    /**
     * Reads on the window's beat while {@code anchor} shows (the desk's side panel: the folder is read whether or
     * not this tab is the one chosen).
     */
    public static void readWhileShowing(Node anchor, CapAlertsViewModel vm, UiContext ui) {
        Runnable tick = vm::tick;
        Lifecycle.whileShowing(anchor, () -> ui.ticker().subscribe(tick), () -> ui.ticker().unsubscribe(tick));
    }

    private String statusText(I18n i18n) {
        if (vm.failedProperty().get()) {
            return i18n.tr("warnings.status.failed");
        }
        if (!vm.mayReceive()) {
            return i18n.tr("warnings.status.readOnly");
        }
        CapInbox.Poll p = vm.lastPollProperty().get();
        if (p == null) {
            return i18n.tr("warnings.status.waiting", vm.folder());
        }
        String read = i18n.tr("warnings.status.read", p.stored(), p.ignored(), p.deleted());
        if (p.refused().isEmpty()) {
            return read;
        }
        CapInbox.Refusal first = p.refused().get(0);
        return read + " " + i18n.tr("warnings.status.refused", p.refused().size(), first.file(),
                i18n.label(first.problems().get(0).kind()));
    }

    /** Our warnings in force, with 撤销 for the one chosen. */
    private Node ours(I18n i18n, ZoneId zone, Label notice) {
        Label title = new Label(i18n.tr("warnings.ours.title"));
        title.getStyleClass().add("panel-title");
        title.setId("cap-ours-title");
        TableView<StoredCap> mine = new TableView<>(vm.ours());
        mine.setId("cap-ours");
        mine.getStyleClass().add(Styles.DENSE);
        mine.setPrefHeight(140);
        mine.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        mine.setPlaceholder(new Label(i18n.tr("warnings.ours.empty")));
        mine.getColumns().add(text("warnings.col.event", 150, "col-event", s -> (s.msgType()
                == org.commandroom.core.cap.CapAlert.MsgType.Cancel ? i18n.tr("warnings.ours.cancelRow", s.event()) : s.event())
                + (s.status() == org.commandroom.core.cap.CapAlert.Status.Exercise ? i18n.tr("warnings.exercise") : "")));
        mine.getColumns().add(text("warnings.col.area", 130, "col-area", StoredCap::areaDesc));
        mine.getColumns().add(text("warnings.col.until", 90, "col-until", s -> s.expiresAt() == null
                ? i18n.tr("common.none") : UNTIL.format(s.expiresAt().atZone(zone))));
        mine.getColumns().add(text("warnings.ours.identifier", 200, "col-identifier", StoredCap::identifier));
        if (vm.posts()) {
            TableColumn<StoredCap, String> sent = text("warnings.ours.delivery", 220, "col-delivery",
                    s -> delivery(i18n, s.id()));
            // A failure's reason is longer than the column: the whole of it on hovering.
            sent.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
                    StoredCap row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    CapDelivery d = row == null ? null : vm.deliveries().get(row.id());
                    pseudoClassStateChanged(DELIVERY_FAILED, d != null && !d.delivered()
                            && !vm.postingProperty().contains(row.id()));
                }
            });
            mine.getColumns().add(sent);
            // A delivery or a post starting changes the column's words: the rows are drawn again.
            vm.deliveries().addListener((javafx.collections.MapChangeListener<Long, CapDelivery>) c -> mine.refresh());
            vm.postingProperty().addListener((javafx.collections.SetChangeListener<Long>) c -> mine.refresh());
        }
        Button cancel = new Button(i18n.tr("warnings.ours.cancel"));
        cancel.setId("cap-cancel");
        // A cancel listed for sending again is not itself updated or cancelled.
        javafx.beans.binding.BooleanBinding noWarning = Bindings.createBooleanBinding(() -> {
            StoredCap s = mine.getSelectionModel().getSelectedItem();
            return s == null || s.msgType() == org.commandroom.core.cap.CapAlert.MsgType.Cancel;
        }, mine.getSelectionModel().selectedItemProperty());
        cancel.disableProperty().bind(noWarning);
        Button update = new Button(i18n.tr("warnings.ours.update"));
        update.setId("cap-update");
        update.setMinWidth(Region.USE_PREF_SIZE);
        update.disableProperty().bind(noWarning);
        update.setOnAction(e -> {
            StoredCap chosen = mine.getSelectionModel().getSelectedItem();
            org.commandroom.core.cap.CapAlert alert = chosen == null ? null : vm.read(chosen);
            if (alert == null) {
                return;
            }
            WarningForm form = newForm();
            form.updating(chosen, alert, i18n.tr("warnings.update.keep", chosen.areaDesc()));
            open(form, null);
        });
        cancel.setOnAction(e -> {
            StoredCap chosen = mine.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                CancelDialog.ask(i18n, root.getScene() == null ? null : root.getScene().getWindow(), chosen)
                        .ifPresent(reasons -> vm.cancel(chosen, reasons[0], reasons[1],
                                id -> notice.setText(i18n.tr("warnings.ours.cancelled", id)),
                                ex -> notice.setText(words(i18n, ex))));
            }
        });
        // Two or three buttons beside the title do not fit the desk's narrow side pane: they wrap, each shown whole.
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Region head = vm.posts() ? new TitleAndActions(title, update, resendButton(i18n, mine, notice), cancel)
                : new TitleAndActions(title, update, cancel);
        head.getStyleClass().add("panel-header");
        // The two lists share a short tab: each keeps room for its header and a row or its empty line (the trial saw
        // this one squeezed to its header, its empty line drawn over it).
        mine.setMinHeight(96);
        VBox.setVgrow(mine, Priority.ALWAYS);
        VBox box = new VBox(head, mine);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /**
     * 重新发送 for the warning chosen, and on each row's context menu: enabled only when its last delivery failed and
     * no post of it runs; a refusal is said in the notice line.
     */
    private Button resendButton(I18n i18n, TableView<StoredCap> mine, Label notice) {
        java.util.function.Consumer<StoredCap> resend = s -> {
            notice.setText("");
            // A cancel leaves the list once delivered: the notice says so.
            vm.resend(s.id(), d -> {
                if (d.delivered() && s.msgType() == org.commandroom.core.cap.CapAlert.MsgType.Cancel) {
                    notice.setText(i18n.tr("warnings.ours.cancelDelivered", s.identifier()));
                }
            }, ex -> notice.setText(words(i18n, ex)));
        };
        Button button = new Button(i18n.tr("warnings.ours.resend"));
        button.setId("cap-resend");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            StoredCap s = mine.getSelectionModel().getSelectedItem();
            return s == null || !vm.mayResend(s.id());
        }, mine.getSelectionModel().selectedItemProperty(), vm.deliveries(), vm.postingProperty()));
        button.setOnAction(e -> {
            StoredCap s = mine.getSelectionModel().getSelectedItem();
            if (s != null) {
                resend.accept(s);
            }
        });
        mine.setRowFactory(t -> {
            javafx.scene.control.TableRow<StoredCap> row = new javafx.scene.control.TableRow<>();
            javafx.scene.control.MenuItem again = new javafx.scene.control.MenuItem(i18n.tr("warnings.ours.resend"));
            again.setId("cap-resend-menu");
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(again);
            // The warning is taken when the menu opens: the list redraws its rows (a delivery's news) while it is up.
            menu.setOnShowing(e -> {
                menu.setUserData(row.getItem());
                again.setDisable(row.getItem() == null || !vm.mayResend(row.getItem().id()));
            });
            again.setOnAction(e -> {
                if (menu.getUserData() instanceof StoredCap s) {
                    resend.accept(s);
                }
            });
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((javafx.scene.control.ContextMenu) null).otherwise(menu));
            return row;
        });
        return button;
    }

    /** A delivery cell whose post failed (drawn in the danger colour). */
    private static final javafx.css.PseudoClass DELIVERY_FAILED = javafx.css.PseudoClass.getPseudoClass("delivery-failed");

    /** What became of posting our alert {@code id}: being sent, delivered, failed and why, or not sent. */
    private String delivery(I18n i18n, long id) {
        if (vm.postingProperty().contains(id)) {
            return i18n.tr("warnings.delivery.posting");
        }
        CapDelivery d = vm.deliveries().get(id);
        if (d == null) {
            return i18n.tr("warnings.delivery.none");
        }
        return d.delivered() ? i18n.tr("warnings.delivery.delivered", d.endpoint())
                : i18n.tr("warnings.delivery.failed", d.reason().in(i18n.locale()));
    }

    /** A failure of issuing in the user's words: the service's refusal, or the console's usual words. */
    static String words(I18n i18n, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CapRefused r) {
                return i18n.label(r.reason());
            }
        }
        return Failures.text(t, i18n);
    }

    static String severity(I18n i18n, String code) {
        for (CapInfo.Severity s : CapInfo.Severity.values()) {
            if (s.name().equals(code)) {
                return i18n.label(s);
            }
        }
        return i18n.label(CapInfo.Severity.Unknown);
    }

    private TableColumn<StoredCap, String> text(String key, double width, String style, Function<StoredCap, String> f) {
        TableColumn<StoredCap, String> c = new TableColumn<>(ui.i18n().tr(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(f.apply(cd.getValue())));
        Columns.setup(c, width, style);
        return c;
    }

    public Node root() {
        return root;
    }

    public TableView<StoredCap> table() {
        return table;
    }
}
