package org.commandroom.app.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.alert.AlertCenter;
import org.commandroom.core.alert.AlertKind;
import org.commandroom.core.alert.AlertPolicy;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.live.ChangeFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts from the live feed, the tone, and the acknowledgement in the audit log; no FX toolkit. */
class AlertsViewModelTest {

    private Fixture fx;
    private ScheduledExecutorService unused;
    private ChangeFeed feed;
    private final AtomicInteger tones = new AtomicInteger();
    private AlertsViewModel vm;

    @BeforeEach
    void setUp() {
        fx = Fixture.inMemory();
        unused = Executors.newSingleThreadScheduledExecutor();
        feed = fx.feed(unused, Runnable::run, Duration.ofMillis(250));
        feed.poll();
        vm = new AlertsViewModel(fx.incidents, feed, null, new AlertCenter(fx.clock, AlertPolicy.defaults()),
                new AlertAudit(fx.db.jdbi(), fx.clock, "ws-test"), new Tasks(Runnable::run, Runnable::run), fx.clock,
                fx.clock.instant(), tones::incrementAndGet, "值班长李明");
    }

    @AfterEach
    void tearDown() {
        unused.shutdownNow();
        fx.close();
    }

    @Test
    void anIncidentOpenAtStartIsSilentANewOneAlertsWithATone() {
        fx.incident(IncidentType.FIGHT, 2, IncidentStatus.NEW, Duration.ofMinutes(5), "北街3号");
        vm.start();
        feed.poll();
        assertTrue(vm.alerts().isEmpty(), "the queue at start does not alert");

        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        feed.poll();
        assertEquals(1, vm.alerts().size());
        assertEquals(AlertKind.HIGH_PRIORITY_INCIDENT, vm.alerts().get(0).kind());
        assertEquals(1, tones.get());
    }

    @Test
    void twelveCallsAtOnceAreOneGroupedAlertAndOneTone() {
        vm.start();
        for (int i = 0; i < 12; i++) {
            fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷" + i + "号");
        }
        feed.poll();
        assertEquals(1, vm.alerts().size());
        assertEquals(12, vm.alerts().get(0).count());
        assertEquals(1, tones.get());
    }

    @Test
    void acknowledgingRecordsWhoAndWhenInTheAuditLog() {
        vm.start();
        fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷1号");
        fx.clock.advance(Duration.ofSeconds(5));
        fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷2号");
        feed.poll();
        assertEquals(2, vm.alerts().size());
        fx.clock.advance(Duration.ofSeconds(30));
        vm.acknowledge(vm.alerts().get(0));
        assertEquals(1, vm.alerts().size());
        vm.acknowledgeAll();
        assertTrue(vm.alerts().isEmpty());
        var rows = fx.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT actor || '|' || workstation || '|' || action || '|' || entity FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.equals("值班长李明|ws-test|ALERT_ACK|INCIDENT")), rows.toString());
        assertEquals(fx.clock.instant(), fx.db.jdbi().withHandle(h -> h.createQuery("SELECT MIN(at) FROM audit_log")
                .mapTo(java.time.OffsetDateTime.class).one()).toInstant());
    }
}
