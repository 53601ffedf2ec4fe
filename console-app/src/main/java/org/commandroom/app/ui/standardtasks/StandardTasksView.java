package org.commandroom.app.ui.standardtasks;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Converters;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.prevention.tasks.LibraryTask;
import org.commandroom.core.prevention.tasks.StandardTaskService.Grid;
import org.commandroom.core.prevention.tasks.StandardTaskService.Progress;

/**
 * The standard-task window (标准件): the library with a search on the left; the chosen task's lead department, basis,
 * measures, standard, time limit and feedback items on the right, with issuing to one grid or, as a campaign, to the
 * grids ticked; below, the campaigns and their progress (signed, fed back, overdue).
 */
public final class StandardTasksView {

    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final TabPane tabs = new TabPane();

    public StandardTasksView(StandardTasksViewModel vm) {
        I18n i18n = vm.i18n();
        root.setId("stdtask-root");
        root.getStyleClass().add("panel");

        search.setId("stdtask-search");
        search.setPromptText(i18n.tr("stdtask.search.prompt"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.textProperty().addListener((o, was, is) -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label title = new Label(i18n.tr("stdtask.title"));
        title.getStyleClass().add("panel-title");
        HBox top = new HBox(12, title, search);
        top.setPadding(new Insets(0, 0, 8, 0));

        TableView<LibraryTask> table = new TableView<>(vm.library());
        table.setId("stdtask-table");
        table.getColumns().add(column(i18n.tr("stdtask.col.code"), LibraryTask::code, 90));
        table.getColumns().add(column(i18n.tr("stdtask.col.title"), t -> t.title(i18n.locale()), 220));
        table.getColumns().add(column(i18n.tr("stdtask.col.lead"), LibraryTask::leadDepartment, 120));
        table.getColumns().add(column(i18n.tr("stdtask.col.limit"), vm::limit, 70));
        table.setPlaceholder(new Label(i18n.tr("stdtask.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.selectedProperty().set(is);
            }
        });
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });

        SplitPane library = new SplitPane(table, detail(vm));
        library.setDividerPositions(0.48);
        VBox libraryPage = new VBox(top, library);
        VBox.setVgrow(library, Priority.ALWAYS);
        libraryPage.setPadding(new Insets(8));
        Tab libraryTab = new Tab(i18n.tr("stdtask.tab.library"), libraryPage);
        Tab campaignsTab = new Tab(i18n.tr("stdtask.campaigns"), campaigns(vm));
        tabs.getTabs().addAll(libraryTab, campaignsTab);
        tabs.setId("stdtask-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A campaign just started is shown with its progress.
        vm.campaignProperty().addListener((o, was, is) -> {
            if (is != null && vm.justStarted(is)) {
                tabs.getSelectionModel().select(campaignsTab);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is == campaignsTab) {
                vm.refreshCampaigns();
            }
        });
        root.setCenter(tabs);
    }

    private Node detail(StandardTasksViewModel vm) {
        I18n i18n = vm.i18n();
        Label name = new Label();
        name.setId("stdtask-detail-title");
        name.getStyleClass().add("panel-subtitle");
        name.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(72);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        Label lead = value("stdtask-detail-lead");
        Label basis = value("stdtask-detail-basis");
        Label measures = value("stdtask-detail-measures");
        Label completion = value("stdtask-detail-completion");
        Label limit = value("stdtask-detail-limit");
        Label items = value("stdtask-detail-items");
        int row = 0;
        for (Object[] r : new Object[][]{{"stdtask.lead", lead}, {"stdtask.basis", basis}, {"stdtask.measures", measures},
                {"stdtask.completion", completion}, {"stdtask.limit", limit}, {"stdtask.items", items}}) {
            grid.addRow(row++, new Label(i18n.tr((String) r[0])), (Label) r[1]);
        }
        vm.selectedProperty().addListener((o, was, t) -> {
            name.setText(t == null ? "" : t.code() + "  " + t.title(i18n.locale()));
            lead.setText(t == null ? "" : t.leadDepartment());
            basis.setText(t == null ? "" : t.basis());
            measures.setText(t == null ? "" : t.measures());
            completion.setText(t == null ? "" : t.completion());
            limit.setText(t == null ? "" : vm.limit(t));
            items.setText(t == null ? "" : String.join(i18n.tr("stdtask.items.separator"), t.feedbackItems()));
        });

        VBox text = new VBox(8, name, grid);
        text.setPadding(new Insets(4, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // The standard scrolls; the issuing controls below it stay in view.
        VBox box = new VBox(8, scroll);
        box.setPadding(new Insets(0, 0, 0, 8));
        if (vm.mayIssue()) {
            ComboBox<Grid> target = new ComboBox<>();
            target.setId("stdtask-grid");
            target.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(target, Priority.ALWAYS);
            vm.grids().addListener((javafx.collections.ListChangeListener<StandardTasksViewModel.GridChoice>) c ->
                    target.getItems().setAll(vm.grids().stream().map(StandardTasksViewModel.GridChoice::grid).toList()));
            target.setConverter(Converters.shown(vm::gridLabel));
            target.valueProperty().bindBidirectional(vm.targetProperty());
            Button issue = new Button(i18n.tr("stdtask.issue"));
            issue.setId("stdtask-issue");
            issue.setDefaultButton(false);
            issue.disableProperty().bind(vm.busyProperty());
            issue.setOnAction(e -> vm.issueToGrid());

            ListView<StandardTasksViewModel.GridChoice> many = new ListView<>(vm.grids());
            many.setId("stdtask-grids");
            many.setPrefHeight(120);
            many.setMinHeight(72);
            many.setCellFactory(CheckBoxListCell.forListView(StandardTasksViewModel.GridChoice::tickedProperty,
                    Converters.shown(c -> vm.gridLabel(c.grid()))));
            Button tickAll = new Button(i18n.tr("stdtask.tickAll"));
            tickAll.setId("stdtask-tick-all");
            tickAll.setOnAction(e -> vm.tickAll());
            Button campaign = new Button(i18n.tr("stdtask.campaign"));
            campaign.setId("stdtask-campaign");
            campaign.disableProperty().bind(vm.busyProperty());
            campaign.setOnAction(e -> vm.startCampaign());

            box.getChildren().addAll(new Separator(), new Label(i18n.tr("stdtask.issue.one")), new HBox(8, target, issue),
                    new Label(i18n.tr("stdtask.issue.many")), many, new HBox(8, tickAll, campaign));
        }
        Label message = new Label();
        message.setId("stdtask-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, was, is) -> {
            message.getStyleClass().removeAll("danger", "success");
            message.getStyleClass().add(is ? "danger" : "success");
        });
        box.getChildren().add(message);
        return box;
    }

    private VBox campaigns(StandardTasksViewModel vm) {
        I18n i18n = vm.i18n();
        TableView<Progress> table = new TableView<>(vm.campaigns());
        table.setId("stdtask-campaigns");
        table.getColumns().add(column(i18n.tr("stdtask.col.task"), p -> p.taskCode() + " "
                + ("en".equals(i18n.locale().getLanguage()) ? p.titleEn() : p.titleZh()), 210));
        table.getColumns().add(column(i18n.tr("stdtask.col.started"), p -> vm.time(p.startedAt()), 96));
        table.getColumns().add(column(i18n.tr("stdtask.col.deadline"), p -> vm.time(p.feedbackDeadline()), 96));
        table.getColumns().add(column(i18n.tr("stdtask.col.grids"), p -> Integer.toString(p.total()), 64));
        table.getColumns().add(column(i18n.tr("stdtask.col.signed"), p -> Integer.toString(p.signed()), 64));
        table.getColumns().add(column(i18n.tr("stdtask.col.fedBack"), p -> Integer.toString(p.fedBack()), 64));
        table.getColumns().add(column(i18n.tr("stdtask.col.overdue"), p -> Integer.toString(p.overdue()), 64));
        table.setPlaceholder(new Label(i18n.tr("stdtask.campaigns.none")));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.campaignProperty().set(is));
        vm.campaignProperty().addListener((o, was, is) -> {
            if (is != null && table.getSelectionModel().getSelectedItem() != is) {
                table.getSelectionModel().select(is);
            }
        });
        Label title = new Label(i18n.tr("stdtask.campaigns"));
        title.getStyleClass().add("panel-subtitle");
        Button refresh = new Button(i18n.tr("stdtask.refresh"));
        refresh.setId("stdtask-refresh");
        refresh.setOnAction(e -> vm.refreshCampaigns());
        VBox left = new VBox(6, new HBox(12, title, refresh), table);
        SplitPane split = new SplitPane(left, orders(vm));
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(split);
        box.setPadding(new Insets(8));
        return box;
    }

    /** The chosen campaign's orders and, for the order chosen, the feedback form its standard asks for. */
    private Node orders(StandardTasksViewModel vm) {
        I18n i18n = vm.i18n();
        TableView<org.commandroom.core.prevention.tasks.StandardTaskService.Line> lines = new TableView<>(vm.lines());
        lines.setId("stdtask-lines");
        lines.getColumns().add(column(i18n.tr("stdtask.col.order"), l -> l.orderNo(), 150));
        lines.getColumns().add(column(i18n.tr("stdtask.col.grid"), l -> l.grid() == null ? "" : l.grid(), 120));
        lines.getColumns().add(column(i18n.tr("stdtask.col.officer"), l -> l.officer() == null ? l.station() : l.officer(), 90));
        lines.getColumns().add(column(i18n.tr("stdtask.col.state"), vm::state, 110));
        lines.setPlaceholder(new Label(i18n.tr("stdtask.lines.none")));
        lines.setPrefHeight(260);
        lines.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.lineProperty().set(is));
        VBox box = new VBox(6, new Label(i18n.tr("stdtask.lines")), lines);
        VBox.setVgrow(lines, Priority.ALWAYS);
        if (!vm.mayIssue()) {
            return box;
        }
        GridPane form = new GridPane();
        form.setId("stdtask-feedback-form");
        form.setHgap(8);
        form.setVgap(4);
        ColumnConstraints itemColumn = new ColumnConstraints();
        itemColumn.setMinWidth(96);
        ColumnConstraints answerColumn = new ColumnConstraints();
        answerColumn.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(itemColumn, answerColumn);
        TextField note = new TextField();
        note.setId("stdtask-feedback-note");
        note.textProperty().bindBidirectional(vm.noteProperty());
        Button record = new Button(i18n.tr("stdtask.feedback"));
        record.setId("stdtask-feedback");
        record.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.answers())));
        record.setOnAction(e -> vm.recordFeedback());
        vm.answers().addListener((javafx.collections.ListChangeListener<StandardTasksViewModel.Answer>) c -> {
            form.getChildren().clear();
            int row = 0;
            for (StandardTasksViewModel.Answer a : vm.answers()) {
                TextField f = new TextField();
                f.setId("stdtask-answer-" + row);
                f.textProperty().bindBidirectional(a.textProperty());
                form.addRow(row++, new Label(a.item()), f);
            }
            if (row > 0) {
                form.addRow(row, new Label(i18n.tr("stdtask.feedback.note")), note);
            }
        });
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(300);
        Label message = new Label();
        message.setId("stdtask-progress-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.errorProperty().addListener((o, was, is) -> {
            message.getStyleClass().removeAll("danger", "success");
            message.getStyleClass().add(is ? "danger" : "success");
        });
        box.getChildren().addAll(new Label(i18n.tr("stdtask.feedback.title")), scroll, record, message);
        return box;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> text, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() == null ? "" : text.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public Node root() {
        return root;
    }

    /** Puts the cursor in the search field. */
    public void focusSearch() {
        search.requestFocus();
    }
}
