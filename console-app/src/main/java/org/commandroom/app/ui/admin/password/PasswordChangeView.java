package org.commandroom.app.ui.admin.password;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.I18n;

/**
 * The three fields of a password change (current, new, new again), a hint and the line that says why not; Enter in
 * any field submits. {@link PasswordChangeDialog} puts it in a dialog with its buttons.
 */
public final class PasswordChangeView {

    private final VBox root;
    private final PasswordField current = new PasswordField();

    public PasswordChangeView(PasswordChangeViewModel vm, I18n i18n) {
        Label who = new Label(i18n.tr("password.change.who", vm.self().displayName(), vm.self().login()));
        who.setId("password-change-who");
        current.setId("password-change-current");
        current.textProperty().bindBidirectional(vm.currentProperty());
        PasswordField replacement = new PasswordField();
        replacement.setId("password-change-new");
        replacement.textProperty().bindBidirectional(vm.replacementProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("password-change-repeat");
        repeat.textProperty().bindBidirectional(vm.repeatProperty());
        for (PasswordField f : new PasswordField[] {current, replacement, repeat}) {
            f.setPrefColumnCount(20);
            f.disableProperty().bind(vm.busyProperty().or(vm.doneProperty()));
        }

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, label(i18n.tr("password.change.current"), current), current);
        grid.addRow(1, label(i18n.tr("password.change.new"), replacement), replacement);
        grid.addRow(2, label(i18n.tr("password.change.repeat"), repeat), repeat);
        Label hint = new Label(i18n.tr("password.change.hint", vm.minPasswordLength()));
        hint.getStyleClass().add("password-change-hint");
        hint.setWrapText(true);
        grid.add(hint, 1, 3);

        Label message = new Label();
        message.setId("password-change-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(vm.messageProperty());
        vm.refusedProperty().addListener((o, was, is) -> {
            message.getStyleClass().remove(Styles.DANGER);
            if (is) {
                message.getStyleClass().add(Styles.DANGER);
            }
        });
        // After a refusal the cursor goes to the field to type again (the view model has emptied it).
        vm.retryProperty().addListener((o, was, field) -> {
            if (field != null) {
                (field == PasswordChangeViewModel.Field.CURRENT ? current : replacement).requestFocus();
            }
        });

        root = new VBox(12, who, grid, message);
        root.setId("password-change");
        root.getStyleClass().add("password-change");
    }

    public Node root() {
        return root;
    }

    /** The field that takes the cursor first. */
    public Node firstField() {
        return current;
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }
}
