package org.commandroom.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-12-06T01:02:03.123456789Z");

    private static void appendFive(Database db) {
        db.jdbi().useTransaction(h -> {
            AuditDao dao = h.attach(AuditDao.class);
            for (int i = 1; i <= 5; i++) {
                dao.append(T0.plusSeconds(i), "lim", "desk-1", "DISPATCH", i % 2 == 0 ? null : "ORDER",
                        i % 2 == 0 ? null : (long) i, i == 3 ? null : "派 unit " + i);
            }
        });
    }

    private static String row(int seq) {
        return "UPDATE audit_log SET %s WHERE seq = " + seq;
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anUntouchedTrailVerifies(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            appendFive(db);
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertTrue(v.intact(), v.problems().toString());
            assertEquals(5, v.rows());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aChangedDetailIsDetected(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            appendFive(db);
            db.jdbi().useHandle(h -> h.execute(String.format(row(2), "detail = 'something else'")));
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertFalse(v.intact());
            assertEquals("row 2 (id " + id(db, 2) + ") was changed after it was written", v.problems().get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aChangedActorOrTimeIsDetected(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            appendFive(db);
            db.jdbi().useHandle(h -> h.execute(String.format(row(4), "actor = 'someone'")));
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE audit_log SET at = :at WHERE seq = 1")
                    .bind("at", T0.plusSeconds(100)).execute());
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertEquals(2, v.problems().size(), v.problems().toString());
            assertTrue(v.problems().get(0).startsWith("row 1 "));
            assertTrue(v.problems().get(1).startsWith("row 4 "));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aDeletedRowIsDetected(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            appendFive(db);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq = 3"));
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertFalse(v.intact());
            assertTrue(v.problems().get(0).startsWith("rows 3 are missing"), v.problems().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void deletingTheLastRowsIsDetected(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            appendFive(db);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE seq >= 4"));
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertEquals(1, v.problems().size());
            assertTrue(v.problems().get(0).contains("rows at the end were deleted"), v.problems().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void rowsFromBeforeTheChainAreSealedIntoIt(TestDb kind) throws Exception {
        try (Database db = kind.open()) {
            appendFive(db);
            db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, actor, workstation, action) "
                    + "VALUES (:at, 'old', 'desk-0', 'IMPORT')").bind("at", T0).execute());
            assertEquals(1, AuditChain.verify(db.jdbi()).unchained());
            assertEquals(1, AuditChain.seal(db.jdbi()));
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertTrue(v.intact(), v.problems().toString());
            assertEquals(6, v.rows());
            assertEquals(0, v.unchained());
            db.jdbi().useHandle(h -> h.execute(String.format(row(6), "actor = 'new'")));
            assertFalse(AuditChain.verify(db.jdbi()).intact());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void appendsFromSeveralWorkstationsAtOnceMakeOneUnbrokenChain(TestDb kind) throws Exception {
        try (Database db = kind.open(); Database other = Database.open(db.settings())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    Database target = w % 2 == 0 ? db : other;
                    String desk = "desk-" + w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            int n = i;
                            target.jdbi().useTransaction(h -> h.attach(AuditDao.class).append(T0.plusMillis(n), "lim",
                                    desk, "INTAKE", "INCIDENT", (long) n, "J" + n));
                        }
                    }));
                }
                for (var f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdown();
            }
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertTrue(v.intact(), v.problems().toString());
            assertEquals(100, v.rows());
        }
    }

    @org.junit.jupiter.api.Test
    void aTrailRewrittenWholesaleListsItsFirstThousandBreaksAndCountsTheRest() throws Exception {
        try (Database db = TestDb.H2.open()) {
            db.jdbi().useTransaction(h -> {
                AuditDao dao = h.attach(AuditDao.class);
                for (int i = 1; i <= AuditChain.MAX_BREAKS + 3; i++) {
                    dao.append(T0.plusMillis(i), "lim", "desk-1", "INTAKE", "INCIDENT", (long) i, "call " + i);
                }
            });
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET detail = 'rewritten'"));
            AuditChain.Verification v = AuditChain.verify(db.jdbi());
            assertEquals(AuditChain.MAX_BREAKS, v.breaks().size());
            assertEquals(3, v.unlisted());
            assertEquals(AuditChain.MAX_BREAKS + 3, v.breakCount());
            assertEquals(AuditChain.Break.Kind.CHANGED, v.breaks().get(0).kind());
            assertEquals("and 3 more", v.problems().get(AuditChain.MAX_BREAKS));
        }
    }

    @org.junit.jupiter.api.Test
    void aLongVerificationSaysHowFarItIsAndStopsWhenAsked() throws Exception {
        try (Database db = TestDb.H2.open()) {
            db.jdbi().useTransaction(h -> {
                AuditDao dao = h.attach(AuditDao.class);
                for (int i = 1; i <= 20_001; i++) {
                    dao.append(T0.plusMillis(i), "lim", "desk-1", "INTAKE", "INCIDENT", (long) i, null);
                }
            });
            java.util.List<String> told = new java.util.ArrayList<>();
            org.commandroom.core.job.JobProgress watching = new org.commandroom.core.job.JobProgress() {
                @Override
                public boolean cancelRequested() {
                    return false;
                }

                @Override
                public void progress(long done, long total) {
                    told.add(done + "/" + total);
                }
            };
            assertTrue(AuditChain.verify(db.jdbi(), watching).intact());
            assertEquals(java.util.List.of("0/20001", "10000/20001", "20000/20001", "20001/20001"), told);

            org.commandroom.core.job.JobProgress stopping = new org.commandroom.core.job.JobProgress() {
                @Override
                public boolean cancelRequested() {
                    return true;
                }

                @Override
                public void progress(long done, long total) {
                    // not watched
                }
            };
            org.junit.jupiter.api.Assertions.assertThrows(org.commandroom.core.job.JobCancelled.class,
                    () -> AuditChain.verify(db.jdbi(), stopping));
        }
    }

    private static long id(Database db, int seq) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM audit_log WHERE seq = " + seq)
                .mapTo(Long.class).one());
    }
}
