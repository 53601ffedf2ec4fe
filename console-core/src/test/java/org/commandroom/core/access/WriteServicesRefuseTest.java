package org.commandroom.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.alert.AlertCenter;
import org.commandroom.core.alert.AlertKind;
import org.commandroom.core.alert.AlertPolicy;
import org.commandroom.core.alert.AlertTrigger;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.DispatchService;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.TaskOrderService;
import org.commandroom.core.dispatch.TravelModel;
import org.commandroom.core.dispatch.escalation.OrderFollowUp;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.geo.io.ImportLayer;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.index.IndexDefinitions;
import org.commandroom.core.index.ManualScores;
import org.commandroom.core.index.Period;
import org.commandroom.core.intake.BulkIntake;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.intake.IntakeService;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.store.TestDatabases;
import org.commandroom.core.unit.UnitKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write service of core, called as every role: those the role may not use refuse with {@link AccessDenied}
 * and leave a REFUSED row in the audit trail; those it may use do their work. The table below is the contract
 * (docs/ACCESS.md has it for people).
 */
class WriteServicesRefuseTest {

    enum Op {
        INTAKE, IMPORT_CALLS, IMPORT_CALL_FILE, DISPATCH, ISSUE_ORDER, RECORD_SIGN_FOR, RECORD_FEEDBACK, REVIEW_CLOSE,
        CORRECT_TRAIL, CORRECT_ORDER, ACK_ALERTS, INDEX_ENTRY, GEO_IMPORT, CREATE_USER, ORG_IMPORT, UNIT_IMPORT, UNLOCK_USER,
        RECEIVER_MAPPING, REASSIGN_ORDER, CANCEL_ORDER, RETURN_ORDER, CAP_ISSUE, STANDARD_TASK_CAMPAIGN, STANDARD_TASK_IMPORT,
        CAP_REPOST
    }

