package org.commandroom.app.ui.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.app.CapModule;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapDelivery;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's composition posts our warnings to the endpoint of {@code cap.properties} on the long-I/O executor, and a
 * drill's composition, with the same file, posts nothing: a real HTTP server on the loopback counts what reaches it.
 */
class CapPostingDeskTest {

    @TempDir
    Path dataDir;

    private IntakeFixture fx;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int answer = 200;

    @BeforeEach
    void start() throws IOException {
        fx = new IntakeFixture(TestDatabases.h2());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cap", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(answer, -1);
            ex.close();
        });
        server.start();
        Files.writeString(dataDir.resolve("cap.properties"), "cap.post.url = http://127.0.0.1:"
                + server.getAddress().getPort() + "/cap\ncap.post.attempts = 1\ncap.post.timeout.seconds = 5\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        fx.db.close();
    }

    private CapModule module(boolean drill) {
        Principal who = new Principal(5, "zhang", "张值班长", Set.of(Role.DUTY_COMMANDER), "desk-1", drill);
        return CapModule.prepare(fx.db.jdbi(), fx.clock, dataDir, "test.local", AccessGuard.trusted(), who);
    }

    private long issue(CapService cap) {
        long community = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM community WHERE code = 'C1'")
                .mapTo(Long.class).one());
        return cap.issue(new CapService.Warning(WarningKind.MISSING_CHILD,
                new WarningArea.OfLayer(WarningArea.Layer.COMMUNITY, community),
                new CapService.Texts("南关社区走失儿童", null, null), new CapService.Texts("Missing child in Nanguan", null, null),
                null), "张值班长").stored().id();
    }

    @Test
    void theDeskPostsOnTheLongIoExecutorAndShowsTheDelivery() throws Exception {
        CapModule desk = module(false);
        assertTrue(desk.service().posts());
        AtomicInteger longRuns = new AtomicInteger();
        ExecutorService longIo = Executors.newSingleThreadExecutor();
        Tasks tasks = new Tasks(Runnable::run, r -> {
            longRuns.incrementAndGet();
            longIo.execute(r);
        }, Runnable::run);
        CapAlertsViewModel vm = new CapAlertsViewModel(desk.inbox(), false, tasks, Duration.ofSeconds(60), "张值班长",
                desk.service());
        assertTrue(vm.posts());
        long id = issue(desk.service());
        answer = 500;
        vm.deliver(id);
        longIo.shutdown();
        assertTrue(longIo.awaitTermination(20, TimeUnit.SECONDS));
        assertEquals(1, longRuns.get(), "the post ran on the long-I/O executor");
        assertFalse(vm.postingProperty().contains(id));
        CapDelivery d = vm.deliveries().get(id);
        assertEquals(CapDelivery.Failure.HTTP_STATUS, d.failure());
        assertEquals(1, requests.get());
        assertEquals(List.of(id), vm.ours().stream().map(s -> s.id()).toList(), "the list was read again");
    }

    @Test
    void aDrillWithTheSameSettingsFilePostsNothing() {
        CapModule drill = module(true);
        assertEquals(CapAlert.Status.Exercise, drill.service().settings().status());
        assertFalse(drill.service().posts(), "a drill's service is built without the endpoint");
        Tasks tasks = new Tasks(Runnable::run, Runnable::run);
        CapAlertsViewModel vm = new CapAlertsViewModel(drill.inbox(), false, tasks, Duration.ofSeconds(60), "学员",
                drill.service());
        vm.deliver(issue(drill.service()));
        assertTrue(vm.deliveries().isEmpty());
        assertEquals(0, requests.get(), "no connection reached the endpoint");
    }
}
