package org.commandroom.app.ui.index;

import org.commandroom.app.ui.common.Columns;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.commandroom.core.index.ReminderService;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.jobs.JobBar;
import org.commandroom.core.index.CapabilityDef;
import org.commandroom.core.index.IndexDefinition;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrace;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.app.report.IndexCharts;
import org.commandroom.app.report.IndexWords;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.PeriodKind;
import org.commandroom.core.index.ScopeResult;
import org.commandroom.core.index.StationFacts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.DialShape;
import org.jfree.chart.plot.MeterInterval;
import org.jfree.chart.plot.MeterPlot;
import org.jfree.data.Range;
import org.jfree.data.general.DefaultValueDataset;

/**
 * The prevention index dashboard: the overall gauge and seven capability gauges for a chosen station
 * and period; the ranking of its peers; a click on a gauge lists its indicators, a click on an
 * indicator lists the records behind its value. A gauge's value is in its title (JFreeChart-FX does
 * not draw dial text annotations).
 */
public final class IndexDashboardView {

    private final IndexDashboardViewModel vm;
    private final UiContext ui;
    private final BorderPane root = new BorderPane();
    private final Map<String, Gauge> gauges = new LinkedHashMap<>();
    private final TableView<IndexRanking.RankRow> rankingTable = new TableView<>();
    private final TableView<IndexDashboardViewModel.IndicatorRow> indicatorTable = new TableView<>();
    private final ListView<IndexTrace.RecordRef> records = new ListView<>();
    private final Label formula = new Label();
    private final Label problem = new Label();
    private final Label provisionalNote = new Label();
    private final Label drillTitle = new Label();
    private final TableView<ReminderService.Listed> reminderTable = new TableView<>();
    private final Label sheetStatus = new Label();
    private final JobBar jobBar;
    private final IndexWords words;
    private final ChartViewer trendViewer = new ChartViewer();
    private ManualEntryForm manualForm;
    private String selectedIndicator;

    /** One gauge: its chart, dataset and the capability it stands for (null: the index). */
    record Gauge(String code, String title, ChartViewer viewer, DefaultValueDataset data, JFreeChart chart) {
    }

