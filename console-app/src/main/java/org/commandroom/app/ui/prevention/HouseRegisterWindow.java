package org.commandroom.app.ui.prevention;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.commandroom.app.HouseRegisterModule;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.common.Windows;
import org.commandroom.core.prevention.House;

/**
 * 房屋登记与核查 (issue 15, docs/PREVENTION.md): the register, the inspections waiting for feedback and the inspection
 * cycles as three tabs, in a window of its own on the desk or as a page of the administration workspace. Every tab
 * reads when it is shown; a write on one tab makes the others read again (a feedback moves the house's due date and
 * adds to its findings).
 */
public final class HouseRegisterWindow {

    private final UiContext ui;
    private final TabPane tabs = new TabPane();
    private final HouseRegisterViewModel registerVm;
    private final InspectionsViewModel inspectionsVm;
    private final CyclesViewModel cyclesVm;
    private final HouseRegisterView registerView;
    private final InspectionsView inspectionsView;
    private final Tab inspections;
    private Stage stage;

    /** @param showOnMap where the desk's map shows a house; null where there is no map */
    public HouseRegisterWindow(HouseRegisterModule services, UiContext ui, String actor, Consumer<House> showOnMap) {
        this.ui = ui;
        registerVm = new HouseRegisterViewModel(services, ui.tasks(), ui.i18n(), actor);
        inspectionsVm = new InspectionsViewModel(services, ui.tasks(), ui.i18n(), actor);
        cyclesVm = new CyclesViewModel(services, ui.tasks(), ui.i18n(), actor);
        inspectionsVm.setOnChanged(registerVm::reload);
        cyclesVm.setOnSaved(registerVm::reload);
        registerView = new HouseRegisterView(registerVm, ui, showOnMap);
        inspectionsView = new InspectionsView(inspectionsVm, ui);
        Tab houses = tab("houses", ui.i18n().tr("houses.tab.register"), registerView.root(), registerVm::reload);
        inspections = tab("inspections", ui.i18n().tr("houses.tab.inspections"), inspectionsView.root(),
                inspectionsVm::reload);
        Tab cycles = tab("cycles", ui.i18n().tr("houses.tab.cycles"), new CyclesView(cyclesVm, ui).root(), cyclesVm::reload);
        tabs.setId("house-register");
        tabs.getStyleClass().add("house-register");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(houses, inspections, cycles);
    }

    private static Tab tab(String id, String title, Node content, Runnable read) {
        Tab t = new Tab(title, content);
        t.setId("house-register-tab-" + id);
        t.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                read.run();
            }
        });
        return t;
    }

    /**
     * While the window shows, an order changed anywhere (the hourly run, a terminal's sign-for, another workstation)
     * makes the inspection orders tab read again if it is the one shown; the register reads on Refresh and when shown.
     */
    public void follow(org.commandroom.core.live.ChangeFeed feed) {
        org.commandroom.core.live.ChangeFeed.Listener listener = changes -> {
            if (inspections.isSelected() && !org.commandroom.core.live.Change.idsOf(changes,
                    org.commandroom.core.live.Entity.ORDER).isEmpty()) {
                inspectionsVm.reload();
            }
        };
        org.commandroom.app.ui.common.Lifecycle.whileShowing(tabs, () -> feed.addListener(listener),
                () -> feed.removeListener(listener));
    }

    /** The tabs, for a page of another window (the administration workspace); call {@link #refresh} when shown. */
    public Node content() {
        return tabs;
    }

    /** Reads the tab on show again. */
    public void refresh() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == null || t.getContent() == registerView.root()) {
            registerVm.reload();
        } else if (t.getContent() == inspectionsView.root()) {
            inspectionsVm.reload();
        } else {
            cyclesVm.reload();
        }
    }

    /** Opens the window (or brings it to the front) and reads what its tab shows. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle(ui.i18n().tr("houses.window.title"));
            Scene scene = new Scene(tabs);
            Theme.style(scene);
            stage.setScene(scene);
        }
        refresh();
        if (stage.isShowing()) {
            stage.toFront();
            return;
        }
        Windows.show(stage, 1500, 860);
    }

    /** Selects a tab by id (houses, inspections, cycles). */
    public void select(String id) {
        tabs.getTabs().stream().filter(t -> ("house-register-tab-" + id).equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public Stage stage() {
        return stage;
    }

    public HouseRegisterViewModel registerViewModel() {
        return registerVm;
    }

    public InspectionsViewModel inspectionsViewModel() {
        return inspectionsVm;
    }

    public CyclesViewModel cyclesViewModel() {
        return cyclesVm;
    }
}
