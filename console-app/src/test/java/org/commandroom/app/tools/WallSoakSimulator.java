package org.commandroom.app.tools;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.commandroom.core.demo.DemoSimulator;
import org.commandroom.core.demo.SimulatorSettings;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitService;

/**
 * Test-only tool for the wall's night run (docs/WALL.md): the demo simulator, much faster than life, writing into a
 * shared database that a wall reads from another process. Arguments: JDBC URL, minutes to run, mean seconds between
 * calls (35 is a Bao'an-size district; 1 compresses a night of about 12 hours into 20 minutes).
 */
public final class WallSoakSimulator {

    private WallSoakSimulator() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long minutes = Long.parseLong(args[1]);
        double callEvery = Double.parseDouble(args[2]);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Clock clock = Clock.system(zone);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Database db = Database.open(new DbSettings(url, "sa", "", false))) {
            ChangeRecorder recorder = new ChangeRecorder(clock, "soak-simulator");
            OrderService orders = new OrderService(db.jdbi(), clock, DeadlinePolicy.defaults(), new Numbering(clock, zone), recorder);
            SimulatorSettings fast = new SimulatorSettings(Duration.ofMillis((long) (callEvery * 1000)), Duration.ofSeconds(5),
                    Duration.ofSeconds(40), Duration.ofSeconds(1), 2, 6);
            DemoSimulator sim = new DemoSimulator(db.jdbi(), new IncidentService(db.jdbi(), recorder), new UnitService(db.jdbi(), recorder),
                    orders, new Numbering(clock, zone), clock, zone, scheduler, fast, 7L);
            sim.start();
            Thread.sleep(Duration.ofMinutes(minutes).toMillis());
            sim.close();
        } finally {
            scheduler.shutdown();
            scheduler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
