package org.commandroom.app.ui.login;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;

/**
 * The log-in screen shown before the desk opens: user name, password, one button. Enter signs in (the button is
 * the default button) from either field; the message under the fields says what went wrong in words.
 */
public final class LoginView {

    private final VBox root;

    public LoginView(LoginViewModel vm, I18n i18n) {
        Label title = new Label();
        title.setId("login-title");
        title.textProperty().bind(vm.firstUserProperty().map(first -> i18n.tr(first ? "login.first.title" : "login.title")));
        title.getStyleClass().add("notice-title");
        Label hint = new Label();
        hint.textProperty().bind(vm.firstUserProperty().map(first -> i18n.tr(first ? "login.first.hint" : "login.hint")));
        hint.getStyleClass().add("notice-detail");
        hint.setWrapText(true);

        TextField user = new TextField();
        user.setId("login-user");
        user.textProperty().bindBidirectional(vm.loginProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Label userLabel = new Label(i18n.tr("login.user"));
        userLabel.setLabelFor(user);
        Label passwordLabel = new Label(i18n.tr("login.password"));
        passwordLabel.setLabelFor(password);
        TextField name = new TextField();
        name.setId("login-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label nameLabel = new Label(i18n.tr("login.first.name"));
        nameLabel.setLabelFor(name);
        PasswordField confirm = new PasswordField();
        confirm.setId("login-confirm");
        confirm.textProperty().bindBidirectional(vm.confirmProperty());
        Label confirmLabel = new Label(i18n.tr("login.first.confirm"));
        confirmLabel.setLabelFor(confirm);
        for (javafx.scene.Node n : new javafx.scene.Node[] {name, nameLabel, confirm, confirmLabel}) {
            n.visibleProperty().bind(vm.firstUserProperty());
            n.managedProperty().bind(vm.firstUserProperty());
        }
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, nameLabel, name);
        form.addRow(1, userLabel, user);
        form.addRow(2, passwordLabel, password);
        form.addRow(3, confirmLabel, confirm);
        form.setAlignment(Pos.CENTER);
        user.setPrefColumnCount(18);

        Button submit = new Button();
        submit.textProperty().bind(vm.firstUserProperty().map(first -> i18n.tr(first ? "login.first.submit" : "login.submit")));
        submit.setId("login-submit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> {
            if (vm.firstUserProperty().get()) {
                vm.createFirstUser();
            } else {
                vm.signIn();
            }
        });

        Label message = new Label();
        message.setId("login-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.refusedProperty().addListener((o, was, is) -> {
            message.getStyleClass().remove("danger");
            if (is) {
                message.getStyleClass().add("danger");
            }
        });
        // After a refusal the cursor goes back to the password, which the view model has emptied.
        vm.busyProperty().addListener((o, was, is) -> {
            if (!is && vm.refusedProperty().get()) {
                password.requestFocus();
            }
        });

        root = new VBox(14, title, hint, form, submit, message);
        root.setId("login");
        root.getStyleClass().add("notice");
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(560);
        vm.checkUsers();
        root.sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                user.requestFocus();
            }
        });
    }

    public Node root() {
        return root;
    }
}
