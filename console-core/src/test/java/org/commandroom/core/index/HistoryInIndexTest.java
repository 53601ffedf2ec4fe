package org.commandroom.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Set;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.history.HistoryImportResult;
import org.commandroom.core.history.HistoryImportService;
import org.commandroom.core.history.HistoryMapping;
import org.commandroom.core.history.HistoryTable;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Imported history is counted by the prevention index like calls taken on the console. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.class)
class HistoryInIndexTest {

    @Parameter
    TestDb kind;

    private Database db;

    @BeforeEach
    void setUp() {
        db = kind.open();
        new GoldenCounty(db.jdbi());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void importedCallsCountInTheirGridsPingAnIndex() throws Exception {
        String csv = "警情编号,报警时间,警情类别,发生地址,网格,结束时间\n"
                + "A1,2026/10/2 12:00,打架斗殴,甲路1号,GA-1,2026/10/2 12:40\n"
                + "A2,2026/10/3 12:00,打架斗殴,甲路2号,GA-1,2026/10/3 12:30\n"
                + "A3,2026/10/4 12:00,斗殴,甲路3号,GA-1,\n"
                + "A4,2026/11/1 0:10,打架斗殴,甲路4号,GA-1,2026/11/1 1:00\n";
        Principal admin = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
        TestClock clock = new TestClock(GoldenCounty.NOW);
        HistoryImportService history = new HistoryImportService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, admin));
        HistoryTable t = HistoryTable.read(csv.getBytes(StandardCharsets.UTF_8), "old.csv");
        HistoryMapping m = history.propose("旧系统", t);
        HistoryImportResult r = history.importHistory(t, m, "admin", HistoryImportService.Progress.NONE);
        assertTrue(r.accepted(), r.problems().toString());
        assertEquals(0, r.withoutStation(), "the grid gives the station");

        PingAnIndex pingAn = new PingAnIndex(db.jdbi(), clock, IndexDefinitions.withDefault());
        PingAnIndex.GridValue ga1 = pingAn.compute(YearMonth.of(2026, 10)).stream()
                .filter(v -> v.code().equals("GA-1")).findFirst().orElseThrow();
        assertEquals(3, ga1.incidents());
        long inStation = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident i JOIN police_grid g "
                + "ON g.id = i.police_grid_id WHERE g.code = 'GA-1' AND i.station_id = g.station_id").mapTo(Long.class).one());
        assertEquals(4, inStation);
    }
}
