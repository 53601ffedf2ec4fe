package org.commandroom.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestData;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.Test;

/** A year of a county's calls (20,000, US export format with callers) checked and imported on H2; the time logged. */
class HistoryImportVolumeTest {

    @Test
    void twentyThousandCallsAreCheckedAndImportedInOneGo() throws Exception {
        int n = 20_000;
        StringBuilder csv = new StringBuilder("Incident Number,Call Type,Priority,Received Date Time,Dispatch Date Time,"
                + "On Scene Date Time,Cleared Date Time,Address,Station,Caller\n");
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
        LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
        String[] types = {"BURGLARY", "FIGHT", "NOISE", "ACCIDENT", "FRAUD", "DOMESTIC"};
        for (int i = 0; i < n; i++) {
            LocalDateTime r = t.plusMinutes(26L * i);
            csv.append("C").append(i).append(',').append(types[i % types.length]).append(',').append(1 + i % 7).append(',')
                    .append(r.format(us)).append(',').append(r.plusMinutes(2).format(us)).append(',')
                    .append(r.plusMinutes(11).format(us)).append(',').append(r.plusMinutes(50).format(us)).append(',')
                    .append(i).append(" Main St,S1,1380000").append(String.format("%04d", i % 3000)).append('\n');
        }
        try (Database db = TestDatabases.h2()) {
            TestData.station(db.jdbi());
            Clock clock = Clock.systemUTC();
            Principal admin = new Principal(1, "admin", "周敏", Set.of(Role.ADMINISTRATOR), "ws-1", false);
            HistoryImportService service = new HistoryImportService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, admin));
            long t0 = System.nanoTime();
            HistoryTable table = service.read(csv.toString().getBytes(StandardCharsets.UTF_8), "year.csv");
            HistoryMapping p = service.propose("county", table);
            HistoryMapping m = new HistoryMapping("county", p.columns(), p.formats(), p.zone(), p.datum(), p.priorities(),
                    p.types(), IncidentType.HELP_OTHER);
            long t1 = System.nanoTime();
            HistoryImportResult check = service.check(table, m, "admin");
            long t2 = System.nanoTime();
            assertTrue(check.accepted(), check.problems().toString());
            HistoryImportResult r = service.importHistory(table, m, "admin", HistoryImportService.Progress.NONE);
            long t3 = System.nanoTime();
            assertEquals(n, r.inserted());
            assertEquals(n, (long) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident WHERE "
                    + "caller_prior_id IS NOT NULL OR caller_number IS NULL OR id IN (SELECT MIN(id) FROM incident "
                    + "GROUP BY caller_number)").mapTo(Long.class).one()), "every call linked to its caller's previous one");
            org.slf4j.LoggerFactory.getLogger(HistoryImportVolumeTest.class).info(
                    "{} calls: read and proposed {} ms, checked {} ms, imported {} ms", n, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
    }
}
