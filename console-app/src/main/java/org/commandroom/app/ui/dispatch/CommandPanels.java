package org.commandroom.app.ui.dispatch;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.commandroom.app.AppServices;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.app.ui.intake.IntakeView;
import org.commandroom.app.ui.intake.IntakeViewModel;
import org.commandroom.app.ui.queue.QueueRow;

/**
 * The commander's two working panels beside the dashboard: the intake form (F2, 新警情) and the dispatch
 * panel for the incident selected in the queue (F3, 派警) and
 * the task order form for orders without an incident (F4, 任务指令); Esc closes the open one. Gives the main window
 * a tool bar and a side region, and puts the keys on the window's scene.
 */
public final class CommandPanels {

    private final UiContext ui;
    private final TableView<QueueRow> queue;
    private final IntakeViewModel intakeVm;
    private final IntakeView intakeView;
    private final DispatchViewModel dispatchVm;
    private final DispatchView dispatchView;
    private final TaskOrderViewModel taskVm;
    private final TaskOrderView taskView;
    private final org.commandroom.app.ui.intake.CallFilesViewModel filesVm;
    private final org.commandroom.app.ui.standardtasks.StandardTasksWindow standardTasks;
    private final HBox toolbar = new HBox();
    private final StackPane side = new StackPane();
    private final Label hint = new Label();
    private long selectWhenShown = -1;
    private Runnable indexAction;
    /** What the signed-in user may do: the buttons and keys of the rest are not offered (the services refuse them). */
    private final java.util.Set<org.commandroom.core.access.Permission> may =
            java.util.EnumSet.noneOf(org.commandroom.core.access.Permission.class);

    public CommandPanels(AppServices services, UiContext ui, TableView<QueueRow> queue, String actor) {
        this(services, ui, queue, actor, java.util.EnumSet.allOf(org.commandroom.core.access.Permission.class));
    }

