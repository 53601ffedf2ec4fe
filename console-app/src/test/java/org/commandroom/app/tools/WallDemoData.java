package org.commandroom.app.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.commandroom.app.AppContext;
import org.commandroom.app.IndexModule;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.demo.DemoProfile;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.wall.WallStatistics;

/**
 * Test-only tool for the wall's screenshots and benchmarks (docs/WALL.md): generates the demo county (or Bao'an) into
 * the embedded database of a data directory, computes its prevention index and records who is on duty, so that the
 * wall started with {@code --wall --data-dir <dir>} has everything to show. The wall itself never writes.
 *
 * <p>Usage: {@code java -cp <test classpath> org.commandroom.app.tools.WallDemoData <data-dir> [demo|baoan]}
 */
public final class WallDemoData {

    private WallDemoData() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        DemoProfile profile = DemoProfile.named(args.length > 1 ? args[1] : "demo");
        Files.createDirectories(dataDir);
        Clock clock = Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
        try (Database db = Database.open(DbSettings.embedded(dataDir, AppContext.EMBEDDED_DB_NAME))) {
            if (DemoCountyGenerator.isEmpty(db.jdbi())) {
                new DemoCountyGenerator(db.jdbi(), profile, AppContext.DEMO_SEED).generate(clock.instant(), p -> { });
            }
            IndexModule.create(db.jdbi(), clock, dataDir, new ChangeRecorder(clock, "wall-demo-data"),
                    new Numbering(clock, clock.getZone()), Runnable::run).recomputeNow();
            db.jdbi().useHandle(h -> {
                h.createUpdate("DELETE FROM app_setting WHERE setting_key IN (:a, :b)")
                        .bind("a", WallStatistics.DUTY_COMMANDER_KEY).bind("b", WallStatistics.DUTY_LEADER_KEY).execute();
                h.createUpdate("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                        .bind("k", WallStatistics.DUTY_COMMANDER_KEY).bind("v", "王建国").execute();
                h.createUpdate("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
                        .bind("k", WallStatistics.DUTY_LEADER_KEY).bind("v", "李振华").execute();
            });
        }
    }
}
