package org.commandroom.app.ui.prevention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.commandroom.app.HouseRegisterModule;
import org.commandroom.app.ui.common.DisplaySettings;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.common.Ticker;
import org.commandroom.app.ui.common.UiContext;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDatabases;

/**
 * A real in-memory H2 with the intake county (police grid 南关一格 and its community officer 王建国), on a clock at
 * 31 January 2027 10:00 in Shanghai, and the register's services as the desk builds them for a principal.
 */
final class PreventionFixture implements AutoCloseable {

    /** Administrator and duty commander: may edit the register and send inspections. */
    static final Principal BOTH = new Principal(3, "zhou", "周敏", Set.of(Role.ADMINISTRATOR, Role.DUTY_COMMANDER), "ws-1",
            false);
    /** Duty commander only: sends inspections, may not edit the register. */
    static final Principal DUTY = new Principal(2, "duty", "李明", Set.of(Role.DUTY_COMMANDER), "ws-1", false);
    /** The wall display: writes nothing. */
    static final Principal WALL = new Principal(4, "wall", "大屏", Set.of(Role.WALL_DISPLAY), "ws-9", false);
    static final Instant REGISTERED = Instant.parse("2027-01-31T02:00:00Z");

    final Database db = TestDatabases.h2();
    final TestClock clock = new TestClock(REGISTERED, IntakeFixture.ZONE);
    final IntakeFixture county = new IntakeFixture(db, clock, "ws-1", org.commandroom.core.intake.RepeatRule.defaults(), true);
    final I18n zh = I18n.load(Locale.ROOT);
    final Tasks inline = new Tasks(Runnable::run, Runnable::run);
    private ExecutorService io;

    HouseRegisterModule module(Principal who) {
        return HouseRegisterModule.of(db, clock, county.ordersAs(who), who);
    }

    /**
     * The desk's UI context on this clock, in Chinese, reading on an I/O thread of its own (stopped by {@link #close})
     * with its callbacks on the FX thread.
     */
    UiContext ui() {
        io = Tasks.newIoExecutor("prevention-io");
        return new UiContext(clock, new Tasks(io, Platform::runLater), zh, new Ticker(), DisplaySettings.defaults());
    }

    House house(String address, HouseKind kind, GeoPoint at, int occupants, List<String> risks) {
        return new HouseRegister(db.jdbi(), clock, AccessGuard.trusted())
                .save(new HouseInput(address, "1号", kind, null, "房东", null, occupants, risks, at, null, null), "周敏").house();
    }

    void at(String utc) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(utc)));
    }

    /** Stops the UI context's I/O thread (waiting up to 5 s for a read under way), then closes the database. */
    @Override
    public void close() {
        if (io != null) {
            io.shutdown();
            try {
                io.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        db.close();
    }
}
