package org.commandroom.app.ui.prevention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.prevention.MeterModels;
import org.commandroom.core.prevention.ModelAlertService;

/**
 * The model-alert tab: the alerts (newest first) with the order each became and whether it is late, the selected
 * alert's readings, and under them the three models' rules, each stated in words, with its switch, feedback days and
 * thresholds; a problem shows under its field.
 */
public final class ModelAlertsView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ModelAlertsViewModel vm;
    private final I18n i18n;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final TableView<ModelAlertService.Raised> table = new TableView<>(); 
    private final TextArea evidence = new TextArea();
    private final HBox rulesBox = new HBox(16);
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Map<String, CheckBox> switches = new LinkedHashMap<>();
    private final Label message = new Label();
    private final TableExport export;

    /**
     * {@code refresh} reads the window's tabs again (its button, beside the evidence's title); {@code tasks} writes
     * the export off the FX thread.
     */
    public ModelAlertsView(ModelAlertsViewModel vm, I18n i18n, ZoneId zone, Runnable refresh,
                           org.commandroom.app.ui.common.Tasks tasks, java.time.Clock clock) {
        this.vm = vm;
        this.i18n = i18n;
        this.zone = zone;
        table.setId("model-alerts");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        javafx.collections.transformation.SortedList<ModelAlertService.Raised> sorted =
                new javafx.collections.transformation.SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        export = new TableExport("model-alerts-export", table, i18n, tasks, clock, "prevention.export.alertsFile");
        table.setPlaceholder(new Label(i18n.tr("prevention.alerts.none")));
        table.getColumns().add(column(i18n.tr("prevention.alerts.detected"), 140, a -> time(a.detectedAt())));
        table.getColumns().add(column(i18n.tr("prevention.alerts.rule"), 110, a -> ruleName(a.rule())));
        table.getColumns().add(column(i18n.tr("prevention.alerts.house"), 130, ModelAlertService.Raised::house));
        table.getColumns().add(column(i18n.tr("prevention.alerts.station"), 100, ModelAlertService.Raised::station));
        table.getColumns().add(column(i18n.tr("prevention.alerts.meter"), 70, ModelAlertService.Raised::meterNo));
        table.getColumns().add(column(i18n.tr("prevention.alerts.order"), 170,
                a -> a.orderNo() == null ? i18n.tr("prevention.alerts.noOrder") : a.orderNo()));
        table.getColumns().add(column(i18n.tr("prevention.alerts.status"), 90, this::status));
        table.getColumns().add(column(i18n.tr("prevention.alerts.deadline"), 130, a -> time(a.deadline())));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ModelAlertService.Raised a, boolean empty) {
                super.updateItem(a, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("late"), !empty && a != null && a.late());
            }
        });
        evidence.setId("model-alert-evidence");
        evidence.setEditable(false);
        evidence.setWrapText(true);
        evidence.setPromptText(i18n.tr("prevention.alerts.evidenceHint"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> evidence.setText(is == null ? ""
                : is.evidence().replace(";", "\n").replace("：", "：\n").replace(":", ":\n")));
        Label evidenceTitle = new Label(i18n.tr("prevention.alerts.evidence"));
        evidenceTitle.getStyleClass().add("section-title");
        Button again = new Button(i18n.tr("prevention.refresh"));
        again.setId("prevention-refresh");
        again.setFocusTraversable(false);
        again.setOnAction(e -> refresh.run());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, evidenceTitle, gap, again);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox side = new VBox(6, head, evidence);
        VBox.setVgrow(evidence, Priority.ALWAYS);
        VBox list = new VBox(6, filters(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane top = new SplitPane(list, side);
        top.setDividerPositions(0.76);

        Label rulesTitle = new Label(i18n.tr("prevention.rules.title"));
        rulesTitle.getStyleClass().add("section-title");
        Button save = new Button(i18n.tr("prevention.save"));
        save.setId("model-rules-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.busyProperty().or(vm.rulesProperty().isNull()));
        save.setOnAction(e -> vm.save(input()));
        message.setId("model-rules-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, was, is) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), is));
        HBox actions = new HBox(12, save, message);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox bottom = new VBox(8, rulesTitle, rulesBox, actions);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);
        root.setPadding(new Insets(8));
        vm.rulesProperty().addListener((o, was, is) -> showRules(is));
        vm.fieldErrors().addListener((MapChangeListener<String, String>) c -> showErrors());
    }

    /** The filters over the list (station, model, late only), how many are shown, and the export. */
    private Node filters() {
        javafx.scene.control.ComboBox<String> station = new javafx.scene.control.ComboBox<>();
        station.setId("model-alerts-station");
        String allStations = i18n.tr("prevention.alerts.filter.allStations");
        station.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? allStations : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Runnable stationItems = () -> {
            List<String> items = new ArrayList<>(List.of(""));
            items.addAll(vm.stations());
            station.getItems().setAll(items);
            station.setValue(vm.stationProperty().get() == null ? "" : vm.stationProperty().get());
        };
        vm.stations().addListener((javafx.collections.ListChangeListener<String>) c -> stationItems.run());
        stationItems.run();
        station.valueProperty().addListener((o, was, is) -> vm.stationProperty().set(is == null || is.isEmpty() ? null : is));
        vm.stationProperty().addListener((o, was, is) -> station.setValue(is == null ? "" : is));

        javafx.scene.control.ComboBox<String> rule = new javafx.scene.control.ComboBox<>();
        rule.setId("model-alerts-rule");
        rule.getItems().setAll("", MeterModels.SUDDEN_OCCUPANCY, MeterModels.GONE_SILENT, MeterModels.GROUP_RENTING);
        String allRules = i18n.tr("prevention.alerts.filter.allRules");
        rule.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? allRules : ruleName(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        rule.setValue("");
        rule.valueProperty().addListener((o, was, is) -> vm.ruleProperty().set(is == null || is.isEmpty() ? null : is));

        CheckBox late = new CheckBox(i18n.tr("prevention.alerts.filter.lateOnly"));
        late.setId("model-alerts-late-only");
        late.selectedProperty().bindBidirectional(vm.lateOnlyProperty());

        Label count = new Label();
        count.setId("model-alerts-count");
        Runnable counted = () -> count.setText(i18n.tr("prevention.alerts.filter.count", vm.shown().size(), vm.alerts().size()));
        vm.shown().addListener((javafx.collections.ListChangeListener<ModelAlertService.Raised>) c -> counted.run());
        vm.alerts().addListener((javafx.collections.ListChangeListener<ModelAlertService.Raised>) c -> counted.run());
        counted.run();

        HBox bar = new HBox(8, new Label(i18n.tr("prevention.alerts.station")), station,
                new Label(i18n.tr("prevention.alerts.rule")), rule, late, count, export.button(), export.status());
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(export.status(), Priority.ALWAYS);
        export.status().setMinWidth(0);
        return bar;
    }

    TableExport export() {
        return export;
    }

    private TableColumn<ModelAlertService.Raised, String> column(String title, double width,
                                                                  java.util.function.Function<ModelAlertService.Raised, String> value) {
        TableColumn<ModelAlertService.Raised, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    private String status(ModelAlertService.Raised a) {
        if (a.orderStatus() == null) {
            return "";
        }
        String s = i18n.label(OrderStatus.valueOf(a.orderStatus()));
        return a.late() ? i18n.tr("prevention.alerts.late", s) : s;
    }

    private String ruleName(String code) {
        MeterModels m = vm.rulesProperty().get();
        return m == null ? code : m.rule(code).map(this::name).orElse(code);
    }

    private String name(MeterModels.Rule r) {
        return "zh".equals(i18n.locale().getLanguage()) ? r.nameZh() : r.nameEn();
    }

    private void showRules(MeterModels m) {
        rulesBox.getChildren().clear();
        fields.clear();
        errors.clear();
        switches.clear();
        if (m == null) {
            return;
        }
        table.refresh();
        for (MeterModels.Rule r : m.rules()) {
            GridPane g = new GridPane();
            g.setHgap(6);
            g.setVgap(2);
            g.getStyleClass().add("prevention-rule");
            CheckBox on = new CheckBox(name(r));
            on.setId("rule-" + r.code() + "-enabled");
            on.setSelected(r.enabled());
            switches.put(r.code(), on);
            g.add(on, 0, 0, 2, 1);
            Label said = new Label(statement(r.code()));
            said.setWrapText(true);
            said.setMaxWidth(300);
            said.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            said.getStyleClass().add("rule-statement");
            g.add(said, 0, 1, 2, 1);
            int row = 2;
            row = field(g, row, r.code(), "feedbackDays", i18n.tr("prevention.rules.feedbackDays"),
                    Integer.toString(r.feedbackDays()));
            for (String name : thresholdOrder(r.code())) {
                Double v = r.thresholds().get(name);
                row = field(g, row, r.code(), name, thresholdLabel(name), v == null ? "" : number(v));
            }
            rulesBox.getChildren().add(g);
        }
    }

    private int field(GridPane g, int row, String rule, String name, String label, String value) {
        TextField f = new TextField(value);
        f.setId("rule-" + rule + "-" + name);
        f.setPrefColumnCount(6);
        Label l = new Label(label);
        l.setLabelFor(f);
        Label error = new Label();
        error.setId("rule-" + rule + "-" + name + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(300);
        error.setManaged(false);
        error.setVisible(false);
        g.add(l, 0, row);
        g.add(f, 1, row);
        g.add(error, 0, row + 1, 2, 1);
        fields.put(rule + "." + name, f);
        errors.put(rule + "." + name, error);
        return row + 2;
    }

    private void showErrors() {
        errors.forEach((key, label) -> {
            String text = vm.fieldErrors().get(key);
            label.setText(text == null ? "" : text);
            label.setVisible(text != null);
            label.setManaged(text != null);
            TextField f = fields.get(key);
            if (f != null) {
                f.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), text != null);
            }
        });
    }

    private List<ModelAlertsViewModel.RuleInput> input() {
        List<ModelAlertsViewModel.RuleInput> out = new ArrayList<>();
        switches.forEach((code, on) -> {
            Map<String, String> t = new LinkedHashMap<>();
            for (String name : thresholdOrder(code)) {
                TextField f = fields.get(code + "." + name);
                if (f != null) {
                    t.put(name, f.getText());
                }
            }
            out.add(new ModelAlertsViewModel.RuleInput(code, on.isSelected(), fields.get(code + ".feedbackDays").getText(), t));
        });
        return out;
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    static List<String> thresholdOrder(String rule) {
        return switch (rule) {
            case MeterModels.SUDDEN_OCCUPANCY -> List.of("vacantRate", "vacantDays", "occupiedRate");
            case MeterModels.GONE_SILENT -> List.of("occupiedRate", "occupiedDays", "silentRate", "silentDays");
            case MeterModels.GROUP_RENTING -> List.of("perPersonRate", "minPersons", "minDays");
            default -> List.of();
        };
    }

    private String thresholdLabel(String name) {
        return switch (name) {
            case "vacantRate" -> i18n.tr("prevention.threshold.vacantRate");
            case "vacantDays" -> i18n.tr("prevention.threshold.vacantDays");
            case "occupiedRate" -> i18n.tr("prevention.threshold.occupiedRate");
            case "occupiedDays" -> i18n.tr("prevention.threshold.occupiedDays");
            case "silentRate" -> i18n.tr("prevention.threshold.silentRate");
            case "silentDays" -> i18n.tr("prevention.threshold.silentDays");
            case "perPersonRate" -> i18n.tr("prevention.threshold.perPersonRate");
            case "minPersons" -> i18n.tr("prevention.threshold.minPersons");
            case "minDays" -> i18n.tr("prevention.threshold.minDays");
            default -> name;
        };
    }

    private String statement(String rule) {
        return switch (rule) {
            case MeterModels.SUDDEN_OCCUPANCY -> i18n.tr("prevention.model.suddenOccupancy");
            case MeterModels.GONE_SILENT -> i18n.tr("prevention.model.goneSilent");
            case MeterModels.GROUP_RENTING -> i18n.tr("prevention.model.groupRenting");
            default -> "";
        };
    }

    public Node root() {
        return root;
    }

    TableView<ModelAlertService.Raised> table() {
        return table;
    }
}
