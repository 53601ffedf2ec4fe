package org.commandroom.app.ui.intake;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.map.PickOnMapAction;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.intake.EarlierIncident;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.intake.Place;
import org.commandroom.core.intake.RepeatFinding;
import org.commandroom.core.intake.RepeatReason;

/**
 * The intake form (接警, F2), made for the keyboard: caller number, Tab, address with the gazetteer's
 * suggestions (Down to choose, Enter to take one), incident type by typing part of its name (Enter takes
 * the highlighted one), priority defaulted from the type, description, Enter saves. After saving, a
 * repeat call shows its earlier incidents and Ctrl+Enter issues the proposed door visit.
 */
public final class IntakeView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final IntakeViewModel vm;
    private final UiContext ui;
    private final VBox root = new VBox();
    private final TextField caller = new TextField();
    private final TextField address = new TextField();
    private final ListView<Place> suggestions = new ListView<>();
    private final TextField position = new TextField();
    private final Label location = new Label();
    private final PickOnMapAction pickOnMap;
    private final TextField typeText = new TextField();
    private final ListView<IncidentType> types = new ListView<>();
    private final ComboBox<Integer> priority = new ComboBox<>();
    private final TextField description = new TextField();
    private final Label descriptionCount = new Label();
    private final Button save = new Button();
    private final Label message = new Label();
    private final VBox repeatBox = new VBox();
    private final Label repeatTitle = new Label();
    private final ListView<EarlierIncident> earlier = new ListView<>();
    private final Button issueVisit = new Button();
    private boolean settingTypeText;

    public IntakeView(IntakeViewModel vm, UiContext ui) {
        this.vm = vm;
        this.ui = ui;
        var i18n = ui.i18n();
        root.setId("intake-form");
        root.getStyleClass().addAll("panel", "intake-form");
        Label title = new Label(i18n.tr("intake.title"));
        title.getStyleClass().add("panel-title");

        caller.setId("intake-caller");
        caller.setPromptText(i18n.tr("intake.caller.prompt"));
        caller.textProperty().bindBidirectional(vm.callerProperty());

        address.setId("intake-address");
        address.setPromptText(i18n.tr("intake.address.prompt"));
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.textProperty().addListener((o, was, is) -> {
            if (address.isFocused()) {
                vm.suggest(is);
            }
        });
        suggestions.setId("intake-suggestions");
        suggestions.setItems(vm.suggestions());
        suggestions.setPrefHeight(170);
        suggestions.setFocusTraversable(false);
        suggestions.setCellFactory(l -> new PlaceCell());
        suggestions.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.suggestions()));
        suggestions.managedProperty().bind(suggestions.visibleProperty());
        suggestions.setOnMouseClicked(e -> takeSuggestion());
        address.addEventFilter(KeyEvent.KEY_PRESSED, this::addressKeys);

        position.setId("intake-position");
        position.setPromptText(i18n.tr("intake.position.prompt"));
        position.textProperty().bindBidirectional(vm.positionProperty());
        // F7 or the button: the point is picked on the map, with its grid and station shown under the field
        pickOnMap = new PickOnMapAction(root, position, i18n, vm::pickedOnMap, vm::mapUnavailable);
        pickOnMap.button().setId("intake-pick-on-map");
        location.setId("intake-location");
        location.getStyleClass().add("position-location");
        location.textProperty().bind(vm.position().locationTextProperty());
        location.visibleProperty().bind(location.textProperty().isNotEmpty());
        location.managedProperty().bind(location.visibleProperty());
        vm.position().outsideProperty().addListener((o, was, is) -> {
            location.getStyleClass().remove("warning");
            if (is) {
                location.getStyleClass().add("warning");
            }
        });

        typeText.setId("intake-type");
        typeText.setPromptText(i18n.tr("intake.type.prompt"));
        types.setId("intake-type-list");
        types.setPrefHeight(170);
        types.setFocusTraversable(false);
        types.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(IncidentType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : vm.typeLabel(t));
            }
        });
        types.setVisible(false);
        types.managedProperty().bind(types.visibleProperty());
        types.setOnMouseClicked(e -> takeType());
        typeText.textProperty().addListener((o, was, is) -> {
            if (!settingTypeText) {
                // text edited away from the chosen type's name no longer stands for that type
                IncidentType chosen = vm.typeProperty().get();
                if (chosen != null && !vm.typeLabel(chosen).equals(is)) {
                    settingTypeText = true;
                    vm.typeProperty().set(null);
                    settingTypeText = false;
                }
                showTypes(is);
            }
        });
        typeText.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                types.setVisible(false);
            }
        });
        typeText.addEventFilter(KeyEvent.KEY_PRESSED, this::typeKeys);
        vm.typeProperty().addListener((o, was, is) -> {
            if (settingTypeText) {
                return;
            }
            settingTypeText = true;
            typeText.setText(is == null ? "" : vm.typeLabel(is));
            settingTypeText = false;
        });

        priority.setId("intake-priority");
        priority.getItems().setAll(1, 2, 3);
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null ? "" : ui.i18n().priority(p);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        priority.valueProperty().bindBidirectional(vm.priorityProperty());
        priority.setOnAction(e -> {
            if (priority.isFocused()) {
                vm.choosePriority(priority.getValue());
            }
        });

        description.setId("intake-description");
        description.setPromptText(i18n.tr("intake.description.prompt"));
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        descriptionCount.setId("intake-description-count");
        descriptionCount.getStyleClass().add("text-count");
        descriptionCount.setMaxWidth(Double.MAX_VALUE);
        descriptionCount.setAlignment(Pos.CENTER_RIGHT);
        descriptionCount.textProperty().bind(vm.descriptionRemaining().map(n -> n.intValue() >= 0
                ? i18n.tr("intake.description.remaining", n.intValue(), IntakeViewModel.MAX_DESCRIPTION)
                : i18n.tr("intake.description.over", -n.intValue(), IntakeViewModel.MAX_DESCRIPTION)));
        vm.descriptionRemaining().addListener((o, was, is) -> styleCount(is.intValue()));
        styleCount(vm.descriptionRemaining().get());

        save.setId("intake-save");
        save.setText(i18n.tr("intake.save"));
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());

        GridPane form = new GridPane();
        form.getStyleClass().add("intake-grid");
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        form.addRow(r++, label("intake.caller"), caller);
        form.addRow(r++, label("intake.address"), address);
        form.add(suggestions, 1, r++);
        HBox positionRow = new HBox(6, position, pickOnMap.button());
        HBox.setHgrow(position, Priority.ALWAYS);
        positionRow.setAlignment(Pos.CENTER_LEFT);
        form.addRow(r++, label("intake.position"), positionRow);
        form.add(location, 1, r++);
        form.addRow(r++, label("intake.type"), typeText);
        form.add(types, 1, r++);
        form.addRow(r++, label("intake.priority"), priority);
        form.addRow(r++, label("intake.description"), description);
        form.add(descriptionCount, 1, r++);
        form.add(save, 1, r);
        for (Node n : List.of(caller, address, suggestions, positionRow, location, typeText, types, description, descriptionCount)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
        }

        message.setId("intake-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, was, is) -> styleMessage(is));
        vm.messageFieldProperty().addListener((o, was, is) -> focus(is));
        vm.messageProperty().addListener((o, was, is) -> {
            if (vm.messageIsErrorProperty().get()) {
                focus(vm.messageFieldProperty().get());
            }
        });

        repeatBox.setId("intake-repeat");
        repeatBox.getStyleClass().add("intake-repeat");
        repeatTitle.setId("intake-repeat-title");
        repeatTitle.getStyleClass().add("warning");
        repeatTitle.setWrapText(true);
        earlier.setId("intake-repeat-list");
        earlier.setPrefHeight(120);
        earlier.setFocusTraversable(false);
        earlier.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EarlierIncident e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.incidentNo() + "  " + WHEN.format(e.receivedAt().atZone(ui.clock().getZone()))
                        + "  " + ui.i18n().label(e.type()) + "  " + e.address() + "  " + reasons(e.reasons()));
            }
        });
        issueVisit.setId("intake-issue-visit");
        issueVisit.setOnAction(e -> vm.issueVisit());
        issueVisit.disableProperty().bind(vm.busyProperty().or(vm.visitIssuedProperty().isNotNull()));
        repeatBox.getChildren().addAll(repeatTitle, earlier, issueVisit);
        repeatBox.setVisible(false);
        repeatBox.managedProperty().bind(repeatBox.visibleProperty());
        vm.savedProperty().addListener((o, was, is) -> showResult(is));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isControlDown()) {
                vm.issueVisit();
                e.consume();
            }
        });

        Label keys = new Label(i18n.tr("intake.keys"));
        keys.getStyleClass().add("panel-hint");
        keys.setWrapText(true);
        root.getChildren().addAll(title, form, message, repeatBox, keys);
        root.setSpacing(8);
        Lifecycle.whileShowing(root, vm::activate, () -> { });
    }

    private Label label(String key) {
        Label l = new Label(ui.i18n().tr(key));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void addressKeys(KeyEvent e) {
        if (!suggestions.isVisible()) {
            return;
        }
        switch (e.getCode()) {
            case DOWN -> {
                move(suggestions, 1);
                e.consume();
            }
            case UP -> {
                move(suggestions, -1);
                e.consume();
            }
            case ENTER -> {
                takeSuggestion();
                e.consume();
            }
            case ESCAPE -> {
                vm.suggestions().clear();
                e.consume();
            }
            default -> { }
        }
    }

    private void takeSuggestion() {
        Place p = suggestions.getSelectionModel().getSelectedItem();
        if (p == null && !suggestions.getItems().isEmpty()) {
            p = suggestions.getItems().get(0);
        }
        if (p != null) {
            vm.pick(p);
            typeText.requestFocus();
        }
    }

    /**
     * The types matching what was typed, the best highlighted. Typed text that matches nothing shows the list empty,
     * saying so: Down and Enter then take nothing, rather than an unrelated type.
     */
    private void showTypes(String text) {
        List<IncidentType> matches = vm.typesMatching(text);
        types.getItems().setAll(matches);
        types.setPlaceholder(new Label(ui.i18n().tr("intake.type.none", text == null ? "" : text.strip())));
        types.setVisible(typeText.isFocused() && text != null && !text.isBlank());
        if (!matches.isEmpty()) {
            types.getSelectionModel().select(0);
        }
    }

    private void typeKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.DOWN && !types.isVisible()) {
            // the whole list, to browse: only from an empty field or one showing the chosen type
            if (vm.typeProperty().get() != null || typeText.getText() == null || typeText.getText().isBlank()) {
                showTypes("");
                types.setVisible(true);
            } else {
                showTypes(typeText.getText());
            }
            e.consume();
            return;
        }
        if (!types.isVisible()) {
            return;
        }
        switch (e.getCode()) {
            case DOWN -> {
                move(types, 1);
                e.consume();
            }
            case UP -> {
                move(types, -1);
                e.consume();
            }
            case ENTER, TAB -> {
                if (takeType() || e.getCode() == KeyCode.ENTER) {
                    e.consume(); // Enter on an empty list takes nothing (and does not save)
                }
                types.setVisible(false);
            }
            case ESCAPE -> {
                types.setVisible(false);
                e.consume();
            }
            default -> { }
        }
    }

    private boolean takeType() {
        IncidentType t = types.getSelectionModel().getSelectedItem();
        if (t == null || !types.getItems().contains(t)) {
            return false;
        }
        vm.typeProperty().set(t);
        types.setVisible(false);
        description.requestFocus();
        return true;
    }

    private static <T> void move(ListView<T> list, int by) {
        int n = list.getItems().size();
        if (n == 0) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(n - 1, at < 0 ? 0 : at + by));
        list.getSelectionModel().select(next);
        list.scrollTo(next);
    }

    private void styleCount(int remaining) {
        descriptionCount.getStyleClass().removeAll("warning", "danger");
        if (remaining < 0) {
            descriptionCount.getStyleClass().add("danger");
        } else if (remaining < 100) {
            descriptionCount.getStyleClass().add("warning");
        }
    }

    private void styleMessage(boolean error) {
        message.getStyleClass().removeAll("danger", "success");
        message.getStyleClass().add(error ? "danger" : "success");
    }

    private void focus(IntakeViewModel.Field f) {
        if (f == null) {
            return;
        }
        Node target = switch (f) {
            case CALLER -> caller;
            case ADDRESS -> address;
            case POSITION -> position;
            case TYPE -> typeText;
            case PRIORITY -> priority;
            case DESCRIPTION -> description;
            case NONE -> null;
        };
        if (target != null) {
            target.requestFocus();
        }
    }

    private void showResult(IntakeResult r) {
        styleMessage(false);
        RepeatFinding f = r == null ? null : r.repeat();
        boolean flagged = f != null && f.flagged();
        repeatBox.setVisible(flagged);
        if (!flagged) {
            earlier.getItems().clear();
            caller.requestFocus();
            return;
        }
        repeatTitle.setText(ui.i18n().tr("intake.repeat.title", reasons(f.reasons()), f.rule().windowDays(), f.occurrences()));
        earlier.getItems().setAll(f.earlier());
        issueVisit.setVisible(r.visitProposal().isPresent());
        issueVisit.setText(ui.i18n().tr("intake.repeat.issueVisit"));
        caller.requestFocus();
    }

    private String reasons(java.util.Set<RepeatReason> reasons) {
        return repeatReasons(ui.i18n(), reasons);
    }

    /** "一人多警、同一地址": why a call is a repeat, in the order of {@link RepeatReason}. */
    public static String repeatReasons(org.commandroom.app.ui.common.I18n i18n, java.util.Set<RepeatReason> reasons) {
        StringBuilder b = new StringBuilder();
        for (RepeatReason r : RepeatReason.values()) {
            if (reasons.contains(r)) {
                if (b.length() > 0) {
                    b.append("、");
                }
                b.append(switch (r) {
                    case CALLER -> i18n.tr("intake.repeat.reason.CALLER");
                    case ADDRESS -> i18n.tr("intake.repeat.reason.ADDRESS");
                    case NEARBY -> i18n.tr("intake.repeat.reason.NEARBY");
                });
            }
        }
        return b.toString();
    }

    public Node root() {
        return root;
    }

    /** Asks the map for the call's position (F7 does the same). */
    public void pickOnMap() {
        pickOnMap.start();
    }

    /** Puts the cursor in the first field (the form was just opened). */
    public void focusFirst() {
        caller.requestFocus();
    }

    private final class PlaceCell extends ListCell<Place> {
        @Override
        protected void updateItem(Place p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                return;
            }
            String kind = switch (p.kind()) {
                case KEY_PLACE -> ui.i18n().tr("intake.place.KEY_PLACE");
                case POLICE_OFFICE -> ui.i18n().tr("intake.place.POLICE_OFFICE");
                case DEPLOYMENT_POINT -> ui.i18n().tr("intake.place.DEPLOYMENT_POINT");
                case COMMUNITY -> ui.i18n().tr("intake.place.COMMUNITY");
                case STREET -> ui.i18n().tr("intake.place.STREET");
                case INCIDENT_ADDRESS -> ui.i18n().tr("intake.place.INCIDENT_ADDRESS", p.uses());
            };
            setText(p.name() + "    " + kind);
        }
    }
}