    public IndexDashboardView(IndexDashboardViewModel vm, UiContext ui) {
        this.vm = vm;
        vm.sayProblemsIn(ui.i18n().locale());
        this.ui = ui;
        this.jobBar = new JobBar(ui.i18n(), "index-job");
        this.words = new IndexWords(ui.i18n()::tr, ui.i18n().locale());
        root.setId("index-dashboard");
        root.getStyleClass().addAll("panel", "index-dashboard");

        ComboBox<StationFacts> stationBox = new ComboBox<>(vm.stations());
        stationBox.setId("index-station");
        stationBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(StationFacts s) {
                return s == null ? "" : s.name();
            }

            @Override
            public StationFacts fromString(String s) {
                return null;
            }
        });
        stationBox.valueProperty().bindBidirectional(vm.stationProperty());
        ComboBox<Period> periodBox = new ComboBox<>(FXCollections.observableArrayList(periods()));
        periodBox.setId("index-period");
        periodBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Period p) {
                return p == null ? "" : words.period(p);
            }

            @Override
            public Period fromString(String s) {
                return null;
            }
        });
        periodBox.valueProperty().bindBidirectional(vm.periodProperty());
        stationBox.setOnAction(e -> vm.reload());
        periodBox.setOnAction(e -> vm.reload());
        provisionalNote.setId("index-provisional");
        provisionalNote.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
        provisionalNote.visibleProperty().bind(vm.provisionalProperty());
        provisionalNote.managedProperty().bind(provisionalNote.visibleProperty());
        problem.setId("index-problem");
        problem.getStyleClass().add("danger");
        Label title = new Label(ui.i18n().tr("index.title"));
        title.getStyleClass().add("panel-title");
        // The header wraps onto a second line in a narrow window (English texts are longer) rather than cut its
        // choices and buttons.
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(12, 6, title,
                new Label(ui.i18n().tr("index.station")), stationBox, new Label(ui.i18n().tr("index.period")), periodBox);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPrefWrapLength(1200);
        if (vm.sheetsAvailable()) {
            Button export = new Button(ui.i18n().tr("index.sheet.export"));
            export.setId("index-export");
            export.setOnAction(e -> chooseAndSave("index.sheet.export", "评估得分", vm::exportScores));
            Button template = new Button(ui.i18n().tr("index.sheet.template"));
            template.setId("index-template");
            template.setOnAction(e -> chooseAndSave("index.sheet.template", "评估表", vm::writeTemplate));
            Button importSheet = new Button(ui.i18n().tr("index.sheet.import"));
            importSheet.setId("index-import");
            importSheet.setOnAction(e -> chooseAndImport());
            Button report = new Button(ui.i18n().tr("index.report.export"));
            report.setId("index-report");
            report.setOnAction(e -> chooseAndExportReport());
            sheetStatus.setId("index-sheet-status");
            top.getChildren().addAll(export, template, importSheet, report, jobBar.root(), sheetStatus);
            vm.sheetOutcomeProperty().addListener((o, was, r) -> showOutcome(r));
            vm.reportOutcomeProperty().addListener((o, was, r) -> showReportOutcome(r));
            // one job at a time: the buttons wait while it runs, the bar shows it with its cancel
            vm.jobProperty().addListener((o, was, j) -> {
                if (j == null) {
                    return;
                }
                jobBar.show(j, ui.i18n().tr(switch (j.kind()) {
                    case "report" -> "index.job.report";
                    case "template" -> "index.job.template";
                    case "import" -> "index.job.import";
                    default -> "index.job.export";
                }));
                sheetStatus.setText("");
                for (Button b : List.of(export, template, importSheet, report)) {
                    b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                            () -> !j.stateProperty().get().finished(), j.stateProperty()));
                }
            });
        }
        top.getStyleClass().add("panel-header");
        for (javafx.scene.Node n : top.getChildren()) {
            if (n instanceof javafx.scene.layout.Region r && n != sheetStatus) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        // the provisional note and the problem on lines of their own under the header: they never squeeze the
        // choices and buttons
        provisionalNote.setWrapText(true);
        provisionalNote.setPadding(new Insets(0, 8, 0, 8));
        problem.setWrapText(true);
        problem.setPadding(new Insets(0, 8, 0, 8));
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        root.setTop(new VBox(2, top, provisionalNote, problem));

        GridPane grid = new GridPane();
        grid.setId("index-gauges");
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        IndexDefinition def = vm.definitions().current();
        addGauge(grid, null, ui.i18n().tr("index.overall"), 0);
        int k = 1;
        for (CapabilityDef c : def.capabilities()) {
            addGauge(grid, c.code(), words.capability(c), k++);
        }

        rankingTable.setId("index-ranking");
        rankingTable.getColumns().add(column("index.col.rank", r -> r.rankInGroup() + "/" + r.groupSize()));
        rankingTable.getColumns().add(column("index.col.station", IndexRanking.RankRow::name));
        rankingTable.getColumns().add(column("index.col.group", r -> words.peerGroup(r.peerGroup())));
        rankingTable.getColumns().add(column("index.col.score", r -> num(r.score())));
        rankingTable.getColumns().add(column("index.col.change", r -> signed(r.changeOnPrevious())));
        rankingTable.getColumns().add(column("index.col.yoy", r -> signed(r.changeOnLastYear())));
        rankingTable.setItems(vm.ranking());
        rankingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        indicatorTable.setId("index-indicators");
        indicatorTable.getColumns().add(column("index.col.id", IndexDashboardViewModel.IndicatorRow::id));
        indicatorTable.getColumns().add(Columns.wrapping(column("index.col.indicator", r -> words.indicator(r.definition()))));
        indicatorTable.getColumns().add(column("index.col.raw", r -> r.raw() == null ? "—" : num(r.raw()) + " " + words.unit(r.definition())));
        indicatorTable.getColumns().add(column("index.col.points", r -> num(r.points())));
        indicatorTable.setItems(vm.indicators());
        indicatorTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        indicatorTable.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            // A null selection comes from the rows being replaced (a gauge click forgets the indicator itself).
            if (row != null) {
                selectedIndicator = row.id();
                vm.selectIndicator(selectedIndicator);
            }
        });
        // A refresh (new stored values) replaces the rows: the indicator being looked at stays selected.
        vm.indicators().addListener((ListChangeListener<IndexDashboardViewModel.IndicatorRow>) c -> reselect());

        reminderTable.setId("index-reminders");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ui.clock().getZone());
        reminderTable.getColumns().add(column("index.rem.period", r -> words.period(r.period())));
        reminderTable.getColumns().add(column("index.rem.order", ReminderService.Listed::orderNo));
        reminderTable.getColumns().add(column("index.rem.status", r -> ui.i18n().label(org.commandroom.core.dispatch.OrderStatus.valueOf(r.orderStatus()))));
        reminderTable.getColumns().add(column("index.rem.deadline", r -> day.format(r.remediationDeadline())));
        reminderTable.getColumns().add(Columns.wrapping(column("index.rem.detail", r -> words.reminder(vm.definitions().current(), r))));
        double[] widths = {90, 175, 70, 100};
        for (int i = 0; i < widths.length; i++) {
            reminderTable.getColumns().get(i).setPrefWidth(widths[i]);
            reminderTable.getColumns().get(i).setMinWidth(widths[i] * 0.8);
        }
        reminderTable.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ReminderService.Listed r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null
                        : new javafx.scene.control.Tooltip(words.reminder(vm.definitions().current(), r)));
            }
        });
        reminderTable.setItems(vm.reminders());
        reminderTable.setPlaceholder(new Label(ui.i18n().tr("index.rem.none")));
        reminderTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        records.setId("index-records");
        records.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(IndexTrace.RecordRef r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : recordText(r));
            }
        });
        formula.setId("index-formula");
        formula.setWrapText(true);
        drillTitle.getStyleClass().add("panel-title");
        VBox drill = new VBox(6, drillTitle, indicatorTable, formula, records);
        VBox.setVgrow(indicatorTable, Priority.ALWAYS);
        VBox.setVgrow(records, Priority.ALWAYS);
        Label rankingTitle = new Label(ui.i18n().tr("index.rankingTitle"));
        rankingTitle.setId("index-ranking-title");
        rankingTitle.textProperty().bind(vm.provisionalProperty().map(p -> ui.i18n().tr(p ? "index.rankingTitleProvisional"
                : "index.rankingTitle")));
        rankingTitle.getStyleClass().add("panel-title");
        Label remindersTitle = new Label(ui.i18n().tr("index.rem.title"));
        remindersTitle.getStyleClass().add("panel-title");
        VBox left = new VBox(6, rankingTitle, rankingTable);
        VBox.setVgrow(rankingTable, Priority.ALWAYS);
        if (vm.sheetsAvailable()) {
            left.getChildren().addAll(remindersTitle, reminderTable);
            VBox.setVgrow(reminderTable, Priority.ALWAYS);
        }
        Node right = drill;
        ManualEntryViewModel manual = vm.manualEntry();
        if (manual != null) {
            List<Period> periods = periods();
            manualForm = new ManualEntryForm(manual, ui, periods, words);
            manual.stationProperty().set(vm.stationProperty().get());
            manual.periodProperty().set(vm.periodProperty().get());
            // the form follows the dashboard's choice, and can be set apart from it
            vm.stationProperty().addListener((o, was, st) -> manual.stationProperty().set(st));
            vm.periodProperty().addListener((o, was, p) -> manual.periodProperty().set(p));
            Tab drillTab = new Tab(ui.i18n().tr("index.tab.drill"), drill);
            drillTab.setClosable(false);
            Tab manualTab = new Tab(ui.i18n().tr("index.tab.manual"), manualForm.root());
            manualTab.setClosable(false);
            manualTab.setId("index-manual-tab");
            TabPane tabs = new TabPane(drillTab, manualTab);
            tabs.setId("index-tabs");
            right = tabs;
        }
        SplitPane bottom = new SplitPane(left, right);
        bottom.setDividerPositions(0.45);
        trendViewer.setId("index-trend");
        trendViewer.setMinSize(380, 300);
        trendViewer.setPrefSize(520, 330);
        HBox.setHgrow(trendViewer, Priority.ALWAYS);
        HBox.setHgrow(grid, Priority.SOMETIMES);
        HBox upper = new HBox(8, grid, trendViewer);
        upper.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox center = new VBox(8, upper, bottom);
        center.setPadding(new Insets(8));
        VBox.setVgrow(bottom, Priority.ALWAYS);
        root.setCenter(center);

        vm.resultProperty().addListener((o, was, r) -> showResult(r));
        vm.problemProperty().addListener((o, was, p) -> problem.setText(p == null ? "" : "notComputed".equals(p)
                ? ui.i18n().tr("index.notComputed") : p));
        vm.capabilityProperty().addListener((o, was, c) -> drillTitle.setText(drillLabel(c)));
        vm.traceProperty().addListener((o, was, t) -> showTrace(t));
        vm.trendProperty().addListener((o, was, t) -> showTrend(t));
        drillTitle.setText(drillLabel(null));
        showTrend(null);
    }

    /** Draws the twelve-month trend of the selected gauge or indicator, with the pass line, peer group and bureau. */
    private void showTrend(IndexTrend.Trend t) {
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
        if (t == null) {
            trendViewer.setChart(IndexCharts.trend(new IndexTrend.Trend(0, "INDEX", false,
                    IndexTrend.monthsEnding(YearMonth.from(ui.clock().instant().atZone(Period.ZONE))), nulls(), nulls(), nulls(),
                    null, 0, nulls()), new IndexCharts.TrendLabels(ui.i18n().tr("index.trend.none"), "—", null, null,
                    ui.i18n().tr("report.passLine"), ui.i18n().tr("report.axis.score")), IndexCharts.Style.dark(font), m -> false));
            return;
        }
        StationFacts s = vm.stations().stream().filter(f -> f.id() == t.stationId()).findFirst().orElse(null);
        String subject = subjectName(t);
        String title = t.indicator() ? ui.i18n().tr("index.trend.indicatorTitle", t.subject(), subject)
                : ui.i18n().tr("index.trend.title", subject);
        String peer = t.peerGroup() == null ? null
                : ui.i18n().tr("report.trend.peer", words.peerGroup(t.peerGroup()), t.peerCount());
        String name = s == null ? "—" : s.name();
        IndexCharts.TrendLabels labels = new IndexCharts.TrendLabels(title, name, peer,
                ui.i18n().tr("report.trend.bureau"), ui.i18n().tr("report.passLine"),
                ui.i18n().tr(t.indicator() ? "index.trend.axisPoints" : "report.axis.score"),
                ui.i18n().tr("report.trend.provisional", name));
        java.time.Instant now = ui.clock().instant();
        trendViewer.setChart(IndexCharts.trend(t, labels, IndexCharts.Style.dark(font), m -> Period.month(m).provisionalAt(now)));
    }

    private static List<Double> nulls() {
        return java.util.Collections.nCopies(IndexTrend.MONTHS, null);
    }

    private String subjectName(IndexTrend.Trend t) {
        return words.subject(vm.definitions().current(), t.subject());
    }

    private void chooseAndExportReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.i18n().tr("index.report.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.i18n().tr("index.report.filter"), "*.pdf"));
        Period p = vm.periodProperty().get();
        StationFacts s = vm.stationProperty().get();
        chooser.setInitialFileName(ui.i18n().tr("report.title") + "-" + (s == null ? "" : s.name()) + "-"
                + (p == null ? "" : words.period(p).replace(' ', '-')) + ".pdf");
        java.io.File f = chooser.showSaveDialog(window());
        if (f != null) {
            exportReport(f.toPath());
        }
    }

    /** Exports the report to a file (the path behind the chooser; tests call it directly). */
    void exportReport(Path file) {
        vm.exportReport(file, ui.i18n()::tr, ui.i18n().locale());
    }

    /** The status line after a report export; a dialog when it failed (no Chinese font, or the file not writable). */
    private void showReportOutcome(IndexDashboardViewModel.ReportOutcome r) {
        if (r == null) {
            return;
        }
        String name = r.file() == null ? "" : r.file().getFileName().toString();
        String text = r.ok() ? ui.i18n().tr("index.report.written", name)
                : r.cancelled() ? ui.i18n().tr("index.report.cancelled", name)
                : r.noFont() ? ui.i18n().tr("index.report.noFont", r.message())
                : ui.i18n().tr("index.report.failed", name, r.message());
        sheetStatus.setText(text);
        if (r.ok() || r.cancelled() || root.getScene() == null || root.getScene().getWindow() == null || !root.getScene().getWindow().isShowing()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(window());
        alert.setTitle(ui.i18n().tr("index.report.export"));
        alert.setHeaderText(text);
        alert.show();
    }

    private void reselect() {
        if (selectedIndicator == null) {
            return;
        }
        var items = indicatorTable.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(selectedIndicator)) {
                if (indicatorTable.getSelectionModel().getSelectedIndex() != i) {
                    indicatorTable.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    private interface SheetAction {
        void run(Path file);
    }

    private void chooseAndSave(String titleKey, String baseName, SheetAction action) {
        FileChooser chooser = xlsxChooser(titleKey);
        Period p = vm.periodProperty().get();
        chooser.setInitialFileName(baseName + "-" + (p == null ? "" : words.period(p).replace(' ', '-')) + ".xlsx");
        java.io.File f = chooser.showSaveDialog(window());
        if (f != null) {
            action.run(f.toPath());
        }
    }

    private void chooseAndImport() {
        FileChooser chooser = xlsxChooser("index.sheet.import");
        chooser.setTitle(org.commandroom.app.ui.common.FileLimits.title(ui.i18n(), chooser.getTitle(),
                org.commandroom.core.index.EvaluationSheet.LIMIT));
        java.io.File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.importSheet(f.toPath());
        }
    }

    private FileChooser xlsxChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.i18n().tr(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.i18n().tr("index.sheet.filter"), "*.xlsx"));
        return chooser;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The status line after a sheet action, and for an import a dialog with the count or every wrong cell. */
    private void showOutcome(IndexDashboardViewModel.SheetOutcome r) {
        if (r == null) {
            sheetStatus.setText("");
            return;
        }
        sheetStatus.setText(outcomeText(r));
        if ((!r.action().equals("import") && r.ok()) || r.cancelled()) {
            return;
        }
        if (root.getScene() == null || root.getScene().getWindow() == null || !root.getScene().getWindow().isShowing()) {
            return;
        }
        Alert alert = new Alert(r.ok() ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(window());
        alert.setTitle(ui.i18n().tr("index.sheet.import"));
        alert.setHeaderText(outcomeText(r));
        if (!r.problems().isEmpty()) {
            TextArea list = new TextArea(String.join("\n", r.problems()));
            list.setId("index-import-problems");
            list.setEditable(false);
            list.setWrapText(true);
            list.setPrefRowCount(Math.min(16, r.problems().size() + 1));
            alert.getDialogPane().setContent(list);
        }
        alert.show();
    }

    String outcomeText(IndexDashboardViewModel.SheetOutcome r) {
        String name = r.file() == null ? "" : r.file().getFileName().toString();
        if (r.cancelled()) {
            return ui.i18n().tr(r.action().equals("import") ? "index.sheet.importCancelled" : "index.sheet.cancelled", name);
        }
        if (!r.ok()) {
            return r.action().equals("import")
                    ? ui.i18n().tr("index.sheet.rejected", name, r.problems().size())
                    : ui.i18n().tr("index.sheet.failed", name, String.join("; ", r.problems()));
        }
        return switch (r.action()) {
            case "import" -> ui.i18n().tr("index.sheet.imported", name, r.recorded(), r.unchanged());
            case "template" -> ui.i18n().tr("index.sheet.templateWritten", name);
            default -> ui.i18n().tr("index.sheet.exported", name);
        };
    }

    private void addGauge(GridPane grid, String code, String title, int index) {
        DefaultValueDataset data = new DefaultValueDataset();
        MeterPlot plot = new MeterPlot(data);
        plot.setRange(new Range(0, 100));
        plot.setDialShape(DialShape.PIE);
        plot.setMeterAngle(240);
        plot.addInterval(new MeterInterval("fail", new Range(0, 60), null, null, new Color(200, 60, 60, 150)));
        plot.addInterval(new MeterInterval("pass", new Range(60, 80), null, null, new Color(220, 170, 40, 150)));
        plot.addInterval(new MeterInterval("good", new Range(80, 100), null, null, new Color(60, 170, 90, 150)));
        plot.setNeedlePaint(Color.WHITE);
        plot.setDialBackgroundPaint(new Color(40, 44, 52));
        plot.setDialOutlinePaint(Color.GRAY);
        plot.setTickLabelPaint(Color.LIGHT_GRAY);
        plot.setTickPaint(Color.LIGHT_GRAY);
        plot.setValuePaint(new Color(0, 0, 0, 0));
        plot.setUnits("");
        plot.setBackgroundPaint(new Color(30, 33, 40));
        plot.setOutlineStroke(new BasicStroke(0));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, code == null ? 18 : 14), plot, false);
        chart.setBackgroundPaint(new Color(30, 33, 40));
        chart.getTitle().setPaint(Color.WHITE);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId(code == null ? "gauge-INDEX" : "gauge-" + code);
        viewer.setPrefSize(code == null ? 260 : 180, code == null ? 220 : 160);
        // The tables below grow with the window; the gauges keep their size rather than being squeezed.
        viewer.setMinSize(code == null ? 260 : 180, code == null ? 220 : 160);
        viewer.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(viewer, Priority.ALWAYS);
        viewer.setOnMouseClicked(e -> {
            selectedIndicator = null;
            vm.selectCapability(code);
        });
        gauges.put(code == null ? "INDEX" : code, new Gauge(code, title, viewer, data, chart));
        if (code == null) {
            grid.add(viewer, 0, 0, 1, 2);
        } else {
            grid.add(viewer, 1 + (index - 1) % 4, (index - 1) / 4);
        }
    }

    private void showResult(ScopeResult r) {
        boolean provisional = vm.provisionalProperty().get();
        provisionalNote.setText(provisional ? ui.i18n().tr("index.provisional", java.time.format.DateTimeFormatter
                .ofPattern(ui.i18n().tr("index.provisional.asOf")).withZone(ui.clock().getZone()).format(ui.clock().instant())) : "");
        for (Gauge g : gauges.values()) {
            Double v = vm.score(g.code());
            g.data().setValue(v);
            String veto = g.code() == null && r != null && r.vetoedBy() != null ? " ⚑" : "";
            g.chart().setTitle(g.title() + "  " + (v == null ? "—" : num(v)) + veto);
            // a period not over: the gauge says its score is provisional, in amber under the title
            g.chart().clearSubtitles();
            if (provisional && v != null) {
                org.jfree.chart.title.TextTitle mark = new org.jfree.chart.title.TextTitle(ui.i18n().tr("index.gauge.provisional"),
                        new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                mark.setPaint(new Color(230, 170, 60));
                g.chart().addSubtitle(mark);
            }
            ((MeterPlot) g.chart().getPlot()).setNeedlePaint(provisional ? new Color(230, 170, 60) : Color.WHITE);
        }
    }

    private void showTrace(IndexTrace.Trace t) {
        if (t == null) {
            records.getItems().clear();
            formula.setText("");
            return;
        }
        String text = vm.definitions().current().indicator(t.indicatorId()).map(words::formula).orElse("");
        formula.setText(text + "  " + ui.i18n().tr("index.inputs", t.inputs().get("numerator"), t.inputs().get("denominator")));
        records.setItems(FXCollections.observableArrayList(t.records()));
    }

    /** "警情 J20261012-00031(计入分子)": the incident or order number; a manual entry by its id and source. */
    String recordText(IndexTrace.RecordRef r) {
        String kind = switch (r.kind()) {
            case "INCIDENT" -> ui.i18n().tr("index.kind.INCIDENT");
            case "ORDER" -> ui.i18n().tr("index.kind.ORDER");
            case "HOUSE" -> ui.i18n().tr("index.kind.HOUSE");
            case "MODEL_ALERT" -> ui.i18n().tr("index.kind.MODEL_ALERT");
            default -> ui.i18n().tr("index.kind.MANUAL_SCORE");
        };
        String key = switch (r.role()) {
            case "NUMERATOR" -> "index.record.NUMERATOR";
            case "DENOMINATOR" -> "index.record.DENOMINATOR";
            default -> "index.record.ENTRY";
        };
        String name = r.kind().equals("MANUAL_SCORE") || r.number() == null
                ? "#" + r.id() + (r.number() == null ? "" : " " + ManualEntryForm.source(ui.i18n(), r.number())) : r.number();
        return ui.i18n().tr(key, kind, name);
    }

    private String drillLabel(String code) {
        if (code == null) {
            return ui.i18n().tr("index.allIndicators");
        }
        return vm.definitions().current().capability(code).map(words::capability).orElse(code);
    }

    private List<Period> periods() {
        YearMonth now = YearMonth.from(ui.clock().instant().atZone(Period.ZONE));
        List<Period> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(Period.month(now.minusMonths(i)));
        }
        Period q = Period.containing(PeriodKind.QUARTER, now.atDay(1));
        for (int i = 0; i < 4; i++) {
            out.add(q);
            q = q.previous();
        }
        out.add(Period.year(now.getYear()));
        out.add(Period.year(now.getYear() - 1));
        return out;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(ui.i18n().tr(key));
        c.setCellValueFactory(cd -> (ObservableValue<String>) new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private static String num(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%+.1f", v);
    }

    public Node root() {
        return root;
    }

    Map<String, Gauge> gauges() {
        return gauges;
    }

    TableView<IndexDashboardViewModel.IndicatorRow> indicatorTable() {
        return indicatorTable;
    }

    TableView<IndexRanking.RankRow> rankingTable() {
        return rankingTable;
    }

    Label formulaLabel() {
        return formula;
    }

    ListView<IndexTrace.RecordRef> records() {
        return records;
    }

    TableView<ReminderService.Listed> reminderTable() {
        return reminderTable;
    }

    Label provisionalNote() {
        return provisionalNote;
    }

    Label sheetStatus() {
        return sheetStatus;
    }

    JobBar jobBar() {
        return jobBar;
    }

    ChartViewer trendViewer() {
        return trendViewer;
    }

    ManualEntryForm manualForm() {
        return manualForm;
    }
}
