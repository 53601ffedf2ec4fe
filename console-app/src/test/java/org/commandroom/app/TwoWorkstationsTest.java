package org.commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.app.ui.orders.OrdersViewModel;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.SharedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two consoles, each a full stack as started by {@link AppContext} (its own pool, change feed, push with an
 * embedded broker, escalation monitor), on one database reached over the network: an H2 TCP server in
 * another process, and PostgreSQL. What one issues or closes, the other's orders panel shows within a second.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(SharedDatabase.Kind.class)
class TwoWorkstationsTest {

    @Parameter
    SharedDatabase.Kind kind;

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private SharedDatabase shared;
    private AppContext a;
    private AppContext b;
    private final ExecutorService fxB = Executors.newSingleThreadExecutor(r -> new Thread(r, "fx-b"));
    private final ExecutorService ioB = Executors.newSingleThreadExecutor(r -> new Thread(r, "io-b"));

    @BeforeEach
    void setUp() throws Exception {
        shared = kind.create();
        a = start(dirA, Runnable::run);
        b = start(dirB, fxB);
    }

    private AppContext start(Path dir, java.util.concurrent.Executor fx) throws Exception {
        DbSettings s = shared.settings();
        Files.writeString(dir.resolve(DbSettings.CONFIG_FILE), "user=" + s.user() + "\npassword=" + s.password() + "\n");
        return org.commandroom.app.TestUsers.signedIn(new AppContext(LaunchOptions.parse(List.of("--db", s.jdbcUrl(), "--data-dir", dir.toString()), Map.of()),
                Clock.systemUTC(), fx));
    }

    @AfterEach
    void tearDown() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        fxB.shutdownNow();
        ioB.shutdownNow();
        shared.close();
    }

    private <T> T onFxB(java.util.concurrent.Callable<T> c) throws Exception {
        return fxB.submit(c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anOrderIssuedOnOneWorkstationIsOnTheOthersOrdersListWithinOneSecondAndLeavesItWhenClosed() throws Exception {
        AppServices sa = a.connect();
        AppServices sb = b.connect();
        long[] ids = sa.database().jdbi().withHandle(h -> {
            long bureau = h.createUpdate("INSERT INTO bureau (code, name) VALUES ('B1', '测试县局')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long station = h.createUpdate("INSERT INTO station (bureau_id, code, name, kind) VALUES (:b, 'S1', '城关派出所', 'STATION')")
                    .bind("b", bureau).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long unit = h.createUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, status) VALUES ('城关01', 'CAR', :s, 'AVAILABLE')")
                    .bind("s", station).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new long[] {station, unit};
        });
        Workflow wb = sb.workflow();
        OrdersViewModel onB = onFxB(() -> {
            OrdersViewModel vm = new OrdersViewModel(wb.followUp(), sb.feed(), new Tasks(ioB, fxB), Clock.systemUTC(),
                    wb.push(), wb.role(), "乙值班长");
            vm.activate();
            return vm;
        });
        Thread.sleep(600); // the panel has loaded (empty) and B's feed has polled: what follows is live

        Order o = sa.orders().createAndIssue(new OrderDraft(OrderKind.DISPATCH, null, IncidentType.FIGHT, ids[0], ids[1],
                null, "速到北街3号", null), "甲值班长");
        long committed = System.nanoTime();
        long seen = awaitOnB(onB, vm -> vm.rows().stream().anyMatch(r -> r.getEntry().id() == o.id()));
        long millis = (seen - committed) / 1_000_000;
        assertTrue(millis < 1000, "seen on the other workstation after " + millis + " ms");
        assertEquals(OrderStatus.ISSUED, onFxB(() -> onB.rows().get(0).getEntry().status()));

        sa.orders().sign(o.id(), "城关01");
        sa.orders().feedback(o.id(), "城关01", "已处置");
        sa.workflow().followUp().reviewAndClose(o.id(), "甲值班长", "同意办结");
        long closed = System.nanoTime();
        long gone = awaitOnB(onB, vm -> vm.rows().isEmpty());
        assertTrue((gone - closed) / 1_000_000 < 1000, "closed on A, gone from B within a second");
    }

    private long awaitOnB(OrdersViewModel vm, java.util.function.Predicate<OrdersViewModel> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (onFxB(() -> condition.test(vm))) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("not seen on the other workstation within 5 s");
    }
}
