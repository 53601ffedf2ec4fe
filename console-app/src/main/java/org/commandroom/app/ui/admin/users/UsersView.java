package org.commandroom.app.ui.admin.users;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Lifecycle;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.UserAccount;

/**
 * The user-administration tab: a table of the users (log-in, name, roles, state, wrong passwords in a row, locked
 * until, last sign-in with its workstation, refused attempts since) and the actions on the selected one, as buttons and in the table's context menu: new user, roles, password
 * reset, unlock, switch off or on (after a question). Forms open as dialogs ({@link UserFormDialog}); the line
 * under the table says what was done or why not. The list is read when the tab is first shown and after each change.
 */
public final class UsersView {

    private static final PseudoClass SWITCHED_OFF = PseudoClass.getPseudoClass("switched-off");
    private static final PseudoClass LOCKED_OUT = PseudoClass.getPseudoClass("locked-out");
    private static final PseudoClass SELF = PseudoClass.getPseudoClass("self");

    private final UsersViewModel vm;
    private final I18n i18n;
    private final VBox root;
    private final TableView<UserAccount> table = new TableView<>();

    /**
     * The tab as the administration workspace builds it.
     *
     * @param access the user service (null while the database is not open)
     * @param self   who is signed in at this workstation ({@code session::current})
     */
    public UsersView(Supplier<AccessService> access, Supplier<Principal> self, UiContext ui) {
        this(null, access, self, ui);
    }

    /** The tab over a given view model (tests). */
    public UsersView(UsersViewModel vm, UiContext ui) {
        this(vm, null, null, ui);
    }

    private UsersView(UsersViewModel given, Supplier<AccessService> access, Supplier<Principal> self, UiContext ui) {
        this.i18n = ui.i18n();
        this.vm = given != null ? given
                : new UsersViewModel(access, self, ui.tasks(), ui.i18n(), ui.clock(), this::confirm);
        this.root = build();
        Lifecycle.whileShowing(root, vm::refresh, () -> { });
    }

    public Node root() {
        return root;
    }

    public UsersViewModel viewModel() {
        return vm;
    }

    private VBox build() {
        Label title = new Label(i18n.tr("admin.users.title"));
        title.getStyleClass().add("panel-title");
        Label count = new Label();
        count.setId("admin-users-count");
        count.getStyleClass().add("panel-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(vm.users())
                .map(n -> i18n.tr("admin.users.count", n)));
        HBox header = new HBox(12, title, count);
        header.getStyleClass().add("panel-header");

        Button create = button("admin-users-new", i18n.tr("admin.users.new"), this::openCreate);
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(vm.busyProperty());
        Button roles = button("admin-users-roles", i18n.tr("admin.users.roles"), this::openRoles);
        roles.disableProperty().bind(vm.canActProperty().not());
        Button reset = button("admin-users-reset", i18n.tr("admin.users.reset"), this::openReset);
        reset.disableProperty().bind(vm.canActProperty().not());
        Button unlock = button("admin-users-unlock", i18n.tr("admin.users.unlock"), vm::unlock);
        unlock.disableProperty().bind(vm.canUnlockProperty().not());
        Button toggle = button("admin-users-toggle", "", vm::toggleActive);
        toggle.textProperty().bind(vm.selectedActiveProperty()
                .map(on -> i18n.tr(on ? "admin.users.disable.button" : "admin.users.enable.button")));
        toggle.disableProperty().bind(vm.canActProperty().not());
        Button refresh = button("admin-users-refresh", i18n.tr("admin.users.refresh"), vm::refresh);
        refresh.disableProperty().bind(vm.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, create, roles, reset, unlock, toggle, gap, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("admin-users-bar");

        buildTable();

        Label message = new Label();
        message.setId("admin-users-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.refusedProperty().addListener((o, was, is) -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            message.getStyleClass().add(is ? Styles.DANGER : Styles.SUCCESS);
        });
        message.getStyleClass().add(Styles.SUCCESS);

        VBox box = new VBox(8, header, bar, table, message);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setId("admin-users");
        box.getStyleClass().addAll("panel", "admin-users");
        return box;
    }

