package org.commandroom.core.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.commandroom.core.TestClock;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.job.JobCancelled;
import org.commandroom.core.job.JobProgress;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The administrator's audit trail on H2 and PostgreSQL: each filter, pages that follow on by seq, the refusal of a
 * role without READ_AUDIT, the CSV export (quoting, BOM, audited) and the verification of the chain.
 */
class AuditServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Principal ADMIN = new Principal(7, "zhoumin", "周敏", Set.of(Role.ADMINISTRATOR), "admin-1",
            false);
    private static final Principal DUTY = new Principal(3, "lim", "李明", Set.of(Role.DUTY_COMMANDER), "desk-1", false);

    private final TestClock clock = new TestClock(T0.plus(Duration.ofHours(2)));

    private static AuditService service(Database db, TestClock clock, Principal who) {
        return new AuditService(db.jdbi(), clock, AccessGuard.of(db.jdbi(), clock, who));
    }

    private static void append(Database db, Instant at, String actor, String action, String entity, Long id,
                               String detail) {
        db.jdbi().useTransaction(h -> h.attach(AuditDao.class).append(at, actor, "desk-1", action, entity, id, detail));
    }

    /** Eight rows a minute apart from T0: seq 1..8. */
    private static void trail(Database db) {
        append(db, T0, "lim", "LOGIN", "USER", 3L, "roles DUTY_COMMANDER");
        append(db, T0.plusSeconds(60), "lim", "INTAKE", "INCIDENT", 41L, "J20261123-00041 FIGHT 东大街8号");
        append(db, T0.plusSeconds(120), "lixia", "LOGIN", "USER", 4L, "roles COMMAND_LEADER");
        append(db, T0.plusSeconds(180), "lim", "DISPATCH", "INCIDENT", 41L, "派 巡逻一组 to 东大街8号");
        append(db, T0.plusSeconds(240), "wangq", "ORDER_SIGNED", "ORDER", 9L, "Z20261123-00009 Signed by 巡逻一组");
        append(db, T0.plusSeconds(300), "lixia", "LOGIN_FAILED", "USER", 4L, "wrong password 1");
        append(db, T0.plusSeconds(360), "li_x", "LOGIN", "USER", 12L, "100% sure, roles WALL_DISPLAY");
        append(db, T0.plusSeconds(420), "zhoumin", "USER_CREATE", "USER", 13L, "chenj (陈静) roles DUTY_COMMANDER");
    }

    private static List<Long> seqs(AuditPage page) {
        return page.rows().stream().map(AuditEntry::seq).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void eachFilterNarrowsTheRowsNewestFirst(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            trail(db);
            AuditService audit = service(db, clock, ADMIN);
            assertEquals(List.of(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), seqs(audit.search(AuditFilter.ALL, 50)));
            assertEquals(List.of(7L, 3L, 1L), seqs(audit.search(AuditFilter.ALL.withAction("LOGIN"), 50)));
            assertEquals(List.of(4L, 2L, 1L), seqs(audit.search(AuditFilter.ALL.byActor("lim", false), 50)),
                    "exact: lim, not lixia");
            assertEquals(List.of(7L, 6L, 4L, 3L, 2L, 1L), seqs(audit.search(AuditFilter.ALL.byActor("li", true), 50)),
                    "prefix: lim, lixia and li_x");
            assertEquals(List.of(7L), seqs(audit.search(AuditFilter.ALL.byActor("li_", true), 50)),
                    "an underscore in the name is a letter, not a wildcard");
            assertEquals(List.of(5L), seqs(audit.search(AuditFilter.ALL.withEntity("ORDER"), 50)));
            // From (inclusive) to (exclusive).
            assertEquals(List.of(4L, 3L), seqs(audit.search(AuditFilter.ALL.between(T0.plusSeconds(120),
                    T0.plusSeconds(240)), 50)));
            assertEquals(List.of(8L, 7L), seqs(audit.search(AuditFilter.ALL.between(T0.plusSeconds(360), null), 50)));
            assertEquals(List.of(2L, 1L), seqs(audit.search(AuditFilter.ALL.between(null, T0.plusSeconds(120)), 50)));
            // Text: in the detail, whatever the case; or a record's id.
            assertEquals(List.of(4L, 2L), seqs(audit.search(AuditFilter.ALL.containing("东大街8号"), 50)));
            assertEquals(List.of(5L), seqs(audit.search(AuditFilter.ALL.containing("signed BY"), 50)));
            assertEquals(List.of(7L), seqs(audit.search(AuditFilter.ALL.containing("100%"), 50)),
                    "a percent sign is looked for, not a wildcard");
            assertEquals(List.of(4L, 2L), seqs(audit.search(AuditFilter.ALL.containing("41"), 50)),
                    "41 is in the details and the incident's id");
            assertEquals(List.of(8L), seqs(audit.search(AuditFilter.ALL.containing("13"), 50)), "user 13's id");
            // Together.
            assertEquals(List.of(6L), seqs(audit.search(new AuditFilter(T0.plusSeconds(60), T0.plusSeconds(400),
                    "lix", true, "LOGIN_FAILED", "USER", "WRONG"), 50)));
            assertEquals(List.of(), seqs(audit.search(AuditFilter.ALL.withAction("NO_SUCH_ACTION"), 50)));

            AuditEntry signed = audit.search(AuditFilter.ALL.withEntity("ORDER"), 1).rows().get(0);
            assertEquals(new AuditEntry(signed.id(), 5, T0.plusSeconds(240), "wangq", "desk-1", "ORDER_SIGNED", "ORDER",
                    9L, "Z20261123-00009 Signed by 巡逻一组", signed.rowHash()), signed);
            assertEquals(64, signed.rowHash().length());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theActionsPresentAreListedOnceEachInOrder(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            assertEquals(List.of(), service(db, clock, ADMIN).actions(), "an empty trail has none");
            trail(db);
            AuditService audit = service(db, clock, ADMIN);
            assertEquals(List.of("DISPATCH", "INTAKE", "LOGIN", "LOGIN_FAILED", "ORDER_SIGNED", "USER_CREATE"),
                    audit.actions());
            assertEquals(List.of("INCIDENT", "ORDER", "USER"), audit.entities());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void pagesFollowOnBySeqAndARowWrittenMeanwhileNeitherRepeatsNorSkipsOne(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            for (int i = 1; i <= 25; i++) {
                append(db, T0.plusSeconds(i), i % 5 == 0 ? "lixia" : "lim", "INTAKE", "INCIDENT", (long) i, "call " + i);
            }
            AuditService audit = service(db, clock, ADMIN);
            AuditPage first = audit.search(AuditFilter.ALL, 10);
            assertEquals(25L, first.rows().get(0).seq());
            assertEquals(16L, first.nextBefore());
            assertTrue(first.more());
            // Someone signs in on another desk while the administrator reads: page two goes on from row 16 still.
            append(db, T0.plusSeconds(30), "wangq", "LOGIN", "USER", 1L, "roles COMMAND_LEADER");
            AuditPage second = audit.more(AuditFilter.ALL, first.nextBefore(), 10);
            assertEquals(List.of(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L), seqs(second));
            assertTrue(second.more());
            AuditPage third = audit.more(AuditFilter.ALL, second.nextBefore(), 10);
            assertEquals(List.of(5L, 4L, 3L, 2L, 1L), seqs(third));
            assertFalse(third.more(), "the last page says there is no more");

            // Paging a filter: lixia's five rows, two at a time.
            AuditFilter hers = AuditFilter.ALL.byActor("lixia", false);
            AuditPage a = audit.search(hers, 2);
            AuditPage b = audit.more(hers, a.nextBefore(), 2);
            AuditPage c = audit.more(hers, b.nextBefore(), 2);
            assertEquals(List.of(25L, 20L, 15L, 10L, 5L), java.util.stream.Stream.of(a, b, c)
                    .flatMap(p -> p.rows().stream()).map(AuditEntry::seq).toList());
            assertTrue(a.more() && b.more());
            assertFalse(c.more());
            // A page exactly as long as what is left says no more.
            assertFalse(audit.search(hers, 5).more());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aDutyCommanderIsRefusedEveryReadingAndEachRefusalIsAudited(TestDb kind, @TempDir Path dir) throws Exception {
        try (Database db = kind.open()) {
            trail(db);
            AuditService audit = service(db, clock, DUTY);
            assertEquals(Permission.READ_AUDIT, assertThrows(AccessDenied.class,
                    () -> audit.search(AuditFilter.ALL, 10)).permission());
            assertThrows(AccessDenied.class, () -> audit.more(AuditFilter.ALL, 5, 10));
            assertThrows(AccessDenied.class, audit::actions);
            assertThrows(AccessDenied.class, audit::entities);
            assertThrows(AccessDenied.class, () -> audit.verify(JobProgress.NONE));
            Path file = dir.resolve("trail.csv");
            assertThrows(AccessDenied.class, () -> audit.exportCsv(AuditFilter.ALL, file));
            assertFalse(Files.exists(file), "nothing written");
            assertFalse(Files.exists(dir.resolve("trail.csv.part")));

            List<AuditEntry> refusals = service(db, clock, ADMIN).search(AuditFilter.ALL.withAction("REFUSED"), 50).rows();
            assertEquals(6, refusals.size());
            assertTrue(refusals.stream().allMatch(r -> r.actor().equals("lim") && r.workstation().equals("desk-1")
                    && "AUDIT".equals(r.entity())), refusals.toString());
            assertEquals("AUDIT_EXPORT needs READ_AUDIT; roles [DUTY_COMMANDER]", refusals.get(0).detail());
            assertEquals("AUDIT_VERIFY needs READ_AUDIT; roles [DUTY_COMMANDER]", refusals.get(1).detail());
            assertEquals("AUDIT_READ needs READ_AUDIT; roles [DUTY_COMMANDER]", refusals.get(5).detail());
            assertTrue(AuditChain.verify(db.jdbi()).intact(), "the refusals are chained like any row");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theExportIsUtf8WithABomQuotedAsRfc4180AndItselfAudited(TestDb kind, @TempDir Path dir) throws Exception {
        try (Database db = kind.open()) {
            append(db, T0, "lim", "INTAKE", "INCIDENT", 41L, "J20261123-00041, 东大街8号");
            append(db, T0.plusSeconds(61), "lim", "ORDER_CORRECT", "ORDER", 9L, "地址改为 \"东大街8号\"\r\n原为 西街");
            append(db, T0.plusSeconds(122), "=HYPERLINK(\"http://x\")", "LOGIN_FAILED", "USER", null, "unknown user");
            append(db, T0.plusSeconds(183), "lixia", "LOGIN", "USER", 4L, null);
            AuditService audit = service(db, clock, ADMIN);
            Path file = dir.resolve("审计.csv");
            long written = audit.exportCsv(AuditFilter.ALL.between(T0, T0.plusSeconds(180)), file);
            assertEquals(3, written);

            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                    "a UTF-8 byte-order mark first, for Excel");
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n", -1);
            assertEquals("seq,time,actor,workstation,action,entity,entity_id,detail,row_hash", lines[0]);
            String hash3 = audit.search(AuditFilter.ALL, 10).rows().stream().filter(r -> r.seq() == 3).findFirst()
                    .orElseThrow().rowHash();
            assertEquals("3,2026-11-23 10:02:02,\"'=HYPERLINK(\"\"http://x\"\")\",desk-1,LOGIN_FAILED,USER,,unknown user,"
                    + hash3, lines[1], "quotes doubled, a formula defused, no id left empty; time in the station's zone");
            // The detail's own CRLF is inside its quotes: the record goes on on the next line.
            assertEquals("2,2026-11-23 10:01:01,lim,desk-1,ORDER_CORRECT,ORDER,9,\"地址改为 \"\"东大街8号\"\"", lines[2]);
            assertTrue(lines[3].startsWith("原为 西街\","), lines[3]);
            assertTrue(text.endsWith("\r\n"), "every record ends with CRLF");

            List<CSVRecord> back = parse(text);
            assertEquals(4, back.size());
            assertEquals(List.of("2", "2026-11-23 10:01:01", "lim", "desk-1", "ORDER_CORRECT", "ORDER", "9",
                    "地址改为 \"东大街8号\"\r\n原为 西街"), back.get(2).toList().subList(0, 8));
            assertEquals(List.of("1", "2026-11-23 10:00:00", "lim", "desk-1", "INTAKE", "INCIDENT", "41",
                    "J20261123-00041, 东大街8号"), back.get(3).toList().subList(0, 8));

            AuditEntry exported = audit.search(AuditFilter.ALL.withAction(AuditService.EXPORT), 10).rows().get(0);
            assertEquals("zhoumin", exported.actor());
            assertEquals("admin-1", exported.workstation());
            assertEquals("3 rows to " + file.toAbsolutePath() + "; from=2026-11-23T02:00:00Z to=2026-11-23T02:03:00Z",
                    exported.detail());
            assertFalse(Files.exists(dir.resolve("审计.csv.part")), "the temporary file is gone");
            assertTrue(AuditChain.verify(db.jdbi()).intact());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anExportInTheScreensWordsAndOneCancelledLeavesNoFileAndNoAuditRow(TestDb kind, @TempDir Path dir)
            throws Exception {
        try (Database db = kind.open()) {
            for (int i = 0; i < 2500; i++) {
                append(db, T0.plusMillis(i), "lim", "INTAKE", "INCIDENT", (long) i, "call " + i);
            }
            AuditService audit = service(db, clock, ADMIN);
            List<String> header = List.of("序号", "时间", "用户", "席位", "操作", "对象", "对象编号", "详情", "校验值");
            Path file = dir.resolve("all.csv");
            Files.writeString(file, "an older export");
            List<Long> seen = new ArrayList<>();
            JobProgress cancelAfterFirst = new JobProgress() {
                @Override
                public boolean cancelRequested() {
                    return !seen.isEmpty();
                }

                @Override
                public void progress(long done, long total) {
                    seen.add(done);
                }
            };
            assertThrows(JobCancelled.class, () -> audit.exportCsv(AuditFilter.ALL, file, header, cancelAfterFirst));
            assertEquals(List.of(1000L), seen);
            assertEquals("an older export", Files.readString(file), "a cancelled export leaves the file it would replace");
            assertFalse(Files.exists(dir.resolve("all.csv.part")));
            assertEquals(List.of(), audit.search(AuditFilter.ALL.withAction(AuditService.EXPORT), 10).rows());

            assertEquals(2500, audit.exportCsv(AuditFilter.ALL, file, header, JobProgress.NONE));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFF序号,时间,用户,席位,操作,对象,对象编号,详情,校验值\r\n2500,"), text.substring(0, 80));
            assertEquals(2501, parse(text.substring(1)).size());
            AuditPage big = audit.search(AuditFilter.ALL, 1_000_000);
            assertEquals(AuditService.MAX_PAGE, big.rows().size(), "an oversized page is cut to the largest, not refused");
            assertTrue(big.more());
            assertThrows(IllegalArgumentException.class, () -> audit.exportCsv(AuditFilter.ALL, file,
                    List.of("too", "few"), JobProgress.NONE));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anExportTheTrailCannotRecordLeavesNoFile(TestDb kind, @TempDir Path dir) throws Exception {
        try (Database db = kind.open()) {
            trail(db);
            AuditService audit = service(db, clock, ADMIN);
            // The chain's head gone: the export's own row cannot be appended.
            db.jdbi().useHandle(h -> h.execute("DROP TABLE audit_head"));
            Path file = dir.resolve("trail.csv");
            assertThrows(RuntimeException.class, () -> audit.exportCsv(AuditFilter.ALL, file));
            assertFalse(Files.exists(file), "no file leaves without its row in the trail");
            assertFalse(Files.exists(dir.resolve("trail.csv.part")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void verifyingCountsTheRowsAndLocatesATamperedOne(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            trail(db);
            AuditService audit = service(db, clock, ADMIN);
            AuditChain.Verification ok = audit.verify(JobProgress.NONE);
            assertTrue(ok.intact(), ok.problems().toString());
            assertEquals(8, ok.rows());

            db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'roles ADMINISTRATOR' WHERE seq = 3"));
            AuditChain.Verification broken = audit.verify(JobProgress.NONE);
            assertFalse(broken.intact());
            assertEquals(8, broken.rows());
            AuditChain.Break b = broken.breaks().get(0);
            assertEquals(AuditChain.Break.Kind.CHANGED, b.kind());
            assertEquals(3, b.seq());
            assertEquals(List.of("row 3 (id " + b.id() + ") was changed after it was written"), broken.problems());
        }
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (Reader r = new StringReader(text)) {
            return CSVFormat.RFC4180.parse(r).getRecords();
        }
    }
}
