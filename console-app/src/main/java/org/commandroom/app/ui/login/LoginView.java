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
        Label title = new Label(i18n.tr("login.title"));
        title.getStyleClass().add("notice-title");
        Label hint = new Label(i18n.tr("login.hint"));
        hint.getStyleClass().add("notice-detail");
        hint.setWrapText(true);

        TextField user = new TextField();
        user.setId("login-user");
        user.setPromptText(i18n.tr("login.user"));
        user.textProperty().bindBidirectional(vm.loginProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.setPromptText(i18n.tr("login.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Label userLabel = new Label(i18n.tr("login.user"));
        userLabel.setLabelFor(user);
        Label passwordLabel = new Label(i18n.tr("login.password"));
        passwordLabel.setLabelFor(password);
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, userLabel, user);
        form.addRow(1, passwordLabel, password);
        form.setAlignment(Pos.CENTER);
        user.setPrefColumnCount(18);

        Button submit = new Button(i18n.tr("login.submit"));
        submit.setId("login-submit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.signIn());

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