    private void buildTable() {
        table.setId("admin-users-table");
        table.setItems(vm.users());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPlaceholder(new Label(i18n.tr("admin.users.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(i18n.tr("admin.users.col.login"), 140, "col-login", UserAccount::login));
        table.getColumns().add(column(i18n.tr("admin.users.col.name"), 160, "col-name", vm::nameText));
        table.getColumns().add(column(i18n.tr("admin.users.col.roles"), 240, "col-roles", u -> vm.rolesText(u.roles())));
        table.getColumns().add(column(i18n.tr("admin.users.col.status"), 110, "col-status", vm::statusText));
        table.getColumns().add(column(i18n.tr("admin.users.col.failures"), 130, "col-failures", vm::failuresText));
        table.getColumns().add(column(i18n.tr("admin.users.col.lockedUntil"), 130, "col-locked-until",
                vm::lockedUntilText));
        table.getColumns().add(column(i18n.tr("admin.users.col.lastSignIn"), 230, "col-last-sign-in", vm::lastSignInText));
        table.getColumns().add(column(i18n.tr("admin.users.col.failedSince"), 110, "col-failed-since", vm::failedSinceText));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UserAccount u, boolean empty) {
                super.updateItem(u, empty);
                boolean row = !empty && u != null;
                pseudoClassStateChanged(SWITCHED_OFF, row && !u.active());
                pseudoClassStateChanged(LOCKED_OUT, row && u.active() && vm.lockedNow(u));
                pseudoClassStateChanged(SELF, row && vm.isSelf(u));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.select(is));
        // The list is replaced after each change; the view model keeps its user selected, and so does the table.
        vm.selectedProperty().addListener((o, was, is) -> {
            if (is != table.getSelectionModel().getSelectedItem()) {
                if (is == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(is);
                }
            }
        });
        table.setContextMenu(contextMenu());
    }

    private TableColumn<UserAccount, String> column(String header, double width, String styleClass,
                                                    Function<UserAccount, String> text) {
        TableColumn<UserAccount, String> c = new TableColumn<>(header);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(text.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 80));
        c.setReorderable(false);
        c.getStyleClass().add(styleClass);
        return c;
    }

    private ContextMenu contextMenu() {
        MenuItem create = item(i18n.tr("admin.users.new"), this::openCreate);
        create.disableProperty().bind(vm.busyProperty());
        MenuItem roles = item(i18n.tr("admin.users.roles"), this::openRoles);
        roles.disableProperty().bind(vm.canActProperty().not());
        MenuItem reset = item(i18n.tr("admin.users.reset"), this::openReset);
        reset.disableProperty().bind(vm.canActProperty().not());
        MenuItem unlock = item(i18n.tr("admin.users.unlock"), vm::unlock);
        unlock.disableProperty().bind(vm.canUnlockProperty().not());
        MenuItem toggle = item("", vm::toggleActive);
        toggle.textProperty().bind(vm.selectedActiveProperty()
                .map(on -> i18n.tr(on ? "admin.users.disable" : "admin.users.enable")));
        toggle.disableProperty().bind(vm.canActProperty().not());
        ContextMenu menu = new ContextMenu(create, new SeparatorMenuItem(), roles, reset, unlock, toggle);
        menu.setId("admin-users-menu");
        return menu;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(true);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void openCreate() {
        UserFormDialog.open(vm.newUserForm(), vm, i18n, window());
    }

    private void openRoles() {
        UserForm form = vm.rolesForm();
        if (form != null) {
            UserFormDialog.open(form, vm, i18n, window());
        }
    }

    private void openReset() {
        UserForm form = vm.resetForm();
        if (form != null) {
            UserFormDialog.open(form, vm, i18n, window());
        }
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The question before a user is switched off or on; the safe answer (cancel) is the default button. */
    private void confirm(String title, String question, String action, Runnable onYes) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.tr("admin.users.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, no);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(window());
        alert.getDialogPane().setId("admin-users-confirm");
        Button yesButton = (Button) alert.getDialogPane().lookupButton(yes);
        yesButton.setId("admin-users-confirm-yes");
        yesButton.setDefaultButton(false);
        yesButton.getStyleClass().add(Styles.DANGER);
        Button noButton = (Button) alert.getDialogPane().lookupButton(no);
        noButton.setId("admin-users-confirm-no");
        noButton.setDefaultButton(true);
        if (alert.getDialogPane().getScene() != null) {
            Theme.style(alert.getDialogPane().getScene());
        }
        alert.setOnHidden(e -> {
            if (alert.getResult() == yes) {
                onYes.run();
            }
        });
        alert.show();
    }
}
