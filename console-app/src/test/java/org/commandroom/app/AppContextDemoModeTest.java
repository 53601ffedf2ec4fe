package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.demo.DemoCountyGenerator;
import org.commandroom.core.incident.IncidentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo mode belongs to the embedded database only: a real database is never filled or simulated. */
class AppContextDemoModeTest {

    private AppContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aFreshEmbeddedDatabaseGetsTheDemoCountyAndALiveQueueBeforeItsHistoryIsWritten(@TempDir Path dataDir)
            throws Exception {
        context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--data-dir", dataDir.toString()), Map.of()),
                Clock.systemUTC(), Runnable::run));
        AppServices services = context.connect();

        // connect() returns with the live state: the queue has open incidents at once.
        assertFalse(services.incidents().openQueue().isEmpty(), "open incidents right after connect");
        assertTrue(services.incidents().openQueue().stream().allMatch(q -> q.status().isOpen()));

        assertTrue(context.demoSettled().get(120, TimeUnit.SECONDS), "demo mode applies to the embedded database");
        long incidents = services.database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one());
        assertTrue(incidents > 30_000, "a year of history: " + incidents);
        // Open work the history wrote after the screens loaded reaches them through the change feed: every open
        // order has a change row (the orders board of the first start showed none of the history's open follow-ups).
        long unannounced = services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM work_order o "
                + "WHERE o.status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM change_log c WHERE c.entity = 'ORDER' "
                + "AND c.entity_id = o.id)").mapTo(Long.class).one());
        long historyOpen = services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log "
                + "WHERE origin = 'demo county' AND entity = 'ORDER'").mapTo(Long.class).one());
        assertEquals(0, unannounced);
        assertTrue(historyOpen > 0, "the history leaves open orders behind");
        assertTrue(context.simulator().isPresent(), "the simulator runs in demo mode");
        assertTrue(services.workflow().push().embeddedBroker(), "out of the box: an embedded broker");
        assertTrue(services.workflow().push().demoTerminals().isPresent(),
                "the simulated units answer through the broker");
    }

    @Test
    void anExistingDemoDatabaseIsNotGeneratedAgainAndNoSimulatorRunsWhenSwitchedOff(@TempDir Path dataDir)
            throws Exception {
        context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--data-dir", dataDir.toString(), "--no-simulator"), Map.of()),
                Clock.systemUTC(), Runnable::run));
        context.connect();
        context.demoSettled().get(120, TimeUnit.SECONDS);
        context.close();

        context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--data-dir", dataDir.toString(), "--no-simulator"), Map.of()),
                Clock.systemUTC(), Runnable::run));
        AppServices again = context.connect();
        assertTrue(context.demoSettled().get(10, TimeUnit.SECONDS));
        assertTrue(context.simulator().isEmpty(), "--no-simulator is obeyed");
        long bureaus = again.database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM bureau").mapTo(Long.class).one());
        assertEquals(1, bureaus, "the county was not generated a second time");
    }

    @Test
    void aRealDatabaseIsNeverFilledWithDemoDataNorSimulated(@TempDir Path dataDir) throws Exception {
        String url = "jdbc:h2:mem:real-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--db", url, "--data-dir", dataDir.toString()), Map.of()),
                Clock.systemUTC(), Runnable::run));
        AppServices services = context.connect();
        assertFalse(context.demoSettled().get(10, TimeUnit.SECONDS), "demo mode does not apply");
        assertTrue(DemoCountyGenerator.isEmpty(services.database().jdbi()), "nothing was generated");
        assertTrue(context.simulator().isEmpty(), "no simulator against a real database");
        assertTrue(services.incidents().openIncidents().stream().noneMatch(i -> i.status() == IncidentStatus.NEW));
    }

    @Test
    void aBureausOwnEmbeddedDatabaseGetsNoDemoCountyAndNoSimulator(@TempDir Path dataDir) throws Exception {
        // Set up as the README's walk does it: the schema, the first administrator, the organisation and units.
        java.io.StringWriter out = new java.io.StringWriter();
        org.commandroom.core.admin.AdminEnv admin = new org.commandroom.core.admin.AdminEnv(
                Map.of("ADMIN_PW", "Zhou-min-2026!"), new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true),
                Clock.systemUTC(), text -> null, "tester");
        Path samples = Path.of("..", "assets", "samples", "organisation");
        for (List<String> args : List.of(
                List.of("users", "add", "zhoumin", "--role", "管理员,指挥长", "--password-env", "ADMIN_PW"),
                List.of("import", "organisation", "--file", samples.resolve("organisation.xlsx").toString()),
                List.of("import", "units", "--file", samples.resolve("units.xlsx").toString()))) {
            List<String> all = new java.util.ArrayList<>(args);
            all.addAll(List.of("--data-dir", dataDir.toString()));
            assertEquals(0, org.commandroom.core.admin.ConsoleAdmin.run(all.toArray(String[]::new), admin), out.toString());
        }

        context = org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--data-dir", dataDir.toString()), Map.of()),
                Clock.systemUTC(), Runnable::run));
        AppServices services = context.connect();
        assertFalse(context.demoSettled().get(60, TimeUnit.SECONDS), "not a demo database");
        var jdbi = services.database().jdbi();
        assertEquals(0L, (long) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one()),
                "no invented calls");
        assertEquals(5L, (long) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patrol_unit").mapTo(Long.class).one()));
        assertEquals(0L, (long) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user WHERE login = 'duty'")
                .mapTo(Long.class).one()), "no demo users with published passwords");
        assertTrue(context.simulator().isEmpty(), "nothing moves the bureau's units but their own receivers");
        assertEquals("NONE", DemoCountyGenerator.state(jdbi));
    }
}
