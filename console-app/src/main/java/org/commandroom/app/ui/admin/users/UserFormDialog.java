package org.commandroom.app.ui.admin.users;

import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Theme;
import org.commandroom.core.access.Role;

/**
 * The dialog of one {@link UserForm}: a new user, a user's roles, or a new password. Enter saves (the save button is
 * the default button), Esc cancels. Saving runs in the background; the dialog stays open with the reason when the
 * service refuses, and closes once the change is saved.
 */
final class UserFormDialog {

    private UserFormDialog() {
    }

    /** Opens the dialog (not waiting for it) and returns it. */
    static Dialog<ButtonType> open(UserForm form, UsersViewModel vm, I18n i18n, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        String who = form.target() == null ? ""
                : i18n.tr("admin.users.who", form.target().displayName(), form.target().login());
        String title = switch (form.mode()) {
            case CREATE -> i18n.tr("admin.users.form.createTitle");
            case ROLES -> i18n.tr("admin.users.form.rolesTitle", who);
            case RESET -> i18n.tr("admin.users.form.resetTitle", who);
        };
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ButtonType save = new ButtonType(switch (form.mode()) {
            case CREATE -> i18n.tr("admin.users.form.create");
            case ROLES -> i18n.tr("admin.users.form.save");
            case RESET -> i18n.tr("admin.users.form.resetSave");
        }, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.tr("admin.users.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);
        dialog.getDialogPane().setId("admin-user-form");
        dialog.getDialogPane().getStyleClass().add("admin-user-form");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        Node first = null;
        if (form.mode() == UserForm.Mode.CREATE) {
            TextField login = new TextField();
            login.setId("admin-user-form-login");
            login.setPrefColumnCount(24);
            login.textProperty().bindBidirectional(form.loginProperty());
            TextField name = new TextField();
            name.setId("admin-user-form-name");
            name.textProperty().bindBidirectional(form.displayNameProperty());
            grid.addRow(row++, label(i18n.tr("admin.users.form.login"), login), login);
            grid.add(hint(i18n.tr("admin.users.form.loginHint")), 1, row++);
            grid.addRow(row++, label(i18n.tr("admin.users.form.name"), name), name);
            first = login;
        }
        if (form.mode() != UserForm.Mode.RESET) {
            VBox boxes = new VBox(6);
            for (Role r : Role.values()) {
                CheckBox box = new CheckBox(i18n.label(r));
                box.setId("admin-user-form-role-" + r.name());
                box.selectedProperty().bindBidirectional(form.roleProperty(r));
                Label what = hint(roleHint(i18n, r));
                VBox one = new VBox(0, box, what);
                what.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
                boxes.getChildren().add(one);
            }
            Label rolesLabel = new Label(i18n.tr("admin.users.form.roles"));
            GridPane.setValignment(rolesLabel, javafx.geometry.VPos.TOP);
            grid.addRow(row++, rolesLabel, boxes);
            if (first == null) {
                first = boxes.getChildren().isEmpty() ? null : ((VBox) boxes.getChildren().get(0)).getChildren().get(0);
            }
        }
        if (form.mode() != UserForm.Mode.ROLES) {
            PasswordField password = new PasswordField();
            password.setId("admin-user-form-password");
            password.textProperty().bindBidirectional(form.passwordProperty());
            PasswordField repeat = new PasswordField();
            repeat.setId("admin-user-form-repeat");
            repeat.textProperty().bindBidirectional(form.repeatProperty());
            grid.addRow(row++, label(i18n.tr("admin.users.form.password"), password), password);
            grid.addRow(row++, label(i18n.tr("admin.users.form.repeat"), repeat), repeat);
            grid.add(hint(form.mode() == UserForm.Mode.RESET ? i18n.tr("admin.users.form.resetHint", vm.minPasswordLength())
                    : i18n.tr("admin.users.form.passwordHint", vm.minPasswordLength())), 1, row++);
            if (first == null) {
                first = password;
            }
            // After a refusal that emptied the passwords, the cursor goes back to the first one.
            // (Either may come first: a mismatch empties the passwords before it says why.)
            form.passwordProperty().addListener((o, was, is) -> {
                if (is.isEmpty() && !form.errorProperty().get().isEmpty()) {
                    password.requestFocus();
                }
            });
            form.errorProperty().addListener((o, was, is) -> {
                String pw = form.passwordProperty().get();
                if (!is.isEmpty() && (pw == null || pw.isEmpty())) {
                    password.requestFocus();
                }
            });
        }
        Label error = new Label();
        error.setId("admin-user-form-error");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(form.errorProperty());
        error.visibleProperty().bind(form.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox content = new VBox(12, grid, error);
        dialog.getDialogPane().setContent(content);

        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("admin-user-form-save");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.disableProperty().bind(vm.busyProperty());
        // The dialog stays open while the service decides; it closes when the form is done.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit(form);
        });
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("admin-user-form-cancel");
        form.doneProperty().addListener((o, was, is) -> {
            if (is) {
                dialog.setResult(save);
                dialog.close();
            }
        });
        if (dialog.getDialogPane().getScene() != null) {
            Theme.style(dialog.getDialogPane().getScene());
        }
        // A refusal adds lines under the form: the dialog grows so that its buttons stay in view.
        form.errorProperty().addListener((o, was, is) -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
        Node focus = first;
        dialog.setOnShown(e -> {
            if (focus != null) {
                focus.requestFocus();
            }
        });
        dialog.show();
        return dialog;
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("admin-users-hint");
        // A wrapped label in a grid gets one line's height unless its width is fixed and its height follows it.
        l.setWrapText(true);
        l.setPrefWidth(380);
        l.setMaxWidth(380);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static String roleHint(I18n i18n, Role r) {
        return switch (r) {
            case DUTY_COMMANDER -> i18n.tr("admin.users.roleHint.dutyCommander");
            case COMMAND_LEADER -> i18n.tr("admin.users.roleHint.commandLeader");
            case WALL_DISPLAY -> i18n.tr("admin.users.roleHint.wall");
            case TRAINEE -> i18n.tr("admin.users.roleHint.trainee");
            case ADMINISTRATOR -> i18n.tr("admin.users.roleHint.administrator");
        };
    }
}
