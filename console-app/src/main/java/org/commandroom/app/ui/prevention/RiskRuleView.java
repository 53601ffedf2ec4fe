package org.commandroom.app.ui.prevention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.prevention.CommunityRisk;

/**
 * The 分色预警 tab: the rule stated in words, its eight numbers in a form (a problem under its field), and every
 * community with its four counts, score and colour by the rule in force.
 */
public final class RiskRuleView {

    private final RiskRuleViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final TableView<CommunityRisk.Assessment> table = new TableView<>();

    public RiskRuleView(RiskRuleViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        Label statement = new Label();
        statement.setId("risk-rule-statement");
        statement.setWrapText(true);
        statement.getStyleClass().add("rule-statement");
        vm.ruleProperty().addListener((o, was, is) -> {
            statement.setText(is == null ? "" : RiskRuleViewModel.statement(i18n, is));
            if (is != null) {
                is.values().forEach((k, v) -> fields.get(k).setText(ModelAlertsView.number(v)));
            }
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(2);
        int col = 0;
        int row = 0;
        for (String name : CommunityRisk.PARAMS) {
            TextField f = new TextField();
            f.setId("risk-" + name);
            f.setPrefColumnCount(5);
            Label l = new Label(label(name));
            l.setLabelFor(f);
            Label error = new Label();
            error.setId("risk-" + name + "-error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setMaxWidth(260);
            error.setVisible(false);
            form.add(l, col, row);
            form.add(f, col + 1, row);
            form.add(error, col, row + 1, 2, 1);
            fields.put(name, f);
            errors.put(name, error);
            col += 2;
            if (col >= 8) {
                col = 0;
                row += 2;
            }
        }
        vm.fieldErrors().addListener((MapChangeListener<String, String>) c -> errors.forEach((k, label) -> {
            String text = vm.fieldErrors().get(k);
            label.setText(text == null ? "" : text);
            label.setVisible(text != null);
            fields.get(k).pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), text != null);
        }));
        Button save = new Button(i18n.tr("prevention.save"));
        save.setId("risk-save");
        save.disableProperty().bind(vm.busyProperty().or(vm.ruleProperty().isNull()));
        save.setOnAction(e -> {
            Map<String, String> typed = new LinkedHashMap<>();
            fields.forEach((k, f) -> typed.put(k, f.getText()));
            vm.save(typed);
        });
        Label message = new Label();
        message.setId("risk-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, was, is) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), is));
        HBox actions = new HBox(12, save, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(i18n.tr("prevention.risk.title"));
        title.getStyleClass().add("section-title");
        VBox top = new VBox(8, title, statement, form, actions);
        top.setPadding(new Insets(0, 0, 8, 0));

        table.setId("risk-communities");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.communities());
        table.setPlaceholder(new Label(i18n.tr("prevention.risk.none")));
        table.getColumns().add(column(i18n.tr("prevention.risk.community"), 160, CommunityRisk.Assessment::name));
        table.getColumns().add(column(i18n.tr("prevention.risk.incidents"), 80, a -> Integer.toString(a.incidents())));
        table.getColumns().add(column(i18n.tr("prevention.risk.lowStarHouses"), 90, a -> Integer.toString(a.lowStarHouses())));
        table.getColumns().add(column(i18n.tr("prevention.risk.hazards"), 80, a -> Integer.toString(a.hazards())));
        table.getColumns().add(column(i18n.tr("prevention.risk.openAlerts"), 110, a -> Integer.toString(a.openAlerts())));
        table.getColumns().add(column(i18n.tr("prevention.risk.score"), 70, a -> ModelAlertsView.number(
                Math.round(a.score() * 100) / 100.0)));
        table.getColumns().add(column(i18n.tr("prevention.risk.grade"), 70, a -> grade(a.grade())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CommunityRisk.Assessment a, boolean empty) {
                super.updateItem(a, empty);
                for (CommunityRisk.Grade g : CommunityRisk.Grade.values()) {
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("risk-" + g.name().toLowerCase(java.util.Locale.ROOT)),
                            !empty && a != null && a.grade() == g);
                }
            }
        });
        root.setTop(top);
        root.setCenter(table);
        root.setPadding(new Insets(8));
    }

    private TableColumn<CommunityRisk.Assessment, String> column(String title, double width,
                                                                 Function<CommunityRisk.Assessment, String> value) {
        TableColumn<CommunityRisk.Assessment, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    String grade(CommunityRisk.Grade g) {
        return switch (g) {
            case RED -> i18n.tr("prevention.risk.red");
            case ORANGE -> i18n.tr("prevention.risk.orange");
            case GREEN -> i18n.tr("prevention.risk.green");
        };
    }

    private String label(String name) {
        return switch (name) {
            case "windowDays" -> i18n.tr("prevention.risk.param.windowDays");
            case "incidentWeight" -> i18n.tr("prevention.risk.param.incidentWeight");
            case "lowStarsAtMost" -> i18n.tr("prevention.risk.param.lowStarsAtMost");
            case "lowStarWeight" -> i18n.tr("prevention.risk.param.lowStarWeight");
            case "hazardWeight" -> i18n.tr("prevention.risk.param.hazardWeight");
            case "alertWeight" -> i18n.tr("prevention.risk.param.alertWeight");
            case "orangeAt" -> i18n.tr("prevention.risk.param.orangeAt");
            case "redAt" -> i18n.tr("prevention.risk.param.redAt");
            default -> name;
        };
    }

    public Node root() {
        return root;
    }

    TableView<CommunityRisk.Assessment> table() {
        return table;
    }
}
