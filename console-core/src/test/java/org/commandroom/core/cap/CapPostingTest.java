package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our alerts POSTed to a configured endpoint: a real HTTP server on the loopback (the JDK's) that accepts, fails
 * with 500, answers too late or is not there; retries, the delivery's words in both languages, the audit trail, and a
 * drill that cannot post at all.
 */
class CapPostingTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private IntakeFixture fx;
    private HttpServer server;
    private final ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> types = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    /** The answers to give, in order; the last is repeated. 0: never answer (until the test ends). */
    private volatile List<Integer> answers = List.of(200);

    @BeforeEach
    void start() throws IOException {
        fx = new IntakeFixture(TestDatabases.h2());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cap", ex -> {
            int n = requests.incrementAndGet();
            bodies.add(ex.getRequestBody().readAllBytes());
            types.add(ex.getRequestHeaders().getFirst("Content-Type"));
            int code = answers.get(Math.min(n, answers.size()) - 1);
            if (code == 0) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                code = 200;
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        fx.db.close();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cap");
    }

    private CapService service(CapAlert.Status status, CapEndpoint endpoint) {
        return service(status, endpoint, AccessGuard.trusted());
    }

    private CapService service(CapAlert.Status status, CapEndpoint endpoint, AccessGuard guard) {
        return new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@chengguan.police.example",
                "chengguan.police.example", status, dir.resolve("out"), IntakeFixture.ZONE), guard,
                new CapReader(CapSchema.load()), endpoint == null ? null : new CapPoster(endpoint, fx.clock));
    }

    private CapEndpoint endpoint(int attempts, Duration timeout) {
        return new CapEndpoint(url(), timeout, attempts, Duration.ofMillis(20), CapEndpoint.CAP_XML);
    }

    private CapService.Issued issue(CapService cap) {
        long community = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM community WHERE code = 'C1'")
                .mapTo(Long.class).one());
        return cap.issue(new CapService.Warning(WarningKind.FRAUD_WAVE,
                new WarningArea.OfLayer(WarningArea.Layer.COMMUNITY, community),
                new CapService.Texts("南关社区冒充客服诈骗多发", null, null),
                new CapService.Texts("Fake customer-service calls in Nanguan", null, null), null), "值班长");
    }

    private List<String> audit(long id) {
        return fx.db.jdbi().withHandle(h -> h.createQuery("SELECT action || ' ' || detail FROM audit_log"
                + " WHERE entity = 'CAP_ALERT' AND entity_id = :id AND action LIKE 'CAP_POST%' ORDER BY seq")
                .bind("id", id).mapTo(String.class).list());
    }

    @Test
    void anIssuedAlertIsPostedByteForByteAsCapXmlAndTheDeliveryIsAuditedAndShown() {
        CapService cap = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        CapService.Issued issued = issue(cap);
        CapDelivery d = cap.post(issued.stored().id(), "值班长").orElseThrow();
        assertTrue(d.delivered());
        assertEquals(1, d.attempts());
        assertEquals(200, d.httpStatus());
        assertArrayEquals(issued.stored().document().getBytes(StandardCharsets.UTF_8), bodies.peek());
        assertEquals("application/cap+xml; charset=UTF-8", types.peek());
        assertEquals("接收端已接收（HTTP 200，第 1 次发送）", d.reason().in(ZH));
        assertEquals(List.of("CAP_POSTED DELIVERED 200 1 " + url()), audit(issued.stored().id()));
        assertEquals(d, cap.deliveries(List.of(issued.stored().id())).get(issued.stored().id()));
    }

    @Test
    void aServerErrorIsRetriedAndTheSecondAttemptDelivers() {
        answers = List.of(500, 200);
        CapService cap = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        CapService.Issued issued = issue(cap);
        CapDelivery d = cap.post(issued.stored().id(), "值班长").orElseThrow();
        assertTrue(d.delivered());
        assertEquals(2, d.attempts());
        assertEquals(2, requests.get());
    }

    @Test
    void aServerThatKeepsFailingIsAFailureAfterEveryAttemptSaidInBothLanguagesAndKeptAcrossARestart() {
        answers = List.of(500);
        CapService cap = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        CapService.Issued issued = issue(cap);
        long id = issued.stored().id();
        CapDelivery d = cap.post(id, "值班长").orElseThrow();
        assertFalse(d.delivered());
        assertEquals(CapDelivery.Failure.HTTP_STATUS, d.failure());
        assertEquals(3, d.attempts());
        assertEquals(3, requests.get());
        assertEquals("接收端拒收：HTTP 500（已尝试 3 次）", d.reason().in(ZH));
        assertEquals("refused by the endpoint: HTTP 500 (3 attempts)", d.reason().english());
        assertEquals(List.of("CAP_POST_FAILED HTTP_STATUS 500 3 " + url()), audit(id));

        CapService restarted = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        Map<Long, CapDelivery> read = restarted.deliveries(List.of(id, 999L));
        assertEquals(CapDelivery.Failure.HTTP_STATUS, read.get(id).failure());
        assertEquals(d.reason(), read.get(id).reason(), "read back from the audit trail after a restart");
        assertNull(read.get(999L), "an alert never posted has no delivery");
    }

    @Test
    void aClientErrorIsNotRetried() {
        answers = List.of(400);
        CapService cap = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        CapDelivery d = cap.post(issue(cap).stored().id(), "值班长").orElseThrow();
        assertEquals(CapDelivery.Failure.HTTP_STATUS, d.failure());
        assertEquals(1, d.attempts());
        assertEquals(1, requests.get());
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsATimeout() {
        answers = List.of(0);
        CapService cap = service(CapAlert.Status.Actual, endpoint(2, Duration.ofMillis(400)));
        long started = System.nanoTime();
        CapDelivery d = cap.post(issue(cap).stored().id(), "值班长").orElseThrow();
        assertEquals(CapDelivery.Failure.TIMEOUT, d.failure());
        assertEquals(2, d.attempts());
        assertEquals("接收端在限定时间内没有回答（已尝试 2 次）", d.reason().in(ZH));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "bounded by attempts × timeout");
    }

    @Test
    void aPostInterruptedWhileWaitingIsAuditedWithTheFlagHeldBackAndTheFlagIsSetAgain() throws Exception {
        answers = List.of(0);
        // A database in a file, as the console's: H2 closes such a file when a thread is interrupted inside its I/O.
        fx.db.close();
        fx = new IntakeFixture(org.commandroom.core.store.Database.open(
                org.commandroom.core.store.DbSettings.embedded(dir.resolve("db"), "console")));
        CapService cap = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(20)));
        long id = issue(cap).stored().id();
        java.util.concurrent.atomic.AtomicReference<CapDelivery> got = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean flagAfter = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = new Thread(() -> {
            got.set(cap.post(id, "值班长").orElseThrow());
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests.get() == 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(1, requests.get(), "the request reached the endpoint, which holds it");
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive());
        assertEquals(1, got.get().attempts(), "an interrupt stops the attempts");
        assertFalse(got.get().delivered());
        assertTrue(flagAfter.get(), "the interrupt is kept for whoever runs the thread");
        assertEquals(1, audit(id).size(), "the outcome was audited");
        assertEquals(1, fx.count("cap_alert"), "and the database is still open");
    }

    @Test
    void anEndpointWhereNothingListensIsUnreachable() {
        CapEndpoint e = endpoint(2, Duration.ofSeconds(2));
        server.stop(0); // the port is free again: nothing listens there now
        CapService cap = service(CapAlert.Status.Actual, e);
        CapDelivery d = cap.post(issue(cap).stored().id(), "值班长").orElseThrow();
        assertEquals(CapDelivery.Failure.UNREACHABLE, d.failure());
        assertEquals(2, d.attempts());
        assertEquals("无法连接接收端 " + url() + "（已尝试 2 次）", d.reason().in(ZH));
    }

    @Test
    void aDrillCannotBeGivenAnEndpointAndWithoutOneNothingIsPosted() {
        assertThrows(IllegalArgumentException.class,
                () -> service(CapAlert.Status.Exercise, endpoint(1, Duration.ofSeconds(1))));
        CapService drill = service(CapAlert.Status.Exercise, null);
        assertFalse(drill.posts());
        assertTrue(drill.post(issue(drill).stored().id(), "学员").isEmpty());
        assertEquals(0, requests.get(), "the endpoint saw nothing");
    }

    @Test
    void aFailedDeliveryIsPostedAgainByHandUnchangedAuditedAsARepostAndReadBackAfterARestart() {
        answers = List.of(500, 500, 200);
        CapService cap = service(CapAlert.Status.Actual, endpoint(2, Duration.ofSeconds(5)));
        CapService.Issued issued = issue(cap);
        long id = issued.stored().id();
        assertFalse(cap.post(id, "值班长").orElseThrow().delivered(), "both attempts got 500");

        CapDelivery again = cap.repost(id, "值班长");
        assertTrue(again.delivered());
        assertEquals(1, again.attempts());
        assertEquals(3, requests.get());
        byte[] stored = issued.stored().document().getBytes(StandardCharsets.UTF_8);
        bodies.forEach(b -> assertArrayEquals(stored, b, "every post carries the stored document unchanged"));
        assertEquals(List.of("CAP_POST_FAILED HTTP_STATUS 500 2 " + url(), "CAP_POSTED DELIVERED 200 1 " + url()
                + " re-post"), audit(id));
        assertEquals(again, cap.deliveries(List.of(id)).get(id));

        CapService restarted = service(CapAlert.Status.Actual, endpoint(2, Duration.ofSeconds(5)));
        CapDelivery read = restarted.deliveries(List.of(id)).get(id);
        assertTrue(read.delivered(), "the latest outcome, the re-post, read back from the audit trail");
        assertEquals(url().toString(), read.endpoint());
        assertEquals(CapRefused.Reason.NOT_FAILED,
                assertThrows(CapRefused.class, () -> restarted.repost(id, "值班长")).reason(), "delivered: not again");
        assertEquals(3, requests.get());
    }

    @Test
    void aRepostThatFailsAgainIsAuditedAsAFailedRepostAndMayBeTriedOnceMore() {
        answers = List.of(400, 400, 200);
        CapService cap = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        long id = issue(cap).stored().id();
        assertThrows(CapRefused.class, () -> cap.repost(id, "值班长"), "never posted: nothing to post again");
        assertEquals(0, requests.get());
        cap.post(id, "值班长");
        CapDelivery again = cap.repost(id, "值班长");
        assertEquals(CapDelivery.Failure.HTTP_STATUS, again.failure());
        assertEquals(1, again.attempts(), "a 400 is final, for a re-post as well");
        assertEquals(List.of("CAP_POST_FAILED HTTP_STATUS 400 1 " + url(), "CAP_POST_FAILED HTTP_STATUS 400 1 " + url()
                + " re-post"), audit(id));
        CapService restarted = service(CapAlert.Status.Actual, endpoint(3, Duration.ofSeconds(5)));
        assertEquals(again.reason(), restarted.deliveries(List.of(id)).get(id).reason());
        assertTrue(restarted.repost(id, "值班长").delivered());
        assertEquals(3, requests.get());
    }

    @Test
    void aRepostWhileOneRunsIsRefused() throws Exception {
        answers = List.of(500, 0);
        CapService cap = service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(20)));
        long id = issue(cap).stored().id();
        cap.post(id, "值班长");
        java.util.concurrent.CompletableFuture<CapDelivery> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> cap.repost(id, "值班长"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests.get() < 2 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(2, requests.get(), "the endpoint holds the re-post");
        assertEquals(CapRefused.Reason.IN_PROGRESS,
                assertThrows(CapRefused.class, () -> cap.repost(id, "值班长")).reason());
        release.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS).delivered());
        assertEquals(2, requests.get(), "the refused one sent nothing");
    }

    @Test
    void theWallAndATraineeMayNotPostAgainAndTheRefusalIsAudited() {
        answers = List.of(500);
        CapService cap = service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5)));
        long id = issue(cap).stored().id();
        cap.post(id, "值班长");
        Principal wall = new Principal(3, "wall", "大屏", java.util.Set.of(Role.WALL_DISPLAY), "wall-1", false);
        Principal trainee = new Principal(8, "trainee", "学员", java.util.Set.of(Role.TRAINEE), "desk-2", false);
        for (Principal p : List.of(wall, trainee)) {
            CapService as = service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5)),
                    AccessGuard.of(fx.db.jdbi(), fx.clock, p));
            assertThrows(AccessDenied.class, () -> as.repost(id, p.login()), p.login());
        }
        assertEquals(1, requests.get(), "nothing more reached the endpoint");
        assertEquals(2, (int) fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE"
                + " action = 'REFUSED' AND entity_id = :id AND detail LIKE 'CAP_REPOST needs ISSUE_WARNINGS%'")
                .bind("id", id).mapTo(Integer.class).one()));
        Principal commander = new Principal(5, "zhang", "张值班长", java.util.Set.of(Role.DUTY_COMMANDER), "desk-1", false);
        CapService asCommander = service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5)),
                AccessGuard.of(fx.db.jdbi(), fx.clock, commander));
        assertFalse(asCommander.repost(id, "zhang").delivered(), "a duty commander may (the endpoint still says 500)");
        assertEquals(2, requests.get());
    }

    @Test
    void anExerciseAlertIsNeverPostedAgainNorFromADrill() {
        CapService drill = service(CapAlert.Status.Exercise, null);
        long exercise = issue(drill).stored().id();
        assertEquals(CapRefused.Reason.NO_ENDPOINT,
                assertThrows(CapRefused.class, () -> drill.repost(exercise, "学员")).reason());
        CapService live = service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5)));
        assertEquals(CapRefused.Reason.EXERCISE,
                assertThrows(CapRefused.class, () -> live.repost(exercise, "值班长")).reason());
        assertEquals(CapRefused.Reason.EXERCISE,
                assertThrows(CapRefused.class, () -> live.post(exercise, "值班长")).reason());
        assertEquals(0, requests.get(), "the endpoint saw nothing");
        assertTrue(audit(exercise).isEmpty());
    }

    @Test
    void theEndpointIsReadFromTheSettingsFileAndAWrongValueIsNamed() throws IOException {
        assertTrue(CapEndpoint.load(dir).isEmpty(), "no file: nothing is posted");
        Files.writeString(dir.resolve(CapFolders.FILE), "cap.post.url = " + url() + "?key=secret\n"
                + "cap.post.timeout.seconds = 5\ncap.post.contentType = text/xml\n");
        CapEndpoint e = CapEndpoint.load(dir).orElseThrow();
        assertEquals(Duration.ofSeconds(5), e.timeout());
        assertEquals(3, e.attempts());
        assertEquals(CapEndpoint.TEXT_XML, e.contentType());
        assertEquals(url().toString(), e.shown(), "the query (it may hold a key) is not shown or audited");
        Files.writeString(dir.resolve(CapFolders.FILE), "cap.post.url = ftp://example.org/cap\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapEndpoint.load(dir)).getMessage()
                .contains("cap.post.url"));
        Files.writeString(dir.resolve(CapFolders.FILE), "cap.post.url = " + url() + "\ncap.post.attempts = 9\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapEndpoint.load(dir)).getMessage()
                .contains("cap.post.attempts"));
    }

    @Test
    void aCancelWhosePostFailedIsListedForSendingAgainUntilDeliveredAndNotOnceExpired() {
        cancelsAwaitingAgain(this.fx, service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5))));
    }

    @Test
    void theCancelsAwaitingAgainAreReadOnPostgresToo() {
        fx.db.close();
        fx = new IntakeFixture(TestDatabases.postgres());
        cancelsAwaitingAgain(fx, service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5))));
    }

    private void cancelsAwaitingAgain(IntakeFixture fx, CapService cap) {
        answers = List.of(200, 500, 200);
        CapService.Issued issued = issue(cap);
        assertTrue(cap.post(issued.stored().id(), "值班长").orElseThrow().delivered());
        CapService.Issued cancel = cap.cancel(issued.stored().id(), "误发", "Sent in error", "值班长");
        assertEquals(List.of(), cap.undeliveredCancels(10), "not posted yet: nothing to send again");
        assertFalse(cap.post(cancel.stored().id(), "值班长").orElseThrow().delivered());
        assertEquals(List.of(cancel.stored().id()), cap.undeliveredCancels(10).stream().map(StoredCap::id).toList());
        // After a restart the failure is read back from the audit trail.
        CapService restarted = service(CapAlert.Status.Actual, endpoint(1, Duration.ofSeconds(5)));
        assertEquals(List.of(cancel.stored().id()), restarted.undeliveredCancels(10).stream().map(StoredCap::id).toList());
        assertTrue(restarted.repost(cancel.stored().id(), "值班长").delivered());
        assertEquals(List.of(), restarted.undeliveredCancels(10), "delivered: no longer listed");
        assertEquals(List.of(), service(CapAlert.Status.Actual, null).undeliveredCancels(10), "no endpoint: none");

        // A failed cancel of a warning that has expired since is not offered any more.
        answers = List.of(500);
        CapService.Issued other = issue(restarted);
        CapService.Issued cancel2 = restarted.cancel(other.stored().id(), "误发", "Sent in error", "值班长");
        assertFalse(restarted.post(cancel2.stored().id(), "值班长").orElseThrow().delivered());
        assertEquals(List.of(cancel2.stored().id()), restarted.undeliveredCancels(10).stream().map(StoredCap::id).toList());
        fx.clock.advance(WarningKind.FRAUD_WAVE.defaultValidity().plusMinutes(1));
        assertEquals(List.of(), restarted.undeliveredCancels(10));
    }
}
