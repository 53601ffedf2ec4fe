package org.commandroom.app.ui.search;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.camera.CameraKind;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.search.SearchHit;
import org.commandroom.core.unit.UnitKind;

/**
 * The search box over the map: a text field, and under it the hits with their kind while there are
 * any. Enter takes the selected hit (the first when none is selected), Down moves into the list, Esc
 * clears; a click takes a hit too.
 */
public final class SearchBox extends VBox {

    private final SearchViewModel vm;
    private final I18n i18n;
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();
    private final BooleanProperty open = new SimpleBooleanProperty(false);

    public SearchBox(SearchViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("map-search-box");
        getStyleClass().add("map-search-box");
        field.setId("map-search");
        field.setPromptText(i18n.tr("search.prompt"));
        field.setPrefWidth(340);
        field.textProperty().bindBidirectional(vm.queryProperty());
        field.textProperty().addListener((o, was, is) -> open.set(true));
        list.setId("map-search-results");
        list.setItems(vm.results());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SearchHit hit, boolean empty) {
                super.updateItem(hit, empty);
                setText(empty || hit == null ? null : text(hit));
            }
        });
        javafx.scene.control.Label none = new javafx.scene.control.Label(i18n.tr("search.none"));
        none.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.setPlaceholder(none);
        list.setPrefHeight(260);
        list.setPrefWidth(460);
        list.visibleProperty().bind(open.and(field.textProperty().isNotEmpty()).and(
                Bindings.isNotEmpty(vm.results()).or(vm.searchingProperty().not())));
        list.managedProperty().bind(list.visibleProperty());
        none.visibleProperty().bind(list.visibleProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER -> {
                    choose(list.getSelectionModel().getSelectedItem());
                    e.consume();
                }
                case DOWN -> {
                    if (!vm.results().isEmpty()) {
                        list.requestFocus();
                        list.getSelectionModel().selectFirst();
                    }
                    e.consume();
                }
                case ESCAPE -> {
                    field.clear();
                    open.set(false);
                    e.consume();
                }
                default -> {
                }
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(list.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                open.set(false);
                field.requestFocus();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                choose(list.getSelectionModel().getSelectedItem());
            }
        });
        getChildren().addAll(field, list);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setPickOnBounds(false);
    }

    /** Puts the caret in the field, its text selected (Ctrl+F). */
    public void focusField() {
        field.requestFocus();
        field.selectAll();
        open.set(true);
    }

    public TextField field() {
        return field;
    }

    public ListView<SearchHit> list() {
        return list;
    }

    private void choose(SearchHit hit) {
        if (hit == null && vm.results().isEmpty()) {
            return;
        }
        vm.choose(hit);
        open.set(false);
    }

    /** "警情  J20261123-00012  家庭纠纷 · 滨江路88号". */
    String text(SearchHit hit) {
        String extra = extra(hit);
        return kind(hit) + "  " + hit.title() + (extra.isEmpty() ? "" : "  " + extra);
    }

    private String kind(SearchHit hit) {
        return switch (hit.kind()) {
            case INCIDENT -> i18n.tr("search.kind.incident");
            case UNIT -> i18n.tr("search.kind.unit");
            case CAMERA -> i18n.tr("search.kind.camera");
            case POLICE_GRID -> i18n.tr("search.kind.policeGrid");
            case COMMUNITY -> i18n.tr("search.kind.community");
            case KEY_PLACE -> i18n.tr("search.kind.keyPlace");
            case ADDRESS -> i18n.tr("search.kind.address");
        };
    }

    private String extra(SearchHit hit) {
        String tag = "";
        try {
            tag = switch (hit.kind()) {
                case INCIDENT -> hit.tag().isEmpty() ? "" : i18n.label(IncidentType.valueOf(hit.tag()));
                case UNIT -> hit.tag().isEmpty() ? "" : i18n.label(UnitKind.valueOf(hit.tag()));
                case CAMERA -> hit.tag().isEmpty() ? "" : cameraKind(CameraKind.valueOf(hit.tag()));
                case KEY_PLACE -> placeKind(hit.tag());
                case ADDRESS -> addressKind(hit.tag());
                default -> "";
            };
        } catch (IllegalArgumentException unknown) {
            tag = hit.tag();
        }
        if (tag.isEmpty()) {
            return hit.detail();
        }
        return hit.detail().isEmpty() ? tag : tag + " · " + hit.detail();
    }

    private String cameraKind(CameraKind k) {
        return switch (k) {
            case SKYNET -> i18n.tr("map.cameraKind.skynet");
            case XUELIANG -> i18n.tr("map.cameraKind.xueliang");
            case CLASS1 -> i18n.tr("map.cameraKind.class1");
            case TELECOM_HD -> i18n.tr("map.cameraKind.telecomHd");
            case SOCIAL -> i18n.tr("map.cameraKind.social");
        };
    }

    /** What a gazetteer address is (a street, a police office...); an address from earlier calls says nothing more. */
    private String addressKind(String kind) {
        return switch (kind) {
            case "STREET" -> i18n.tr("intake.place.STREET");
            case "POLICE_OFFICE" -> i18n.tr("intake.place.POLICE_OFFICE");
            case "DEPLOYMENT_POINT" -> i18n.tr("intake.place.DEPLOYMENT_POINT");
            // houses of the register (core prevention HouseSearchSource): their kind; the stars are the hit's detail
            case "SELF_OCCUPIED" -> i18n.tr("house.kind.SELF_OCCUPIED");
            case "RENTED" -> i18n.tr("house.kind.RENTED");
            case "GROUP_RENTED" -> i18n.tr("house.kind.GROUP_RENTED");
            case "CONSTRUCTION_SITE" -> i18n.tr("house.kind.CONSTRUCTION_SITE");
            case "KEY_UNIT" -> i18n.tr("house.kind.KEY_UNIT");
            default -> "";
        };
    }

    /** Key places' kinds as the demo county and imports name them; an unknown kind is shown as stored. */
    private String placeKind(String kind) {
        return switch (kind) {
            case "SCHOOL" -> i18n.tr("map.placeKind.school");
            case "KINDERGARTEN" -> i18n.tr("map.placeKind.kindergarten");
            case "HOSPITAL" -> i18n.tr("map.placeKind.hospital");
            case "MARKET" -> i18n.tr("map.placeKind.market");
            case "NIGHT_MARKET" -> i18n.tr("map.placeKind.nightMarket");
            case "MALL" -> i18n.tr("map.placeKind.mall");
            case "BANK" -> i18n.tr("map.placeKind.bank");
            case "BUS_STATION" -> i18n.tr("map.placeKind.busStation");
            case "GAS_STATION" -> i18n.tr("map.placeKind.gasStation");
            case "HOTEL" -> i18n.tr("map.placeKind.hotel");
            case "INTERNET_CAFE" -> i18n.tr("map.placeKind.internetCafe");
            case "KTV" -> i18n.tr("map.placeKind.ktv");
            case "GOVERNMENT" -> i18n.tr("map.placeKind.government");
            default -> kind;
        };
    }
}
