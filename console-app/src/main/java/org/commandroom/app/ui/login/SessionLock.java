package org.commandroom.app.ui.login;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.commandroom.app.ui.common.Failures;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.SignIn;

/**
 * Locks the desk while its user is away: by hand (Ctrl+L) or after {@code idleAfter} without a key, click or move
 * (0: never; the bureau's choice, since a commander may watch the map for long without touching it). Locked, the
 * desk's content is covered (the queue, the map and the orders are not readable by whoever passes), every input
 * outside the lock screen is swallowed, the alert tone still sounds, and only the same user's password opens it
 * again ({@link AccessService#resume}: wrong passwords count towards the lock-out). Both are in the audit trail.
 */
public final class SessionLock {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionLock.class);
    private static final KeyCombination LOCK_NOW = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Supplier<AccessService> access;
    private final Principal principal;
    private final UiContext ui;
    private final Duration idleAfter;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked", false);
    private final VBox overlay = new VBox();
    private final PasswordField password = new PasswordField();
    private final Label message = new Label();
    private final Label urgent = new Label();
    private final Button unlock = new Button();
    private PauseTransition idle;
    private boolean checking;

    public SessionLock(Supplier<AccessService> access, Principal principal, UiContext ui, Duration idleAfter) {
        this.access = access;
        this.principal = principal;
        this.ui = ui;
        this.idleAfter = idleAfter;
    }

    /**
     * Puts the (hidden) lock screen over {@code content} and watches every input to the window that shows {@code root}
     * (so the title and status bars count as activity too).
     */
    public void install(Parent root, StackPane content) {
        Label title = new Label(ui.i18n().tr("lock.title"));
        title.getStyleClass().add("notice-title");
        title.setId("lock-title");
        Label who = new Label(ui.i18n().tr("lock.who", principal.displayName(), principal.login()));
        who.getStyleClass().add("notice-detail");
        Label hint = new Label(ui.i18n().tr("lock.hint"));
        hint.getStyleClass().add("notice-detail");
        hint.setWrapText(true);
        password.setId("lock-password");
        password.setPromptText(ui.i18n().tr("login.password"));
        password.setMaxWidth(320);
        password.setOnAction(e -> submit());
        unlock.setText(ui.i18n().tr("lock.unlock"));
        unlock.setId("lock-unlock");
        unlock.setDefaultButton(false);
        unlock.setOnAction(e -> submit());
        message.setId("lock-message");
        message.getStyleClass().add("notice-detail");
        message.setWrapText(true);
        urgent.setId("lock-urgent");
        urgent.getStyleClass().addAll("text-count", "danger", "notice-title");
        urgent.setWrapText(true);
        urgent.managedProperty().bind(urgent.textProperty().isNotEmpty());
        urgent.visibleProperty().bind(urgent.managedProperty());
        overlay.getChildren().setAll(title, who, urgent, hint, password, unlock, message);
        overlay.setId("lock-screen");
        overlay.getStyleClass().addAll("notice", "lock-screen");
        overlay.setAlignment(Pos.CENTER);
        overlay.setSpacing(12);
        overlay.setStyle("-fx-background-color: rgb(8, 12, 18);");
        overlay.setVisible(false);
        overlay.setManaged(false);
        // keys typed on the lock screen stop there: none reaches the desk's shortcuts (F2, F3…) behind it
        overlay.addEventHandler(KeyEvent.ANY, Event::consume);
        content.getChildren().add(overlay);
        overlay.resizeRelocate(0, 0, content.getWidth(), content.getHeight());
        content.layoutBoundsProperty().addListener((o, was, is) -> overlay.resizeRelocate(0, 0, is.getWidth(), is.getHeight()));
        // on the window, the first stop of every input's way in: before the scene's own filters (F2, F3, F6…)
        javafx.event.EventHandler<InputEvent> filter = this::onInput;
        javafx.beans.value.ChangeListener<javafx.stage.Window> onWindow = (o, was, is) -> {
            if (was != null) {
                was.removeEventFilter(InputEvent.ANY, filter);
            }
            if (is != null) {
                is.addEventFilter(InputEvent.ANY, filter);
            }
        };
        javafx.beans.value.ChangeListener<javafx.scene.Scene> onScene = (o, was, is) -> {
            if (was != null) {
                was.windowProperty().removeListener(onWindow);
                onWindow.changed(null, was.getWindow(), null);
            }
            if (is != null) {
                is.windowProperty().addListener(onWindow);
                onWindow.changed(null, null, is.getWindow());
            }
        };
        root.sceneProperty().addListener(onScene);
        onScene.changed(null, null, root.getScene());
        if (!idleAfter.isZero() && !idleAfter.isNegative()) {
            idle = new PauseTransition(javafx.util.Duration.millis(idleAfter.toMillis()));
            idle.setOnFinished(e -> lock("idle " + idleAfter));
            idle.playFromStart();
        }
    }

    /**
     * Says on the lock screen how many urgent alerts wait (民警遇险, an overdue order, a priority-1 call), without what
     * they say: a desk without sound would otherwise show nothing of an officer in danger while it is locked.
     */
    public void showUrgentCount(javafx.beans.value.ObservableIntegerValue count) {
        urgent.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> count.get() == 0 ? ""
                : ui.i18n().tr("lock.urgent", count.get()), count));
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** Locks now (on the FX thread); {@code why} goes to the audit trail. */
    public void lock(String why) {
        if (locked.get()) {
            return;
        }
        locked.set(true);
        overlay.setVisible(true);
        overlay.toFront();
        password.clear();
        message.setText("");
        password.requestFocus();
        ui.tasks().run(() -> {
            access.get().sessionLocked(principal, why);
            return null;
        }, done -> { }, e -> LOG.warn("Lock not recorded in the audit trail: {}", e.getMessage()));
    }

    private void onInput(Event e) {
        if (!locked.get()) {
            if (e instanceof KeyEvent k && k.getEventType() == KeyEvent.KEY_PRESSED && LOCK_NOW.match(k)) {
                e.consume();
                lock("by hand");
                return;
            }
            if (idle != null) {
                idle.playFromStart();
            }
            return;
        }
        if (e instanceof KeyEvent k && (k.getCode().isFunctionKey() || k.isShortcutDown() || k.isAltDown() || k.isMetaDown())) {
            e.consume(); // the desk's shortcuts are scene filters and accelerators: they would act behind the lock
            return;
        }
        if (e.getTarget() instanceof Node n && inOverlay(n)) {
            return;
        }
        e.consume();
    }

    private boolean inOverlay(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == overlay) {
                return true;
            }
        }
        return false;
    }

    private void submit() {
        if (checking) {
            return;
        }
        String typed = password.getText();
        if (typed.isEmpty()) {
            message.setText(ui.i18n().tr("lock.empty"));
            return;
        }
        checking = true;
        unlock.setDisable(true);
        message.setText(ui.i18n().tr("login.checking"));
        password.clear();
        ui.tasks().run(() -> access.get().resume(principal, typed), result -> {
            checking = false;
            unlock.setDisable(false);
            if (result instanceof SignIn.Success) {
                open();
            } else if (result instanceof SignIn.WrongPassword w) {
                message.setText(ui.i18n().tr("lock.wrong", w.attemptsLeft()));
            } else if (result instanceof SignIn.Locked l) {
                message.setText(ui.i18n().tr("login.locked", TIME.format(l.until().atZone(ui.clock().getZone()))));
            } else {
                message.setText(ui.i18n().tr("login.disabled"));
            }
            password.requestFocus();
        }, e -> {
            checking = false;
            unlock.setDisable(false);
            message.setText(ui.i18n().tr("login.failed", Failures.text(e, ui.i18n())));
        });
    }

    private void open() {
        locked.set(false);
        overlay.setVisible(false);
        message.setText("");
        if (idle != null) {
            idle.playFromStart();
        }
    }
}
