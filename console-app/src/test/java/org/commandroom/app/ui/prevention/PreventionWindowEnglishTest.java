package org.commandroom.app.ui.prevention;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.commandroom.app.PreventionModule;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The 主防 window with --lang en: every tab's labels, column headers, rules stated and the models' form are English;
 * the only Chinese is the data's own (the community's name), and no internal code shows.
 */
@ExtendWith(ApplicationExtension.class)
class PreventionWindowEnglishTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    private static final Principal LEADER = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR, Role.DUTY_COMMANDER),
            "ws-1", false);

    private IntakeFixture fx;
    private PreventionWindowOnStage shown;
    private PreventionWindow window;

    @Start
    void start(Stage stage) {
        TestClock clock = new TestClock(Instant.parse("2026-12-05T02:00:00Z"), IntakeFixture.ZONE);
        fx = new IntakeFixture(TestDatabases.h2(), clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
        AccessGuard guard = AccessGuard.of(fx.db.jdbi(), clock, LEADER);
        OrderService orders = fx.ordersAs(LEADER);
        shown = new PreventionWindowOnStage(stage, clock, PreventionModule.prepare(fx.db.jdbi(), clock, orders, guard),
                Locale.ENGLISH, "admin");
        window = shown.window;
    }

    @AfterEach
    void close() {
        shown.close();
        fx.db.close();
    }

    private static void texts(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof javafx.scene.control.TextInputControl t && t.getPromptText() != null) {
            out.add(t.getPromptText());
        }
        if (n instanceof TableView<?> t) {
            for (TableColumn<?, ?> c : t.getColumns()) {
                out.add(c.getText());
            }
            // the cells are the data's own (a community's name)
            return;
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
        }
    }

    @Test
    void everyTabIsEnglish(FxRobot robot) {
        waitUntil(Duration.ofSeconds(10), "the rules and the community are read", () -> window.risk().communities().size() == 1
                && robot.lookup("#rule-GONE_SILENT-silentDays").tryQuery().isPresent());
        assertEquals("Prevention work · model alerts · work-hours · community risk", onFx(() -> window.stage().getTitle()));
        List<String> all = onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Tab t : window.tabs().getTabs()) {
                out.add(t.getText());
                texts(t.getContent(), out);
            }
            return out;
        });
        for (String s : all) {
            assertFalse(HAN.matcher(s).find(), "Chinese: " + s);
            assertFalse(CODE.matcher(s).find(), "an internal code: " + s);
        }
        List<String> joined = List.of(String.join("\n", all));
        assertFalse(joined.get(0).isBlank());
        assertEquals(true, joined.get(0).contains("long-occupied flat gone silent"), "the rule's English name");
        assertEquals(true, joined.get(0).contains("Score = incidents in the last 90 days × 0.1"), "the risk rule stated");
        assertEquals(true, joined.get(0).contains("Travel: a dispatch or an intercept"), "the work-hours rules stated");
    }
}
