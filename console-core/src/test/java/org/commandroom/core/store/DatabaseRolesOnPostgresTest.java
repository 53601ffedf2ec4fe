package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.core.TestClock;
import org.commandroom.core.admin.AdminEnv;
import org.commandroom.core.admin.ConsoleAdmin;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.UnitProposal;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.IndexRanking;
import org.commandroom.core.index.IndexTrend;
import org.commandroom.core.index.Period;
import org.commandroom.core.index.ScopeKind;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.RepeatRule;
import org.commandroom.core.live.ChangeLogDao;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.wall.WallStatistics;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three PostgreSQL logins of docs/DATABASE-ROLES.md on a real server of this class's own: set up by
 * {@code console-admin db roles} connected as the owner, then the desk runs a closed loop through the real services,
 * the wall runs the wall's reads and is refused caller numbers and every write, and a desk login on a schema that is
 * behind is told to ask for an upgrade.
 */
class DatabaseRolesOnPostgresTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            // The owner is the only login with more than least privilege: it may create the desk and wall roles.
            st.execute("CREATE ROLE console_owner LOGIN CREATEROLE PASSWORD 'owner-secret'");
            st.execute("CREATE DATABASE console OWNER console_owner");
            st.execute("CREATE DATABASE behind OWNER console_owner");
            st.execute("CREATE DATABASE empty OWNER console_owner");
            st.execute("CREATE DATABASE fresh");
        }
        // The schema, created by the owner (as console-admin db migrate or the owner's first console start does).
        Database.open(settings("console", "console_owner")).close();
        assertEquals(ConsoleAdmin.OK, admin("console", "console_owner", "db", "roles", "--owner", "console_owner",
                "--desk-role", "console_desk", "--wall-role", "console_wall", "--desk-password-env", "DESK_PW",
                "--wall-password-env", "WALL_PW").code);
        // The county, entered at a desk (the administration screens run on the desk's login).
        try (Database desk = Database.open(settings("console", "console_desk"))) {
            new IntakeFixture(desk, new TestClock(IntakeFixture.T0, IntakeFixture.ZONE), "desk-0", RepeatRule.defaults(),
                    true);
        }
    }

    private static IntakeFixture desk(Database db, String workstation) {
        return new IntakeFixture(db, new TestClock(IntakeFixture.T0, IntakeFixture.ZONE), workstation,
                RepeatRule.defaults(), false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static DbSettings settings(String database, String user) {
        return new DbSettings("jdbc:postgresql://localhost:" + server.getPort() + "/" + database, user, "", false);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run admin(String database, String user, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>();
        env.put("CONSOLE_DB_USER", user);
        env.put("CONSOLE_DB_PASSWORD", "");
        env.put("DESK_PW", "desk-secret");
        env.put("WALL_PW", "wall-secret");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = settings(database, user).jdbcUrl();
        int code;
        try (PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
             PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            code = ConsoleAdmin.run(all, new AdminEnv(env, o, e, Clock.systemUTC(), p -> null, "tester"));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection(settings(database, user).jdbcUrl(), user, "");
    }

    private static String refusal(String database, String user, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = connect(database, user); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }, user + " must be refused: " + sql);
        assertEquals("42501", e.getSQLState(), "insufficient privilege, not another error: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theDeskRoleRunsACallFromIntakeThroughDispatchSignAndFeedbackToClose() {
        try (Database desk = Database.open(settings("console", "console_desk"))) {
            IntakeFixture f = desk(desk, "desk-1");
            f.unit("城关01", UnitKind.CAR, f.s1, GeoPoint.wgs84(29.212, 103.71), java.time.Duration.ofSeconds(20));
            Incident incident = f.intake.record(CallReport.of("13800001234", "南关小区3栋", IntakeFixture.IN_G1,
                    IncidentType.FIGHT, null, null), "值班长").incident();
            UnitProposal unit = f.dispatch.propose(incident, 10).stream().filter(p -> "城关01".equals(p.label()))
                    .findFirst().orElseThrow();
            Order order = f.dispatch.dispatch(incident, unit, "值班长");
            assertEquals(IncidentStatus.DISPATCHED, f.dispatch.incident(incident.id()).orElseThrow().status());
            assertTrue(f.orders.sign(order.id(), "城关01"));
            assertTrue(f.orders.feedback(order.id(), "城关01", "已处置"));
            assertTrue(f.orders.close(order.id(), "值班长", "核实"));
            assertFalse(f.orders.trail(order.id()).isEmpty(), "the order's trail was appended");
            // The audit trail, as every guarded service and the console's start (sealing) use it.
            desk.jdbi().useTransaction(h -> h.attach(org.commandroom.core.audit.AuditDao.class).append(
                    IntakeFixture.T0, "李明", "desk-1", "DISPATCH", "ORDER", order.id(), "test"));
            org.commandroom.core.audit.AuditChain.seal(desk.jdbi());
            assertTrue(org.commandroom.core.audit.AuditChain.verify(desk.jdbi()).intact());
            assertEquals("13800001234", f.dispatch.incident(incident.id()).orElseThrow().callerNumber(),
                    "the desk reads the caller's number");
        }
    }

    @Test
    void theDeskRoleMayNotChangeTheSchemaNorRewriteTheTrails() {
        refusal("console", "console_desk", "CREATE TABLE sneaky (id INT)");
        refusal("console", "console_desk", "DROP TABLE incident");
        refusal("console", "console_desk", "DELETE FROM audit_log");
        refusal("console", "console_desk", "UPDATE change_log SET origin = 'x'");
        refusal("console", "console_desk", "DELETE FROM work_order_event");
        refusal("console", "console_desk", "DELETE FROM flyway_schema_history");
    }

    @Test
    void theWallRoleRunsTheWallsReadsWithoutCallerNumbers() throws Exception {
        try (Database db = Database.open(settings("console", "console_desk"))) {
            IntakeFixture f = desk(db, "desk-2");
            f.unit("东城09", UnitKind.CAR, f.s2, IntakeFixture.IN_G3, java.time.Duration.ofSeconds(20), f.officerLi);
            f.intake.record(CallReport.of("13900009999", "北街1号", IntakeFixture.IN_G2, IncidentType.BURGLARY, null,
                    null), "值班长");
        }
        try (Database wall = Database.open(settings("console", "console_wall"))) {
            TestClock clock = new TestClock(IntakeFixture.T0.plusSeconds(60), IntakeFixture.ZONE);
            WallStatistics stats = new WallStatistics(wall.jdbi(), clock, IntakeFixture.ZONE);
            IndexDefinitions definitions = IndexDefinitions.withDefault();
            IndexRanking ranking = new IndexRanking(wall.jdbi(), definitions);
            YearMonth month = YearMonth.from(IntakeFixture.T0.atZone(IntakeFixture.ZONE));
            assertTrue(stats.today().today().total() >= 1);
            List<QueueEntry> queue = stats.openQueue();
            assertFalse(queue.isEmpty());
            assertTrue(queue.stream().allMatch(q -> q.callerNumber() == null), "the wall's queue carries no numbers");
            assertTrue(stats.open(5).open() >= 1);
            stats.overdueByStation();
            stats.yearOnYear();
            stats.duty();
            stats.mapLayers();
            assertFalse(stats.units().isEmpty(), "the units on the map, with their crew's names");
            stats.gridsByStationIndex(ranking, month);
            ranking.rank(Period.month(month), ScopeKind.STATION, "INDEX");
            long firstStation = wall.jdbi().withHandle(h -> h.createQuery("SELECT MIN(id) FROM station")
                    .mapTo(Long.class).one());
            new IndexTrend(wall.jdbi(), definitions).trend(firstStation, month, "INDEX");
            org.commandroom.core.index.IndexTrace scores = new org.commandroom.core.index.IndexTrace(wall.jdbi(), clock,
                    definitions);
            List<org.commandroom.core.index.StationFacts> facts = scores.stations();
            assertFalse(facts.isEmpty());
            scores.result(org.commandroom.core.index.Scope.bureau(facts.get(0).bureauId()), Period.month(month));
            assertTrue(wall.jdbi().withExtension(ChangeLogDao.class, ChangeLogDao::maxId) > 0,
                    "the change feed tails the change log");
        }
    }

    @Test
    void theWallRoleIsRefusedCallerNumbersPasswordsAndEveryWrite() {
        assertTrue(refusal("console", "console_wall", "SELECT caller_number FROM incident").contains("incident"));
        refusal("console", "console_wall", "SELECT * FROM incident");
        refusal("console", "console_wall", "SELECT phone FROM officer");
        refusal("console", "console_wall", "SELECT password_hash FROM app_user");
        refusal("console", "console_wall", "SELECT * FROM audit_log");
        refusal("console", "console_wall", "INSERT INTO change_log (at, entity, entity_id, op, origin) "
                + "VALUES (now(), 'INCIDENT', 1, 'UPDATE', 'wall')");
        refusal("console", "console_wall", "UPDATE incident SET status = 'CLOSED'");
        refusal("console", "console_wall", "DELETE FROM incident");
        refusal("console", "console_wall", "INSERT INTO incident (incident_no, received_at, address, category, "
                + "incident_type, priority, status) VALUES ('X', now(), 'a', 'CRIMINAL', 'THEFT', 1, 'NEW')");
        refusal("console", "console_wall", "CREATE TABLE sneaky (id INT)");
    }

    @Test
    void runningTheCommandAgainChangesNothingAndAcceptsNoPasswordOnTheCommandLine() {
        Run again = admin("console", "console_owner", "db", "roles", "--desk-role", "console_desk", "--wall-role",
                "console_wall");
        assertEquals(ConsoleAdmin.OK, again.code, again.err);
        assertTrue(again.out.contains("incident.caller_number"), again.out);
        Run onLine = admin("console", "console_owner", "db", "roles", "--desk-role", "console_desk", "--wall-role",
                "console_wall", "--password=x");
        assertEquals(ConsoleAdmin.USAGE, onLine.code);
        Run asDesk = admin("console", "console_desk", "db", "roles", "--desk-role", "console_desk", "--wall-role",
                "console_wall");
        assertEquals(ConsoleAdmin.REFUSED, asDesk.code, "the desk may not grant itself anything");
        assertTrue(asDesk.err.contains("login console_desk may not grant on console_owner's tables"), asDesk.err);
        Run same = admin("console", "console_owner", "db", "roles", "--desk-role", "console_wall", "--wall-role",
                "console_wall");
        assertEquals(ConsoleAdmin.REFUSED, same.code);
        assertTrue(same.err.contains("three different roles"), same.err);
    }

    @Test
    void aDeskOnASchemaThatIsBehindIsToldToAskTheAdministratorToUpgradeWithTheOwner() throws SQLException {
        // A database left at V16 by an older console, with the roles set up then.
        Flyway.configure().dataSource(settings("behind", "console_owner").jdbcUrl(), "console_owner", "")
                .locations("classpath:db/migration").target("16").load().migrate();
        // (console-admin db roles would upgrade it first: set up as an older console-admin would have.)
        try (Connection c = connect("behind", "console_owner")) {
            DbRoles.apply(c, new DbRoles.Request(null, "console_desk", "console_wall", null, null, null), line -> { });
        }

        SchemaUpgradeRequired desk = assertThrows(SchemaUpgradeRequired.class,
                () -> Database.open(settings("behind", "console_desk")));
        assertEquals("16", desk.found());
        assertEquals("console_desk", desk.user());
        assertTrue(desk.getMessage().contains("connected as the owner"), desk.getMessage());
        Run migrateAsDesk = admin("behind", "console_desk", "db", "migrate");
        assertEquals(ConsoleAdmin.FAILED, migrateAsDesk.code);
        assertTrue(migrateAsDesk.err.contains("may not change the schema"), migrateAsDesk.err);
        assertThrows(SchemaUpgradeRequired.class, () -> Database.open(settings("behind", "console_wall")));

        // The owner upgrades; the tables and columns the upgrade added are granted at once (V25's house register).
        Run upgrade = admin("behind", "console_owner", "db", "migrate");
        assertEquals(ConsoleAdmin.OK, upgrade.code, upgrade.err);
        try (Database desk2 = Database.open(settings("behind", "console_desk"))) {
            assertEquals(Long.valueOf(0), desk2.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM house").mapTo(Long.class)
                    .one()));
        }
        try (Database wall = Database.open(settings("behind", "console_wall"))) {
            assertEquals(Long.valueOf(0), wall.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(address) FROM house")
                    .mapTo(Long.class).one()));
        }
        refusal("behind", "console_wall", "SELECT landlord_phone FROM house");
    }

    @Test
    void aSuperuserSetsUpAnEmptyDatabaseInOneCommandAndTheOwnerGetsEveryTable() throws SQLException {
        Run run = admin("fresh", "postgres", "db", "roles", "--owner", "console_owner", "--desk-role", "console_desk",
                "--wall-role", "console_wall");
        assertEquals(ConsoleAdmin.OK, run.code, run.err);
        assertTrue(run.out.contains("now owned by console_owner"), run.out);
        try (Connection c = connect("fresh", "postgres"); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT DISTINCT tableowner FROM pg_tables "
                     + "WHERE schemaname = 'public'")) {
            assertTrue(rs.next());
            assertEquals("console_owner", rs.getString(1));
            assertFalse(rs.next(), "every table, the schema history too");
        }
        try (Connection c = connect("fresh", "console_owner"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE later_table (id INT, caller_name VARCHAR(40))");
        }
        try (Connection c = connect("fresh", "console_desk"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO later_table VALUES (1, '张三')");
        }
        try (Connection c = connect("fresh", "console_owner")) {
            assertTrue(DbRoles.regrant(c), "the roles recorded by the command are granted again");
        }
        refusal("fresh", "console_wall", "SELECT caller_name FROM later_table");
        try (Connection c = connect("fresh", "console_wall"); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT id FROM later_table")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void aDeskOnAnEmptyDatabaseIsToldTheSchemaMustBeCreatedByTheOwner() {
        SchemaUpgradeRequired e = assertThrows(SchemaUpgradeRequired.class,
                () -> Database.open(settings("empty", "console_desk")));
        assertNull(e.found());
        assertTrue(e.getMessage().contains("no console schema"), e.getMessage());
    }
}
