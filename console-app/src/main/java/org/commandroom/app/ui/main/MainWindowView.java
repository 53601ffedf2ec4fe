package org.commandroom.app.ui.main;

import java.util.EnumSet;
import java.util.Set;
import org.commandroom.app.ui.login.LoginGate;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.commandroom.app.AppServices;
import org.commandroom.app.Workflow;
import org.commandroom.app.ui.alerts.AlertsView;
import org.commandroom.app.ui.alerts.AlertsViewModel;
import org.commandroom.app.ui.orders.EscalationView;
import org.commandroom.app.ui.orders.EscalationViewModel;
import org.commandroom.app.ui.orders.OrdersView;
import org.commandroom.app.ui.orders.OrdersViewModel;
import org.commandroom.core.access.Role;
import org.commandroom.core.alert.AlertCenter;
import org.commandroom.core.alert.AlertPolicy;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.dispatch.CommandPanels;
import org.commandroom.app.ui.index.IndexDashboardWindow;
import org.commandroom.app.ui.queue.IncidentQueueView;
import org.commandroom.app.ui.queue.QueueRow;
import org.commandroom.app.ui.queue.IncidentQueueViewModel;
import org.commandroom.app.ui.status.DbState;
import org.commandroom.app.ui.status.StatusBarView;
import org.commandroom.app.ui.status.StatusBarViewModel;
import org.commandroom.app.ui.units.UnitBoardView;
import org.commandroom.app.ui.units.UnitBoardViewModel;

/**
 * The duty commander's first screen: title bar, then (once the database is open) the live map's
 * reserved region and the unit board above the incident queue, and the status bar at the bottom.
 * Before that it says it is connecting; if opening fails it says why, in one line.
 */
public final class MainWindowView {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainWindowView.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MainWindowViewModel vm;
    private final UiContext ui;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private org.commandroom.app.ui.login.SessionLock sessionLock;
    private final Runnable tone;
    private MapPane map;
    private final LoginGate login;
    private final Label title = new Label();
    private Label titleRole;
    private final Label dutyLabel = new Label();
    private DutyLine dutyLine;
    /** The signed-in user's menu at the title bar's right: password, administration, lock. */
    private final javafx.scene.control.MenuButton account = new javafx.scene.control.MenuButton();
    private org.commandroom.app.ui.admin.AdminWindow adminWindow;
    /** What the signed-in user may do; everything without a log-in gate (screen tests). */
    private Set<Permission> may = EnumSet.allOf(Permission.class);
    private AlertsViewModel alerts;
    private IndexDashboardWindow indexWindow;
    private org.commandroom.app.ui.prevention.PreventionWindow preventionWindow;
    /** The map's layer toggles, kept for the session (the dashboard is rebuilt after a reconnect). */
    private final org.commandroom.app.ui.map.MapLayerToggles mapLayers = new org.commandroom.app.ui.map.MapLayerToggles();

    public MainWindowView(MainWindowViewModel vm, UiContext ui) {
        this(vm, ui, () -> { });
    }

    /** @param tone played when an alert appears */
    public MainWindowView(MainWindowViewModel vm, UiContext ui, Runnable tone) {
        this(vm, ui, tone, null);
    }

    /**
     * @param login shown once the database is open until someone signs in; the desk then offers what the user's
     *              roles allow (docs/ACCESS.md). Null: no log-in (screen tests).
     */
    public MainWindowView(MainWindowViewModel vm, UiContext ui, Runnable tone, LoginGate login) {
        this.login = login;
        this.vm = vm;
        this.ui = ui;
        this.tone = tone;
        root.getStyleClass().add("main-window");
        root.setTop(titleBar());
        root.setCenter(content);
        root.setBottom(new StatusBarView(vm.statusBar(), ui).root());
        content.getStyleClass().add("main-content");
        vm.phaseProperty().addListener((o, was, is) -> showPhase(is));
        showPhase(vm.phaseProperty().get());
    }

    /** The trainee's drill menu (issue 13), offered in the account menu to a signed-in trainee; null: none. */
    private org.commandroom.app.drill.TraineeDrills traineeDrills;

    /** Offers a signed-in trainee the drill menu. */
    public void offerDrills(org.commandroom.app.drill.TraineeDrills drills) {
        this.traineeDrills = drills;
    }