    /** @param may what the signed-in user may do (F2 needs INTAKE, F3 DISPATCH, F4 ORDERS, the call files IMPORT_CALLS) */
    public CommandPanels(AppServices services, UiContext ui, TableView<QueueRow> queue, String actor,
                         java.util.Set<org.commandroom.core.access.Permission> may) {
        this.may.addAll(may);
        this.ui = ui;
        this.queue = queue;
        var i18n = ui.i18n();
        intakeVm = new IntakeViewModel(services.intake(), ui.tasks(), i18n, actor,
                () -> services.database().health().state().up());
        intakeView = new IntakeView(intakeVm, ui);
        // The panel follows the database's health through the feed the composition root built (as the status bar does).
        dispatchVm = new DispatchViewModel(services.intake().dispatch(), ui.tasks(), i18n, actor, services.feed());
        dispatchVm.useRepeats(services.intake().intake(), services.intake().tasks());
        dispatchView = new DispatchView(dispatchVm, ui);
        taskVm = new TaskOrderViewModel(services.intake().tasks(), services.intake().intake()::locate, ui.tasks(), i18n, actor,
                services.intake().taskDrafts(), () -> services.database().health().state().up());
        if (services.intake().standardTasks() != null) {
            // the F4 form offers the bureau's own library (its active tasks), not the product's four examples
            var library = services.intake().standardTasks().library();
            taskVm.useLibrary(() -> library.all(false).stream()
                    .map(org.commandroom.core.prevention.tasks.LibraryTask::forOrderForm).toList());
        }
        taskView = new TaskOrderView(taskVm, ui);

        Button newCall = new Button(i18n.tr("panels.newCall"));
        newCall.setId("toolbar-new-call");
        newCall.setFocusTraversable(false);
        newCall.setOnAction(e -> showIntake());
        Button send = new Button(i18n.tr("panels.dispatch"));
        send.setId("toolbar-dispatch");
        send.setFocusTraversable(false);
        send.setOnAction(e -> showDispatch());
        Button task = new Button(i18n.tr("panels.task"));
        task.setId("toolbar-task");
        task.setFocusTraversable(false);
        task.setOnAction(e -> showTask());
        hint.setId("toolbar-hint");
        hint.getStyleClass().add("panel-hint");
        offer(newCall, org.commandroom.core.access.Permission.INTAKE);
        offer(send, org.commandroom.core.access.Permission.DISPATCH);
        offer(task, org.commandroom.core.access.Permission.ORDERS);
        // The standard-task library (标准件) in its own window; issuing from it needs ORDERS, checked again by the service.
        if (services.intake().standardTasks() != null && this.may.contains(org.commandroom.core.access.Permission.ORDERS)) {
            standardTasks = new org.commandroom.app.ui.standardtasks.StandardTasksWindow(services.intake().standardTasks(),
                    ui, actor, true);
            Button library = new Button(i18n.tr("panels.standardTasks"));
            library.setId("toolbar-standard-tasks");
            library.setFocusTraversable(false);
            library.setOnAction(e -> standardTasks.show(toolbar.getScene() == null ? null : toolbar.getScene().getWindow()));
            toolbar.getChildren().add(library);
        } else {
            standardTasks = null;
        }
        if (services.callFiles() != null && this.may.contains(org.commandroom.core.access.Permission.IMPORT_CALLS)) {
            filesVm = new org.commandroom.app.ui.intake.CallFilesViewModel(services.callFiles(), ui.tasks(), i18n, actor);
            var files = new org.commandroom.app.ui.intake.CallFilesView(filesVm, ui, () -> {
                QueueRow row = queue.getSelectionModel().getSelectedItem();
                return row == null ? null : new org.commandroom.app.ui.intake.CallFilesView.Selected(row.getEntry().id(),
                        row.getEntry().incidentNo());
            });
            // An EIDO recorded as a call is selected in the queue once the feed brings it in.
            filesVm.setOnEidoImported(r -> {
                selectWhenShown = r.incident().id();
                selectPending();
            });
            toolbar.getChildren().addAll(files.nodes());
        } else {
            filesVm = null;
        }
        toolbar.getChildren().add(hint);
        toolbar.getStyleClass().add("command-toolbar");
        toolbar.setSpacing(8);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        side.setId("side-panel");
        side.getStyleClass().add("side-panel");
        side.setPrefWidth(560);
        side.setVisible(false);
        side.managedProperty().bind(side.visibleProperty());
        side.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });

        // A call just saved is selected in the queue as soon as the change feed brings it in.
        intakeVm.setOnSaved(r -> {
            selectWhenShown = r.incident().id();
            selectPending();
        });
        queue.getItems().addListener((ListChangeListener<QueueRow>) c -> selectPending());
        toolbar.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                installKeys(is);
            } else if (keysOn != null) {
                keysOn.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                keysOn = null;
            }
        });
    }

    /**
     * F2 and F3 as an event filter on the scene rather than accelerators: a focused table takes F2 for
     * itself (start editing) before an accelerator would see it, and the queue usually has the focus.
     */
    private void installKeys(Scene scene) {
        if (keysOn == scene) {
            return;
        }
        if (keysOn != null) {
            keysOn.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        keysOn = scene;
    }

    private Scene keysOn;
    private final javafx.event.EventHandler<KeyEvent> keys = e -> {
        if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isAltDown()
                && may.contains(org.commandroom.core.access.Permission.INTAKE)) {
            showIntake();
            e.consume();
        } else if (e.getCode() == KeyCode.F3 && !e.isShortcutDown() && !e.isAltDown()
                && may.contains(org.commandroom.core.access.Permission.DISPATCH)) {
            showDispatch();
            e.consume();
        } else if (e.getCode() == KeyCode.F6 && indexAction != null && !e.isShortcutDown() && !e.isAltDown()) {
            indexAction.run();
            e.consume();
        } else if (e.getCode() == KeyCode.F4 && !e.isShortcutDown() && !e.isAltDown()
                && may.contains(org.commandroom.core.access.Permission.ORDERS)) {
            showTask();
            e.consume();
        }
    };

    private void offer(Button b, org.commandroom.core.access.Permission needed) {
        if (may.contains(needed)) {
            toolbar.getChildren().add(b);
        }
    }

    private void selectPending() {
        if (selectWhenShown < 0) {
            return;
        }
        for (QueueRow row : queue.getItems()) {
            if (row.getEntry().id() == selectWhenShown) {
                queue.getSelectionModel().select(row);
                queue.scrollTo(row);
                selectWhenShown = -1;
                return;
            }
        }
    }

    /** F2: the intake form, cursor in the caller number. */
    public void showIntake() {
        if (!may.contains(org.commandroom.core.access.Permission.INTAKE)) {
            return;
        }
        hint.setText("");
        side.getChildren().setAll(intakeView.root());
        side.setVisible(true);
        intakeView.focusFirst();
    }

    /** F3: the dispatch panel for the queue's selected incident. */
    public void showDispatch() {
        if (!may.contains(org.commandroom.core.access.Permission.DISPATCH)) {
            return;
        }
        QueueRow row = queue.getSelectionModel().getSelectedItem();
        if (row == null) {
            hint.setText(ui.i18n().tr("panels.selectFirst"));
            return;
        }
        hint.setText("");
        dispatchVm.load(row.getEntry().id());
        side.getChildren().setAll(dispatchView.root());
        side.setVisible(true);
        dispatchView.focusFirst();
    }

    /**
     * Adds the prevention index button (主防指数, F6) after 派警; {@code open} shows the dashboard window.
     * Only where the console has the index.
     */
    public void addIndexButton(Runnable open) {
        if (indexAction != null) {
            return;
        }
        indexAction = open;
        Button index = new Button(ui.i18n().tr("panels.index"));
        index.setId("toolbar-index");
        index.setFocusTraversable(false);
        index.setOnAction(e -> open.run());
        toolbar.getChildren().add(toolbar.getChildren().indexOf(hint), index);
    }

    /** Adds the prevention work button (主防工作: model alerts, work-hours, 分色预警) after the index's; {@code open} shows it. */
    public void addPreventionButton(Runnable open) {
        Button prevention = new Button(ui.i18n().tr("panels.prevention"));
        prevention.setId("toolbar-prevention");
        prevention.setFocusTraversable(false);
        prevention.setOnAction(e -> open.run());
        toolbar.getChildren().add(toolbar.getChildren().indexOf(hint), prevention);
    }

    /** F4: an order without an incident (布控, visit, dispute follow-up, standard task). */
    public void showTask() {
        if (!may.contains(org.commandroom.core.access.Permission.ORDERS)) {
            return;
        }
        hint.setText("");
        side.getChildren().setAll(taskView.root());
        side.setVisible(true);
        taskView.focusFirst();
    }

    /** Esc: closes the open panel and gives the keyboard back to the queue. */
    public void close() {
        side.setVisible(false);
        side.getChildren().clear();
        queue.requestFocus();
    }

    public Node toolbar() {
        return toolbar;
    }

    public Node side() {
        return side;
    }

    IntakeViewModel intakeViewModel() {
        return intakeVm;
    }

    /** The file actions (bulk import, EIDO), or null where the console has no file interchange. */
    org.commandroom.app.ui.intake.CallFilesViewModel filesViewModel() {
        return filesVm;
    }

    /** The standard-task window, or null where the user may not issue orders (tests). */
    public org.commandroom.app.ui.standardtasks.StandardTasksWindow standardTasksWindow() {
        return standardTasks;
    }

    TaskOrderViewModel taskViewModel() {
        return taskVm;
    }

    DispatchViewModel dispatchViewModel() {
        return dispatchVm;
    }
}
