package org.commandroom.app.ui.dispatch;

import org.commandroom.core.intake.IntakeResult;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Durations;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.dispatch.PositionSource;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.incident.Incident;

/**
 * The dispatch panel (派警, F3) for the incident selected in the queue: the proposals (responsibility first, or
 * for an urgent call travel time first, as the line under the incident says), with distance, estimated travel
 * time and where each is measured from (a unit's fix and its age, stale ones marked; the grid officer's unit or
 * office). Up/Down choose, Enter sends; a unit already sent to this incident is marked. A lost race says so and
 * keeps the note; a database that does not answer is said so, and the list is computed again when it does.
 */
public final class DispatchView {

    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final DispatchViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final Label heading = new Label();
    private final Label ranking = new Label();
    private final TableView<UnitProposal> table = new TableView<>();
    private final TextField note = new TextField();
    private final Button confirm = new Button();
    private final Label message = new Label();
    /** A repeat call's flag, its earlier calls and the door visit to order (hidden for a call that is not one). */
    private final VBox repeatBox = new VBox(4);
    private final Label repeatTitle = new Label();
    private final Label repeatEarlier = new Label();
    private final Button visit = new Button();

    public DispatchView(DispatchViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        var i18n = ui.i18n();
        root.setId("dispatch-panel");
        root.getStyleClass().addAll("panel", "dispatch-panel");
        root.setSpacing(8);
        Label title = new Label(i18n.tr("dispatch.title"));
        title.getStyleClass().add("panel-title");
        heading.setId("dispatch-incident");
        heading.setWrapText(true);
        vm.incidentProperty().addListener((o, was, is) -> heading.setText(describe(is)));
        ranking.setId("dispatch-ranking");
        ranking.getStyleClass().add("panel-hint");
        ranking.setWrapText(true);
        ranking.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.incidentProperty().get() == null
                ? "" : i18n.tr(vm.byTravelTimeProperty().get() ? "dispatch.ranking.urgent" : "dispatch.ranking.routine"),
                vm.incidentProperty(), vm.byTravelTimeProperty()));

        table.setId("dispatch-proposals");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setItems(vm.proposals());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setId("dispatch-placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.listStateProperty().map(state -> switch (state) {
            case LOADING -> i18n.tr("dispatch.loading");
            case READY -> i18n.tr("dispatch.none");
            case FAILED -> i18n.tr("dispatch.placeholder.failed");
        }));
        table.setPlaceholder(placeholder);
        // Six dense columns that fit the 560-px side panel at 1600 px; the station and the crew are in the
        // row's tooltip (call signs carry their station's name), where the distance is measured from is the last,
        // widest column.
        table.getColumns().add(column("dispatch.col.responsibility", 64, p -> p.alreadyDispatched()
                ? i18n.tr("dispatch.sent") : switch (p.responsibility()) {
                    case GRID_OFFICER -> i18n.tr("dispatch.responsibility.GRID_OFFICER");
                    case OWN_STATION -> i18n.tr("dispatch.responsibility.OWN_STATION");
                    case NEAREST -> i18n.tr("dispatch.responsibility.NEAREST");
                }));
        table.getColumns().add(column("dispatch.col.unit", 86, UnitProposal::label));
        table.getColumns().add(column("dispatch.col.kind", 64, p -> p.isOfficerOnly() ? i18n.tr("dispatch.officer")
                : switch (p.kind()) {
                    case CAR -> i18n.tr("dispatch.kind.CAR");
                    case MOTORBIKE -> i18n.tr("dispatch.kind.MOTORBIKE");
                    case FOOT -> i18n.tr("dispatch.kind.FOOT");
                }));
        table.getColumns().add(column("dispatch.col.distance", 78, p -> p.distanceMetres() == null ? i18n.tr("common.none")
                : i18n.distance(p.distanceMetres())));
        table.getColumns().add(column("dispatch.col.eta", 80, p -> p.eta() == null ? i18n.tr("common.none")
                : Durations.stopwatch(p.eta())));
        TableColumn<UnitProposal, UnitProposal> age = new TableColumn<>(i18n.tr("dispatch.col.age"));
        age.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        age.setCellFactory(c -> new AgeCell());
        age.setPrefWidth(174);
        age.setSortable(false);
        table.getColumns().add(age);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UnitProposal p, boolean empty) {
                super.updateItem(p, empty);
                setTooltip(empty || p == null ? null : new Tooltip(i18n.tr("dispatch.tooltip", p.stationName(),
                        p.crew().isEmpty() ? i18n.tr("common.none") : String.join("、", p.crew()))));
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                // Nothing is chosen for the commander (after a unit was sent): Enter must find nothing selected.
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.selectedProperty().set(is);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.confirm();
                e.consume();
            }
        });

        note.setId("dispatch-note");
        note.setPromptText(i18n.tr("dispatch.note.prompt"));
        note.textProperty().bindBidirectional(vm.noteProperty());
        confirm.setId("dispatch-confirm");
        confirm.setText(i18n.tr("dispatch.confirm"));
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        confirm.setOnAction(e -> vm.confirm());

        message.setId("dispatch-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, was, is) -> {
            message.getStyleClass().removeAll("danger", "success");
            message.getStyleClass().add(is ? "danger" : "success");
        });
        Label keys = new Label(i18n.tr("dispatch.keys"));
        keys.getStyleClass().add("panel-hint");
        keys.setWrapText(true);
        buildRepeat();
        root.getChildren().addAll(title, heading, ranking, repeatBox, table, note, confirm, message, keys);
        // The database's health is followed, and a failed read retried, while the panel is on screen.
        Runnable beat = vm::beat;
        Lifecycle.whileShowing(root, () -> {
            vm.activate();
            ui.ticker().subscribe(beat);
        }, () -> {
            ui.ticker().unsubscribe(beat);
            vm.deactivate();
        });
    }

    /** Shows the repeat flag of the call in the panel and its door visit, as intake showed it to its call-taker. */
    private void buildRepeat() {
        var i18n = ui.i18n();
        repeatBox.setId("dispatch-repeat");
        repeatBox.getStyleClass().add("dispatch-repeat");
        repeatTitle.setId("dispatch-repeat-title");
        repeatTitle.getStyleClass().add("warning");
        repeatTitle.setWrapText(true);
        repeatEarlier.setId("dispatch-repeat-earlier");
        repeatEarlier.getStyleClass().add("panel-hint");
        repeatEarlier.setWrapText(true);
        visit.setId("dispatch-visit");
        visit.setOnAction(e -> vm.issueVisit());
        visit.setMinWidth(Region.USE_PREF_SIZE);
        repeatBox.getChildren().addAll(repeatTitle, repeatEarlier, visit);
        repeatBox.managedProperty().bind(repeatBox.visibleProperty());
        javafx.beans.InvalidationListener show = o -> {
            IntakeResult r = vm.repeatProperty().get();
            repeatBox.setVisible(r != null);
            if (r == null) {
                return;
            }
            var f = r.repeat();
            repeatTitle.setText(i18n.tr("intake.repeat.title",
                    org.commandroom.app.ui.intake.IntakeView.repeatReasons(i18n, f.reasons()), f.rule().windowDays(),
                    f.occurrences()));
            java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("M-d HH:mm")
                    .withZone(ui.clock().getZone());
            repeatEarlier.setText(f.earlier().stream().limit(3).map(e -> e.incidentNo() + "  " + when.format(e.receivedAt())
                    + "  " + i18n.label(e.type())).collect(java.util.stream.Collectors.joining("\n")));
            String issued = vm.visitIssuedProperty().get();
            visit.setVisible(issued != null || r.visitProposal().isPresent());
            visit.setManaged(visit.isVisible());
            visit.setText(issued != null ? i18n.tr("intake.visit.issued", issued) : i18n.tr("dispatch.repeat.visit"));
            visit.setDisable(issued != null);
        };
        vm.repeatProperty().addListener(show);
        vm.visitIssuedProperty().addListener(show);
        show.invalidated(null);
    }

    private String describe(Incident i) {
        if (i == null) {
            return "";
        }
        return ui.i18n().tr("dispatch.incident", i.incidentNo(), ui.i18n().label(i.type()), ui.i18n().priority(i.priority()),
                i.address(), ui.i18n().label(i.status()));
    }

    private TableColumn<UnitProposal, String> column(String key, double width, Function<UnitProposal, String> text) {
        TableColumn<UnitProposal, String> c = new TableColumn<>(ui.i18n().tr(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public Node root() {
        return root;
    }

    /** Puts the keyboard in the proposals list (the panel was just opened). */
    public void focusFirst() {
        table.requestFocus();
        if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    TableView<UnitProposal> table() {
        return table;
    }

    /** Where the distance is measured from: a unit's fix and its age; for the officer alone, his unit or office. */
    private final class AgeCell extends TableCell<UnitProposal, UnitProposal> {
        @Override
        protected void updateItem(UnitProposal p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                pseudoClassStateChanged(STALE, false);
                return;
            }
            var i18n = ui.i18n();
            String age = Durations.age(p.positionAge(), i18n);
            setText(switch (p.positionSource()) {
                case UNIT_FIX -> p.stale() ? i18n.tr("dispatch.stale", age) : age;
                case CREWED_UNIT -> i18n.tr(p.stale() ? "dispatch.position.crewedUnitStale" : "dispatch.position.crewedUnit",
                        p.positionName(), age);
                case OFFICE -> i18n.tr("dispatch.position.office", p.positionName());
                case NONE -> i18n.tr("dispatch.position.none");
            });
            pseudoClassStateChanged(STALE, p.positionSource() != PositionSource.OFFICE && p.stale());
        }
    }
}