    /** The desk's lock (null until a user is signed in and the desk built). */
    public org.commandroom.app.ui.login.SessionLock sessionLock() {
        return sessionLock;
    }

    private Node titleBar() {
        title.setText(ui.i18n().tr("app.title"));
        title.getStyleClass().add("app-title");
        title.setId("app-title");
        // The window's own title follows the workspace shown (the task bar said 值班长工作台 over a trainee's drills).
        title.textProperty().addListener((o, was, is) -> {
            if (root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.setTitle(is);
            }
        });
        Label role = new Label(ui.i18n().tr("app.role"));
        role.getStyleClass().add("app-role");
        titleRole = role;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        account.setId("title-account");
        account.getStyleClass().add("title-account");
        account.setFocusTraversable(false);
        account.setVisible(false);
        dutyLabel.setId("title-duty");
        dutyLabel.getStyleClass().add("title-duty");
        dutyLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(title, role, dutyLabel, spacer, account);
        bar.getStyleClass().add("title-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showPhase(ConnectionPhase phase) {
        switch (phase) {
            case CONNECTING -> content.getChildren().setAll(connecting());
            case FAILED -> content.getChildren().setAll(failed());
            case READY -> {
                if (login != null && !login.signedIn()) {
                    vm.statusBar().signedOut();
                    content.getChildren().setAll(login.screen(p -> showPhase(vm.phaseProperty().get())));
                    return;
                }
                long start = System.nanoTime();
                AppServices services = forSignedInUser(vm.servicesProperty().get());
                if (login != null && services.admin() != null
                        && org.commandroom.app.ui.admin.AdminWorkspace.only(login.principal())) {
                    // An administrator who is not also a commander has no desk: the administration workspace is theirs.
                    title.setText(ui.i18n().tr("admin.title"));
                    titleRole.setText(ui.i18n().tr("admin.subtitle"));
                    content.getChildren().setAll(new VBox(staleBanner(), grow(new org.commandroom.app.ui.admin.AdminWorkspace(
                            services.admin(), ui, login.principal()).root())));
                } else if (login != null && traineeDrills != null
                        && org.commandroom.app.drill.TraineeDrills.only(login.principal())) {
                    // A trainee works in drills only: the live desk (queue, units, orders, map) is not built for them.
                    title.setText(ui.i18n().tr("drill.workspace.appTitle"));
                    titleRole.setText(ui.i18n().tr("drill.workspace.subtitle"));
                    content.getChildren().setAll(traineeDrills.workspace(login.principal(),
                            () -> root.getScene() == null ? null : root.getScene().getWindow()));
                } else {
                    // The desk in a holder of its own, so that the first set-up can stand in its place without
                    // disturbing the lock screen installed over the content.
                    BorderPane work = new BorderPane();
                    content.getChildren().setAll(work);
                    if (login != null && services.admin() != null && login.principal().may(Permission.SETUP)) {
                        offerFirstSetUp(services, login.principal(), work);
                    } else {
                        showDesk(work, services);
                    }
                }
                if (login != null) {
                    accountMenu(services, login.principal());
                    sessionLock = login.lock();
                    sessionLock.install(root, content);
                    if (alerts != null) {
                        sessionLock.showUrgentCount(alerts.urgentCount());
                    }
                }
                LOG.info("Dashboard built in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private Node connecting() {
        ProgressIndicator spinner = new ProgressIndicator();
        Label text = new Label();
        text.textProperty().bind(vm.upgradeStepProperty().map(s -> ui.i18n().tr("main.upgrading", s.number(), s.of(),
                s.description(), s.version())).orElse(ui.i18n().tr("main.connecting")));
        text.setId("main-connecting");
        text.getStyleClass().add("notice-title");
        Label db = new Label(vm.statusBar().databaseProperty().get());
        db.getStyleClass().add("notice-detail");
        VBox box = new VBox(spinner, text, db);
        box.getStyleClass().add("notice");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failed() {
        Label text = new Label(ui.i18n().tr("main.failed.title"));
        text.setId("main-failed");
        text.getStyleClass().addAll("notice-title", "danger");
        Label reason = new Label(ui.i18n().tr("main.failed.reason", vm.failureProperty().get()));
        reason.setId("main-failed-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add("notice-detail");
        Label db = new Label(vm.statusBar().databaseProperty().get());
        db.getStyleClass().add("notice-detail");
        Label hint = new Label(ui.i18n().tr("main.failed.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("notice-hint");
        Button retry = new Button(ui.i18n().tr("main.failed.retry"));
        retry.setId("main-retry");
        retry.setDefaultButton(true);
        retry.setOnAction(e -> vm.connect());
        VBox box = new VBox(text, reason, db, hint, retry);
        box.getStyleClass().add("notice");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(900);
        return box;
    }

    private static Node grow(Node n) {
        VBox.setVgrow(n, Priority.ALWAYS);
        return n;
    }

    /**
     * The title bar's menu for the signed-in user: administration (F10) where they may use it beside the desk, and
     * locking the desk (Ctrl+L).
     */
    private void accountMenu(AppServices s, Principal p) {
        account.setText(p.displayName());
        account.getItems().clear();
        if (traineeDrills != null && org.commandroom.app.drill.TraineeDrills.offeredTo(p)) {
            account.getItems().add(traineeDrills.menu(p, () -> root.getScene() == null ? null : root.getScene().getWindow()));
        }
        if (s.admin() != null && org.commandroom.app.ui.admin.AdminWorkspace.offeredTo(p)
                && !org.commandroom.app.ui.admin.AdminWorkspace.only(p)) {
            javafx.scene.control.MenuItem admin = new javafx.scene.control.MenuItem(ui.i18n().tr("admin.open"));
            admin.setId("menu-admin");
            admin.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F10));
            admin.setOnAction(e -> openAdministration(s, p));
            account.getItems().add(admin);
        }
        javafx.scene.control.MenuItem password = new javafx.scene.control.MenuItem(ui.i18n().tr("account.password"));
        password.setId("menu-password");
        password.setOnAction(e -> org.commandroom.app.ui.admin.password.PasswordChangeDialog.show(
                root.getScene() == null ? null : root.getScene().getWindow(), login.accessService(), p, ui));
        account.getItems().add(password);
        javafx.scene.control.MenuItem lock = new javafx.scene.control.MenuItem(ui.i18n().tr("account.lock"));
        lock.setId("menu-lock");
        lock.setOnAction(e -> {
            if (sessionLock != null) {
                sessionLock.lock("by hand (menu)");
            }
        });
        account.getItems().add(lock);
        account.setVisible(true);
    }

    /** The administration workspace in a window of its own beside the desk (F10), one at a time. */
    void openAdministration(AppServices s, Principal p) {
        if (adminWindow == null || !adminWindow.isShowing()) {
            adminWindow = new org.commandroom.app.ui.admin.AdminWindow(
                    new org.commandroom.app.ui.admin.AdminWorkspace(s.admin(), ui, p), ui,
                    root.getScene() == null ? null : root.getScene().getWindow());
        }
        adminWindow.show();
    }

    /**
     * First start on an empty database (issue 11): an administrator who also commands is shown the set-up checklist
     * instead of an empty desk, with a way to the desk when they choose, until the bureau has what a desk needs
     * (stations and the district). Counted off the FX thread.
     */
    private void offerFirstSetUp(AppServices s, Principal p, BorderPane work) {
        ui.tasks().run(() -> s.admin().progress().read().readyForTheDesk(), ready -> {
            if (ready) {
                showDesk(work, s);
                return;
            }
            var workspace = new org.commandroom.app.ui.admin.AdminWorkspace(s.admin(), ui, p);
            Label said = new Label(ui.i18n().tr("setup.first.notice"));
            said.setWrapText(true);
            said.setId("setup-first-notice");
            Button toDesk = new Button(ui.i18n().tr("setup.first.toDesk"));
            toDesk.setId("setup-to-desk");
            // The desk is built when it is chosen, so that it reads what the set-up has imported meanwhile.
            toDesk.setOnAction(e -> showDesk(work, s));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox bar = new HBox(12, said, gap, toDesk);
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.getStyleClass().add("setup-first-bar");
            work.setCenter(new VBox(bar, grow(workspace.root())));
        }, e -> {
            LOG.warn("Could not count what the bureau has set up: {}", e.toString());
            showDesk(work, s);
        });
    }

    /** Builds the desk into its holder; the lock screen, once installed, counts the desk's urgent alerts. */
    private void showDesk(BorderPane work, AppServices s) {
        work.setCenter(dashboard(s));
        showDuty(s);
        if (sessionLock != null && alerts != null) {
            sessionLock.showUrgentCount(alerts.urgentCount());
        }
    }

    /** Who is on duty by the command room's roster, beside the desk's title; read off the FX thread. */
    private void showDuty(AppServices s) {
        if (dutyLine != null || s.database() == null) {
            return;
        }
        dutyLine = new DutyLine(org.commandroom.core.roster.DutyRoster.of(s.database(), ui.clock().getZone()), ui.tasks(),
                ui.clock(), ui.i18n())
                .follow(s.feed());
        dutyLabel.textProperty().bind(dutyLine.textProperty());
        ui.ticker().subscribe(dutyLine::tick);
    }

    /** The administration window, once opened (for tests). */
    org.commandroom.app.ui.admin.AdminWindow adminWindow() {
        return adminWindow;
    }

    /** The signed-in user's name and roles in the status bar, and the services as they may use them. */
    private AppServices forSignedInUser(AppServices s) {
        if (login == null) {
            return s;
        }
        Principal p = login.principal();
        may = p.permissions();
        vm.statusBar().signedIn(p.displayName(), login.rolesText(p));
        Workflow wf = s.workflow() == null ? null : s.workflow().as(login.role(p), p.displayName());
        return s.forUser(wf, may.contains(Permission.SETUP), may.contains(Permission.IMPORT_CALLS));
    }

    private Node dashboard(AppServices s) {
        var settings = ui.settings();
        Workflow wf = s.workflow();
        Role role = wf == null ? Role.DUTY_COMMANDER : wf.role();
        var queueVm = new IncidentQueueViewModel(s.incidents(), s.feed(), ui.tasks(), ui.clock(), settings, role);
        queueVm.useResponseStats(s.orders()::responseStats);
        // The queue is read now, while the rest is built, rather than when its pane is first laid out: the
        // commander's first data is then in the first frame. It is read again once it follows the feed.
        queueVm.reload();
        var unitsVm = new UnitBoardViewModel(s.units(), s.feed(), ui.tasks(), ui.clock(), settings);
        var queue = new IncidentQueueView(queueVm, ui);
        var units = new UnitBoardView(unitsVm, ui);
        var table = queue.table();
        map = new MapPane(s, ui, new MapPane.ObservableRows(queueVm.rows(), unitsVm.rows(), unitsVm.updatesProperty(), id -> {
            // An incident clicked on the map is selected in the queue.
            for (QueueRow row : table.getItems()) {
                if (MapPane.sameId(row, id)) {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                    break;
                }
            }
        }), mapLayers);
        // The queue's selection centres the map.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                map.centreOn(is.getEntry());
            }
        });
        if (wf == null) {
            SplitPane top = new SplitPane(map.root(), units.root());
            top.setDividerPositions(0.5);
            SplitPane all = new SplitPane(top, queue.root());
            all.setOrientation(Orientation.VERTICAL);
            all.setDividerPositions(0.55);
            all.getStyleClass().add("dashboard");
            Node work = withCommandPanels(s, all, table);
            VBox.setVgrow(work, Priority.ALWAYS);
            return new VBox(staleBanner(), work);
        }
        // Top: the map beside the unit board and the escalation list; bottom: the queue beside the orders.
        var escalationVm = new EscalationViewModel(wf.escalation(), ui.clock());
        var escalation = new EscalationView(escalationVm, ui);
        Tab unitsTab = new Tab(ui.i18n().tr("tab.units"), units.root());
        Tab escalationTab = new Tab(ui.i18n().tr("tab.escalation"), escalation.root());
        escalationTab.setId("tab-escalation");
        escalationTab.textProperty().bind(escalationVm.overdueProperty().map(n -> n.intValue() == 0
                ? ui.i18n().tr("tab.escalation") : ui.i18n().tr("tab.escalationOverdue", n.intValue())));
        TabPane side = new TabPane(unitsTab, escalationTab);
        if (s.cap() != null) {
            var capVm = new org.commandroom.app.ui.cap.CapAlertsViewModel(s.cap().inbox(), s.cap().mayReceive(),
                    ui.tasks(), s.cap().folders().pollEvery(), wf.actor(),
                    may.contains(Permission.ISSUE_WARNINGS) ? s.cap().service() : null);
            var capView = new org.commandroom.app.ui.cap.CapAlertsView(capVm, ui);
            Tab capTab = new Tab(ui.i18n().tr("tab.cap"), capView.root());
            capTab.setId("tab-cap");
            capTab.textProperty().bind(javafx.beans.binding.Bindings.size(capVm.alerts()).map(n -> n.intValue() == 0
                    ? ui.i18n().tr("tab.cap") : ui.i18n().tr("tab.capCount", n.intValue())));
            side.getTabs().add(capTab);
            org.commandroom.app.ui.cap.CapAlertsView.readWhileShowing(side, capVm, ui);
            map.showCapAreas(capVm.areasProperty());
            if (capVm.issuer() != null) {
                // 对此区域发布预警… on the map's drawn area: the Warnings tab comes forward with the form.
                map.offerWarningForArea(shape -> {
                    side.getSelectionModel().select(capTab);
                    capView.issueFor(shape);
                });
            }
        }
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("side-tabs");
        SplitPane top = new SplitPane(map.root(), side);
        top.setDividerPositions(0.5);
        var ordersVm = new OrdersViewModel(wf.followUp(),
                new org.commandroom.core.dispatch.escalation.IncidentOrders(s.database().jdbi()), s.orders(), s.units(),
                s.feed(), ui.tasks(),
                ui.clock(), wf.push(), role, wf.actor());
        var orders = new OrdersView(ordersVm, ui);
        linkQueueAndOrders(table, ordersVm);
        SplitPane bottom = new SplitPane(queue.root(), orders.root());
        bottom.setDividerPositions(0.5);
        // The tables' minimums (their key columns) place the divider; they never widen the window past the screen
        // or push a side panel out of it.
        bottom.setMinWidth(0);
        top.setMinWidth(0);
        SplitPane all = new SplitPane(top, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.44);
        all.getStyleClass().add("dashboard");
        Node work = withCommandPanels(s, all, table);
        VBox.setVgrow(work, Priority.ALWAYS);
        alerts = new AlertsViewModel(s.incidents(), s.feed(), wf.escalation(),
                new AlertCenter(ui.clock(), AlertPolicy.defaults()), wf.alertAudit(), ui.tasks(), ui.clock(),
                wf.startedAt(), tone, wf.actor());
        alerts.start();
        if (wf.push() != null) {
            AlertsViewModel strip = alerts;
            wf.push().addEmergencyListener(strip::emergency);
        }
        AlertsView strip = new AlertsView(alerts, ui, may.contains(Permission.ACK_ALERTS));
        strip.setOnOpen(t -> open(t, table, ordersVm));
        return new VBox(strip.root(), staleBanner(), work);
    }

    /**
     * An alert clicked on the strip: its incident selected in the queue (which centres the map and focuses the
     * orders panel), or its order picked in the orders panel. One no longer listed (closed meanwhile, or outside
     * the queue's filter) is left as it is.
     */
    static void open(org.commandroom.core.alert.AlertTrigger t, javafx.scene.control.TableView<QueueRow> queue,
                     OrdersViewModel orders) {
        switch (t.kind()) {
            case NEW_INCIDENT, HIGH_PRIORITY_INCIDENT -> queue.getItems().stream()
                    .filter(r -> r.getEntry().id() == t.entityId()).findFirst().ifPresent(r -> {
                        queue.getSelectionModel().select(r);
                        queue.scrollTo(r);
                    });
            case ORDER_OVERDUE -> {
                if (orders != null) {
                    orders.rows().stream().filter(r -> r.getEntry().id() == t.entityId()).findFirst().ifPresent(orders::select);
                }
            }
            case UNIT_EMERGENCY -> { }
        }
    }

    /**
     * The incident selected in the queue is the orders panel's focus (its orders marked and listed, their trail
     * shown); an order picked in the orders table selects its incident in the queue, which scrolls to it and
     * centres the map on it. An order whose incident is not in the queue (closed, or filtered out) clears the
     * queue's selection rather than leave another incident selected beside it.
     */
    private static void linkQueueAndOrders(javafx.scene.control.TableView<QueueRow> queue, OrdersViewModel orders) {
        queue.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> orders.focusIncident(is == null
                ? null : new OrdersViewModel.IncidentRef(is.getEntry().id(), is.getEntry().incidentNo())));
        orders.selectedProperty().addListener((o, was, is) -> {
            if (is == null) {
                return;
            }
            Long incident = is.getEntry().incidentId();
            QueueRow current = queue.getSelectionModel().getSelectedItem();
            if (incident != null && current != null && current.getEntry().id() == incident) {
                return;
            }
            for (QueueRow row : queue.getItems()) {
                if (incident != null && row.getEntry().id() == incident) {
                    queue.getSelectionModel().select(row);
                    queue.scrollTo(row);
                    return;
                }
            }
            queue.getSelectionModel().clearSelection();
        });
    }

    /** Intake (F2) and dispatch (F3) open beside the dashboard (ui/dispatch/CommandPanels) where intake exists. */
    private Node withCommandPanels(AppServices s, Node dashboard, javafx.scene.control.TableView<QueueRow> table) {
        if (s.intake() == null) {
            return dashboard;
        }
        String actor = vm.statusBar().commanderProperty().get();
        var panels = new CommandPanels(s, ui, table, actor, may);
        if (s.index() != null) {
            indexWindow = new IndexDashboardWindow(s.index(), s.feed(), ui, actor);
            panels.addIndexButton(() -> indexWindow.show(panels.toolbar().getScene() == null ? null
                    : panels.toolbar().getScene().getWindow()));
        }
        if (s.prevention() != null) {
            preventionWindow = new org.commandroom.app.ui.prevention.PreventionWindow(s.prevention(), ui, actor, () -> {
                if (map != null) {
                    map.riskRuleChanged();
                }
            });
            panels.addPreventionButton(() -> preventionWindow.show(panels.toolbar().getScene() == null ? null
                    : panels.toolbar().getScene().getWindow()));
        }
        addHouseRegister(s, panels, actor);
        return new BorderPane(dashboard, panels.toolbar(), panels.side(), null, null);
    }

    /** The prevention work window (主防工作), where the console has it (for tests). */
    org.commandroom.app.ui.prevention.PreventionWindow preventionWindow() {
        return preventionWindow;
    }

    /**
     * The house register and its inspections (ui/prevention, docs/PREVENTION.md) from the tool bar, for a signed-in user
     * who is not in a drill; a house is shown on this desk's map, and a save reads the map's houses again.
     */
    private void addHouseRegister(AppServices s, CommandPanels panels, String actor) {
        if (login == null || login.principal().drill()) {
            return;
        }
        var prevention = org.commandroom.app.HouseRegisterModule.of(s.database(), ui.clock(), s.orders(), login.principal());
        houseRegister = new org.commandroom.app.ui.prevention.HouseRegisterWindow(prevention, ui, actor,
                h -> map.showHouse(h.id(), h.position()));
        houseRegister.registerViewModel().setOnSaved(h -> map.reload());
        houseRegister.follow(s.feed());
        Button open = new Button(ui.i18n().tr("panels.houses"));
        open.setId("toolbar-houses");
        open.setFocusTraversable(false);
        open.setOnAction(e -> houseRegister.show(open.getScene() == null ? null : open.getScene().getWindow()));
        ((javafx.scene.layout.Pane) panels.toolbar()).getChildren().add(open);
    }

    private org.commandroom.app.ui.prevention.HouseRegisterWindow houseRegister;

    /** The house register window, where the desk offers it (for tests). */
    org.commandroom.app.ui.prevention.HouseRegisterWindow houseRegister() {
        return houseRegister;
    }

    /** The prevention index window (F6), where the console has the index (for tests). */
    IndexDashboardWindow indexWindow() {
        return indexWindow;
    }

    /** The alerts, once the dashboard is shown (for tests). */
    AlertsViewModel alerts() {
        return alerts;
    }

    /** The live map, once the dashboard is shown (for tests). */
    MapPane map() {
        return map;
    }

    /** While the database is lost, says above the data that it is frozen and since when. */
    private Node staleBanner() {
        StatusBarViewModel status = vm.statusBar();
        ZoneId zone = ui.clock().getZone();
        Label banner = new Label();
        banner.setId("stale-banner");
        banner.getStyleClass().add("stale-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(status.dataAsOfProperty().map(t -> ui.i18n().tr("main.staleBanner",
                TIME.format(t.atZone(zone)))));
        banner.visibleProperty().bind(status.dbStateProperty().isEqualTo(DbState.LOST));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    public Node root() {
        return root;
    }
}
