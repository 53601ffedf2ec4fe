package org.commandroom.app.ui.login;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.access.LockoutPolicy;
import org.commandroom.core.access.PasswordHasher;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.access.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Left alone past its idle time the desk locks itself, and the lock is in the audit trail. */
@ExtendWith(ApplicationExtension.class)
class SessionLockIdleTest {

    private final Fixture fx = Fixture.inMemory();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void leftAloneTheDeskLocksItselfAndSaysSoInTheAuditTrail() {
        AccessService access = new AccessService(fx.db.jdbi(), fx.clock, AccessGuard.trusted(), new PasswordHasher(),
                LockoutPolicy.defaults());
        access.createFirstUsers(List.of(new AccessService.NewUser("lim", "李明", Set.of(Role.DUTY_COMMANDER), "duty-pass-1")),
                "desk-1");
        Principal lim = ((SignIn.Success) access.signIn("lim", "duty-pass-1", "desk-1", false)).principal();
        UiContext ui = new UiContext(fx.clock, new Tasks(Executors.newSingleThreadExecutor(), Platform::runLater),
                I18n.load(Locale.SIMPLIFIED_CHINESE), new Ticker(), DisplaySettings.defaults());
        SessionLock lock = new SessionLock(() -> access, lim, ui, Duration.ofMillis(400));
        onFx(() -> {
            StackPane content = new StackPane();
            BorderPane root = new BorderPane(content);
            stage.setScene(new Scene(root, 600, 400));
            stage.show();
            lock.install(root, content);
            return null;
        });
        waitUntil(Duration.ofSeconds(10), "the desk locks itself", () -> onFx(() -> lock.lockedProperty().get()));
        waitUntil(Duration.ofSeconds(10), "the lock is recorded", () -> fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'SESSION_LOCK'").mapTo(Long.class).one()) == 1);
        String detail = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT detail FROM audit_log WHERE action = 'SESSION_LOCK'")
                .mapTo(String.class).one());
        assertEquals("idle PT0.4S", detail);
        assertTrue(onFx(() -> stage.getScene().lookup("#lock-screen").isVisible()));
    }
}
