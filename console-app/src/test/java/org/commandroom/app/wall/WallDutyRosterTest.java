package org.commandroom.app.wall;

import static org.commandroom.app.ui.common.LiveScreen.onFx;
import static org.commandroom.app.ui.common.LiveScreen.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.commandroom.app.LaunchOptions;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.roster.RosterService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wall's header names who is on duty from the duty roster (issue 12): on a real H2 with a layout of the clock
 * only, the wall's clock a {@link TestClock} at 19:59 in Shanghai during the day shift. The names change at 20:00 when
 * the wall's clock passes the shift change (no restart, no edit), change at once when another workstation edits the
 * roster, and once no shift covers now the wall says so: the settings' names with "no roster", or "no roster" alone.
 */
@ExtendWith(ApplicationExtension.class)
class WallDutyRosterTest extends FxRobot {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dataDir;

    private Database seed;
    private WallContext context;
    private WallScreen screen;
    private Scene scene;

    @Start
    void start(Stage stage) {
        // the wall is laid out in a scene without a window
    }

    @AfterEach
    void tearDown() throws Exception {
        if (screen != null) {
            onFx(() -> {
                screen.stop();
                return null;
            });
        }
        if (context != null) {
            context.close();
        }
        if (seed != null) {
            seed.close();
        }
    }

    private static Instant at(LocalDate d, int h, int m) {
        return d.atTime(LocalTime.of(h, m)).atZone(LaunchOptions.DEFAULT_ZONE).toInstant();
    }

    private String text(String id) {
        return onFx(() -> {
            Label l = (Label) scene.lookup("#" + id);
            return l == null ? null : l.getText();
        });
    }

    @Test
    void theHeaderNamesTheShiftOnDutyAndChangesAtTheShiftBoundaryAndOnAnEditThenSaysThereIsNoRoster() throws Exception {
        DbSettings settings = new DbSettings("jdbc:h2:mem:wall-roster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", false);
        seed = Database.open(settings);
        TestClock clock = new TestClock(at(DAY, 19, 59).plusSeconds(58), LaunchOptions.DEFAULT_ZONE);
        seed.jdbi().useHandle(h -> {
            h.execute("INSERT INTO bureau (code, name) VALUES ('B1', '城关县公安局')");
            h.execute("INSERT INTO station (bureau_id, code, name, kind) SELECT id, 'S1', '城关派出所', 'STATION' FROM bureau");
            for (String[] o : new String[][] {{"P1", "张伟", "COMMANDER"}, {"P2", "陈静", "LEADER"}, {"P3", "李明", "COMMANDER"},
                    {"P4", "王芳", "COMMANDER"}}) {
                h.execute("INSERT INTO officer (station_id, badge_no, name, rank_kind, duty) SELECT id, ?, ?, 'POLICE', ? FROM station",
                        o[0], o[1], o[2]);
            }
            h.execute("INSERT INTO app_setting (setting_key, setting_value) VALUES ('duty.commander', '设置里的值班长')");
        });
        RosterService roster = new RosterService(seed.jdbi(), clock, LaunchOptions.DEFAULT_ZONE, new ChangeRecorder(clock, "desk-1"),
                AccessGuard.trusted());
        roster.save(new RosterService.ShiftEdit(null, null, at(DAY, 8, 0), at(DAY, 20, 0), List.of("P1"), "P2", null), "admin");
        RosterService.Shift night = roster.save(new RosterService.ShiftEdit(null, null, at(DAY, 20, 0), at(DAY.plusDays(1), 8, 0),
                List.of("P3"), null, null), "admin");

        Files.writeString(dataDir.resolve("db.properties"), "user=sa\npassword=\n", StandardCharsets.UTF_8);
        LaunchOptions options = LaunchOptions.parse(List.of("--db", settings.jdbcUrl(), "--data-dir", dataDir.toString()), Map.of());
        context = new WallContext(options, new WallOptions(true, 0, 0, java.util.Optional.empty()), clock, Platform::runLater);
        WallLayout clockOnly = WallLayoutReader.read("grid 1x1\narea 1,1 1x1 clock\n").layout().orElseThrow();
        scene = onFx(() -> {
            screen = new WallScreen(context, clockOnly, List.of(), "");
            Scene s = new Scene((Parent) screen.root(), 1920, 1080);
            WallApplication.style(s);
            screen.start();
            return s;
        });
        waitUntil(Duration.ofSeconds(30), "the day shift's names", () -> "值班长：张伟".equals(text("wall-duty-commander")));
        assertEquals("指挥长：陈静", text("wall-duty-leader"));
        assertNull(onFx(() -> scene.lookup("#wall-duty-source")), "the roster's names are not said to be the settings'");

        clock.advance(Duration.ofSeconds(3)); // 20:00:01
        waitUntil(Duration.ofSeconds(10), "the night shift's names at 20:00", () -> "值班长：李明".equals(text("wall-duty-commander")));
        assertEquals("指挥长：未登记", text("wall-duty-leader"), "the night shift names no leader");

        roster.save(new RosterService.ShiftEdit(night.id(), null, night.startsAt(), night.endsAt(), List.of("P4"), "P2", null), "admin");
        waitUntil(Duration.ofSeconds(10), "an edit at another workstation shows at once",
                () -> "值班长：王芳".equals(text("wall-duty-commander")));

        clock.advance(Duration.ofHours(12)); // 08:00:01 the next day: nothing planned
        waitUntil(Duration.ofSeconds(10), "the settings' name, said not to be the roster's",
                () -> "值班长：设置里的值班长".equals(text("wall-duty-commander")));
        assertEquals("（值班表未排，按系统设置）", text("wall-duty-source"));
        assertEquals("指挥长：值班表未排", text("wall-duty-leader"), "no blank where no name is recorded");
    }
}