    /** Which roles may do each operation on a live database; every other role is refused. */
    private static Set<Role> allowed(Op op) {
        Set<Role> commanders = EnumSet.of(Role.DUTY_COMMANDER, Role.COMMAND_LEADER);
        return switch (op) {
            case INTAKE, IMPORT_CALLS, IMPORT_CALL_FILE, DISPATCH, ISSUE_ORDER, RECORD_SIGN_FOR, RECORD_FEEDBACK,
                 CORRECT_TRAIL, CORRECT_ORDER, ACK_ALERTS, INDEX_ENTRY, REASSIGN_ORDER, CANCEL_ORDER, CAP_ISSUE,
                 STANDARD_TASK_CAMPAIGN, CAP_REPOST -> commanders;
            case REVIEW_CLOSE, RETURN_ORDER -> EnumSet.of(Role.COMMAND_LEADER);
            case GEO_IMPORT, CREATE_USER, ORG_IMPORT, UNIT_IMPORT, UNLOCK_USER, RECEIVER_MAPPING, STANDARD_TASK_IMPORT ->
                    EnumSet.of(Role.ADMINISTRATOR);
        };
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Role role : Role.values()) {
                rows.add(Arguments.of(op, role, allowed(op).contains(role)));
            }
        }
        return rows.stream();
    }

    private static Database db;
    private static IntakeFixture fx;
    private static long unit;
    private static long unit2;
    private static int users;
    @TempDir
    static Path dir;

    @BeforeAll
    static void county() {
        db = TestDatabases.h2();
        fx = new IntakeFixture(db);
        unit = fx.unit("城关01", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(30));
        unit2 = fx.unit("城关02", UnitKind.CAR, fx.s1, IntakeFixture.IN_G1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Services as the console builds them, every write checked against {@code who}. */
    private record Desk(AccessGuard guard, OrderService orders, IntakeModule intake, OrderFollowUp followUp,
                        AlertAudit alerts, ManualScores manual, GeoImportService geo, CallFiles files,
                        AccessService access, org.commandroom.core.org.OrgImportService org) {
        static Desk of(Principal who) {
            AccessGuard g = AccessGuard.of(db.jdbi(), fx.clock, who);
            OrderService orders = new OrderService(db.jdbi(), fx.clock, DeadlinePolicy.defaults(),
                    new Numbering(fx.clock, IntakeFixture.ZONE), fx.recorder, IssueHook.NONE, g);
            IntakeModule intake = IntakeModule.create(db.jdbi(), fx.clock, fx.incidents, fx.units, orders, fx.recorder,
                    DeadlinePolicy.defaults(), Runnable::run, new org.commandroom.core.draft.Drafts(dir.resolve("drafts"), fx.clock), g);
            intake.gazetteer().load();
            return new Desk(g, orders, intake, new OrderFollowUp(db.jdbi(), orders, fx.clock, fx.recorder, g),
                    new AlertAudit(db.jdbi(), fx.clock, "desk-1", g),
                    new ManualScores(db.jdbi(), fx.clock, IndexDefinitions.withDefault(), fx.recorder, g),
                    new GeoImportService(db.jdbi(), fx.recorder, fx.clock,
                            GeoImportService.Settings.defaults(GeoImportService.Settings.CHINA), g),
                    new CallFiles(db.jdbi(), fx.clock, intake.intake(), intake.bulk(), "test.local", "desk-1", g),
                    new AccessService(db.jdbi(), fx.clock, g, new PasswordHasher(64, 1, 1), LockoutPolicy.defaults()),
                    new org.commandroom.core.org.OrgImportService(db.jdbi(), fx.clock, fx.recorder, g));
        }
    }

    /** Set-up done with no check (what a test needs to exist before the call under test). */
    private static Incident newIncident() {
        return fx.intake.record(CallReport.of(null, "南关小区" + System.nanoTime() % 100000, IntakeFixture.IN_G1,
                IncidentType.NOISE, 3, "吵闹"), "setup").incident();
    }

    private static Order issuedOrder() {
        return fx.tasks.issue(new TaskOrderService.TaskRequest(OrderKind.VISIT, fx.s1, null, null, fx.officerWang,
                "走访", IntakeFixture.IN_G1, null, null, null), "setup");
    }

    private static Object run(Op op, Desk desk, String actor) throws Exception {
        return switch (op) {
            case INTAKE -> desk.intake().intake().record(CallReport.of(null, "南关小区1栋", IntakeFixture.IN_G1,
                    IncidentType.NOISE, 3, "吵闹"), actor);
            case IMPORT_CALLS -> desk.intake().bulk().importCsv(String.join(",", BulkIntake.COLUMNS) + "\n", actor);
            case IMPORT_CALL_FILE -> {
                Path f = Files.writeString(dir.resolve("calls-" + System.nanoTime() + ".csv"),
                        String.join(",", BulkIntake.COLUMNS) + "\n", StandardCharsets.UTF_8);
                yield desk.files().importCalls(f, actor);
            }
            case DISPATCH -> {
                Incident i = newIncident();
                var proposal = desk.intake().dispatch().propose(i, 5).stream()
                        .filter(p -> p.unitId() != null && p.unitId() == unit).findFirst().orElseThrow();
                Order o = desk.intake().dispatch().dispatch(i, proposal, actor);
                // Free the unit again for the next row of the table.
                fx.units.changeStatus(unit, fx.units.all().stream().filter(u -> u.id() == unit).findFirst()
                        .orElseThrow().version(), org.commandroom.core.unit.UnitStatus.AVAILABLE);
                yield o;
            }
            case ISSUE_ORDER -> desk.intake().tasks().issue(new TaskOrderService.TaskRequest(OrderKind.VISIT, fx.s1,
                    null, null, fx.officerWang, "走访", IntakeFixture.IN_G1, null, null, null), actor);
            case RECORD_SIGN_FOR -> done(desk.orders().sign(issuedOrder().id(), actor));
            case RECORD_FEEDBACK -> {
                Order o = issuedOrder();
                fx.orders.sign(o.id(), "setup");
                yield done(desk.orders().feedback(o.id(), actor, "已走访"));
            }
            case REVIEW_CLOSE -> {
                Order o = issuedOrder();
                fx.orders.sign(o.id(), "setup");
                fx.orders.feedback(o.id(), "setup", "已走访");
                desk.followUp().reviewAndClose(o.id(), actor, "同意办结");
                yield o;
            }
            case CORRECT_TRAIL -> {
                Order o = issuedOrder();
                desk.followUp().correct(o.id(), actor, "反馈有误");
                yield o;
            }
            case CORRECT_ORDER -> {
                Order o = issuedOrder();
                yield desk.intake().tasks().correct(o.id(), o.version(), "走访（更正）", IntakeFixture.IN_G1, "错字", actor);
            }
            case ACK_ALERTS -> {
                AlertCenter center = new AlertCenter(fx.clock, AlertPolicy.defaults());
                center.offer(List.of(new AlertTrigger(AlertKind.NEW_INCIDENT, "incident:1:NEW", 1, "J1", "前进路1号",
                        "FIGHT", fx.clock.instant())));
                desk.alerts().acknowledged(center.acknowledgeAll(), actor);
                yield true;
            }
            case INDEX_ENTRY -> desk.manual().enter("I32", fx.s1, Period.month(2026, 10), 1, actor, null);
            case GEO_IMPORT -> desk.geo().importContent(new GeoImportService.Request(ImportLayer.CAMERAS, Datum.WGS84,
                    false, actor), "cameras.csv", "camera_id,name\n".getBytes(StandardCharsets.UTF_8));
            case CREATE_USER -> desk.access().createUser("user" + (++users), "新用户", Set.of(Role.TRAINEE),
                    "password-" + users);
            case ORG_IMPORT -> desk.org().importOrganisation(emptyWorkbook(org.commandroom.core.org.OrgSheets.Book.ORGANISATION),
                    "organisation.xlsx", actor, false);
            case UNIT_IMPORT -> desk.org().importUnits(emptyWorkbook(org.commandroom.core.org.OrgSheets.Book.UNITS),
                    "units.xlsx", actor, false);
            case UNLOCK_USER -> {
                String login = "locked" + (++users);
                Desk.of(new Principal(1, "setup-admin", "管理员", Set.of(Role.ADMINISTRATOR), "desk-1", false)).access()
                        .createUser(login, "被锁用户", Set.of(Role.TRAINEE), "password-" + users);
                desk.access().unlock(login);
                yield login;
            }
            case REASSIGN_ORDER -> {
                Order o = fx.orders.createAndIssue(new org.commandroom.core.dispatch.OrderDraft(OrderKind.VISIT, null,
                        null, fx.s1, unit, null, "走访", null), "setup");
                yield done(desk.orders().reassign(o.id(), unit2, actor, "改派"));
            }
            case CANCEL_ORDER -> done(desk.orders().cancel(issuedOrder().id(), actor, "撤警"));
            case RETURN_ORDER -> {
                Order o = issuedOrder();
                fx.orders.sign(o.id(), "setup");
                fx.orders.feedback(o.id(), "setup", "已走访");
                yield done(desk.orders().returnForMoreWork(o.id(), actor, "请补充"));
            }
            case RECEIVER_MAPPING -> new org.commandroom.core.field.receiver.ReceiverMappings(db.jdbi(), fx.clock,
                    desk.guard()).assign(org.commandroom.core.field.receiver.ReceiverKind.NMEA,
                    "10.20.0." + (++users) + ":4001", "城关01", null, actor);
            case CAP_ISSUE -> new org.commandroom.core.cap.CapService(db.jdbi(), fx.clock,
                    new org.commandroom.core.cap.CapService.Settings("command@test.local", "test.local",
                            org.commandroom.core.cap.CapAlert.Status.Actual, null, IntakeFixture.ZONE), desk.guard(),
                    new org.commandroom.core.cap.CapReader(org.commandroom.core.cap.CapSchema.none())).issue(
                    new org.commandroom.core.cap.CapService.Warning(org.commandroom.core.cap.WarningKind.CROWD,
                            new org.commandroom.core.cap.WarningArea.OfLayer(
                                    org.commandroom.core.cap.WarningArea.Layer.POLICE_GRID, fx.g1),
                            new org.commandroom.core.cap.CapService.Texts("人员聚集", null, null),
                            new org.commandroom.core.cap.CapService.Texts("Crowd", null, null), null), actor);
            case STANDARD_TASK_CAMPAIGN -> desk.intake().standardTasks().campaign("BZJ-010", List.of(fx.g1, fx.g3), actor);
            case STANDARD_TASK_IMPORT -> desk.intake().standardTasks().library().importFile(
                    "编码,名称,牵头部门,任务依据,任务措施,办结标准,时限,反馈项\nT-1,走访,派出所,规定,上门,见面,24,人数\n"
                            .getBytes(StandardCharsets.UTF_8), "tasks.csv", actor, false);
            case CAP_REPOST -> {
                // A warning whose post failed (nothing listens on the port), sent again as the role.
                int port;
                try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    port = free.getLocalPort();
                }
                var poster = new org.commandroom.core.cap.CapPoster(new org.commandroom.core.cap.CapEndpoint(
                        java.net.URI.create("http://127.0.0.1:" + port + "/cap"), Duration.ofSeconds(2), 1, Duration.ZERO,
                        org.commandroom.core.cap.CapEndpoint.CAP_XML), fx.clock);
                var settings = new org.commandroom.core.cap.CapService.Settings("command@test.local", "test.local",
                        org.commandroom.core.cap.CapAlert.Status.Actual, null, IntakeFixture.ZONE);
                var reader = new org.commandroom.core.cap.CapReader(org.commandroom.core.cap.CapSchema.none());
                var setup = new org.commandroom.core.cap.CapService(db.jdbi(), fx.clock, settings, AccessGuard.trusted(),
                        reader, poster);
                long id = setup.issue(new org.commandroom.core.cap.CapService.Warning(
                        org.commandroom.core.cap.WarningKind.CROWD, new org.commandroom.core.cap.WarningArea.OfLayer(
                                org.commandroom.core.cap.WarningArea.Layer.POLICE_GRID, fx.g1),
                        new org.commandroom.core.cap.CapService.Texts("人员聚集", null, null),
                        new org.commandroom.core.cap.CapService.Texts("Crowd", null, null), null), "setup").stored().id();
                setup.post(id, "setup");
                yield new org.commandroom.core.cap.CapService(db.jdbi(), fx.clock, settings, desk.guard(), reader, poster)
                        .repost(id, actor);
            }
        };
    }

    private static byte[] emptyWorkbook(org.commandroom.core.org.OrgSheets.Book book) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.commandroom.core.org.OrgWorkbook.write(book, java.util.Locale.ROOT, java.util.Map.of(), out);
        return out.toByteArray();
    }

    private static boolean done(boolean stepHappened) {
        assertTrue(stepHappened, "the step was taken");
        return true;
    }

    private static long refusals() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'REFUSED'")
                .mapTo(Long.class).one());
    }

    @ParameterizedTest(name = "{0} as {1}: allowed {2}")
    @MethodSource("table")
    void everyWriteIsRefusedToARoleWithoutItsPermission(Op op, Role role, boolean allowed) throws Exception {
        Principal who = new Principal(7, "u-" + role.name().toLowerCase(), "用户", Set.of(role), "desk-1", false);
        Desk desk = Desk.of(who);
        long before = refusals();
        if (allowed) {
            run(op, desk, who.displayName());
            assertEquals(before, refusals());
        } else {
            AccessDenied denied = assertThrows(AccessDenied.class, () -> run(op, desk, who.displayName()));
            assertEquals(who.login(), denied.login());
            assertEquals(before + 1, refusals(), "the refusal is in the audit trail");
            String row = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT actor || '|' || workstation FROM audit_log WHERE action = 'REFUSED' ORDER BY seq DESC")
                    .mapTo(String.class).first());
            assertEquals(who.login() + "|desk-1", row);
        }
        assertTrue(AuditChain.verify(db.jdbi()).intact());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = Op.class, names = {"INTAKE", "DISPATCH", "ISSUE_ORDER",
            "RECORD_SIGN_FOR", "RECORD_FEEDBACK", "REVIEW_CLOSE", "ACK_ALERTS"})
    void aTraineeActsInADrillButNeverLive(Op op) throws Exception {
        Principal drill = new Principal(8, "trainee", "学员", Set.of(Role.TRAINEE), "drill-1", true);
        run(op, Desk.of(drill), "学员");
        Principal live = new Principal(8, "trainee", "学员", Set.of(Role.TRAINEE), "desk-1", false);
        assertThrows(AccessDenied.class, () -> run(op, Desk.of(live), "学员"));
    }

    @org.junit.jupiter.api.Test
    void noOneSignedInMayWriteAnything() {
        Desk desk = Desk.of(Principal.nobody("desk-1"));
        for (Op op : Op.values()) {
            assertThrows(AccessDenied.class, () -> run(op, desk, "?"), op.name());
        }
    }

    @org.junit.jupiter.api.Test
    void aUserWithSeveralRolesHasEachRolesPermissions() throws Exception {
        Principal both = new Principal(9, "wang", "王队", Set.of(Role.ADMINISTRATOR, Role.DUTY_COMMANDER), "desk-1", false);
        Desk desk = Desk.of(both);
        run(Op.DISPATCH, desk, "王队");
        run(Op.CREATE_USER, desk, "王队");
        assertThrows(AccessDenied.class, () -> run(Op.REVIEW_CLOSE, desk, "王队"));
    }

    @org.junit.jupiter.api.Test
    void backgroundWritersRunOnlyForAPrincipalThatMayWrite() {
        assertTrue(new Principal(1, "a", "a", Set.of(Role.DUTY_COMMANDER), "d", false).mayRunBackgroundWriters());
        assertTrue(new Principal(1, "a", "a", Set.of(Role.COMMAND_LEADER), "d", false).mayRunBackgroundWriters());
        assertTrue(new Principal(1, "a", "a", Set.of(Role.TRAINEE), "d", true).mayRunBackgroundWriters());
        for (Role r : List.of(Role.WALL_DISPLAY, Role.ADMINISTRATOR, Role.TRAINEE)) {
            assertEquals(false, new Principal(1, "a", "a", Set.of(r), "d", false).mayRunBackgroundWriters(), r.name());
        }
        assertEquals(false, Principal.nobody("d").mayRunBackgroundWriters());
    }
}
