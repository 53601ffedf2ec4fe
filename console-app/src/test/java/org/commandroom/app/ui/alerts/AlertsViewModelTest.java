package org.commandroom.app.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.commandroom.app.Fixture;
import org.commandroom.app.ui.common.Tasks;
import org.commandroom.core.alert.AlertAudit;
import org.commandroom.core.alert.AlertCenter;
import org.commandroom.core.alert.AlertKind;
import org.commandroom.core.alert.AlertPolicy;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.ChangeRecorder;
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
    void callsThisWorkstationRecordedDoNotAlertItWhileAnotherWorkstationsDo() {
        // the fixture's writes carry origin "test": make that this console's own workstation
        AlertTone tone = new AlertTone(Runnable::run, fx.clock, Duration.ofMillis(1500), f -> new SilentClip());
        AlertsViewModel mine = new AlertsViewModel(fx.incidents, feed, null, new AlertCenter(fx.clock, AlertPolicy.defaults()),
                new AlertAudit(fx.db.jdbi(), fx.clock, "test"), new Tasks(Runnable::run, Runnable::run), fx.clock,
                fx.clock.instant(), tone, "值班长李明");
        mine.start();
        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷1号");
        IncidentService other = new IncidentService(fx.db.jdbi(), new ChangeRecorder(fx.clock, "cmd-02"));
        other.record(new Incident(0, "J20261123-09001", fx.clock.instant(), "13900001111", "南街5号",
                GeoPoint.wgs84(29.21, 103.71), IncidentType.FIGHT, 1, null, fx.stationId, fx.gridId, IncidentStatus.NEW, null, 0));
        feed.poll();
        assertEquals(1, mine.alerts().size(), "only the other workstation's call");
        assertEquals("J20261123-09001", mine.alerts().get(0).first().reference());
        assertEquals(1, tone.played(AlertSound.Level.URGENT));
        assertEquals(0, tone.played(AlertSound.Level.ROUTINE));
        mine.stop();
    }

    @Test
    void routineCallsAreCountedWithTheSoftToneAndAnUrgentOneSoundsLoudApart() {
        AlertTone tone = new AlertTone(Runnable::run, fx.clock, Duration.ofMillis(1500), f -> new SilentClip());
        AlertsViewModel vm2 = new AlertsViewModel(fx.incidents, feed, null, new AlertCenter(fx.clock, AlertPolicy.defaults()),
                new AlertAudit(fx.db.jdbi(), fx.clock, "ws-test"), new Tasks(Runnable::run, Runnable::run), fx.clock,
                fx.clock.instant(), tone, "值班长李明");
        vm2.start();
        for (int i = 0; i < 3; i++) {
            fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷" + i + "号");
            feed.poll();
            fx.clock.advance(Duration.ofMinutes(2));
        }
        assertEquals(1, vm2.alerts().size(), "one counter");
        assertEquals(3, vm2.alerts().get(0).count());
        assertEquals(3, tone.played(AlertSound.Level.ROUTINE), "a soft tone per call two minutes apart");
        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        feed.poll();
        assertEquals(List.of(AlertKind.HIGH_PRIORITY_INCIDENT, AlertKind.NEW_INCIDENT),
                vm2.alerts().stream().map(a -> a.kind()).toList(), "the urgent call apart, first");
        assertEquals(1, tone.played(AlertSound.Level.URGENT));
        vm2.stop();
    }

    @Test
    void anOfficersEmergencySoundsLoudAndStandsAboveEveryOtherAlertOncePerButtonPress() {
        AlertTone tone = new AlertTone(Runnable::run, fx.clock, Duration.ofMillis(1500), f -> new SilentClip());
        AlertsViewModel vm2 = new AlertsViewModel(fx.incidents, feed, null, new AlertCenter(fx.clock, AlertPolicy.defaults()),
                new AlertAudit(fx.db.jdbi(), fx.clock, "ws-test"), new Tasks(Runnable::run, Runnable::run), fx.clock,
                fx.clock.instant(), tone, "值班长李明");
        vm2.start();
        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "东大街8号");
        feed.poll();
        fx.clock.advance(Duration.ofMinutes(1));
        org.commandroom.core.dispatch.push.UnitEmergency e = new org.commandroom.core.dispatch.push.UnitEmergency(7,
                "城关01", "e-1", fx.clock.instant(), null,
                new org.commandroom.core.geo.GeoPoint(30.11, 104.21, org.commandroom.core.geo.Datum.WGS84),
                fx.clock.instant().minusSeconds(20), "遇袭");
        vm2.emergency(e);
        vm2.emergency(e);   // heard again (a redelivery, a second listener): no second alert
        fx.clock.advance(Duration.ofMinutes(1));
        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "西大街2号");
        feed.poll();
        assertEquals(List.of(AlertKind.UNIT_EMERGENCY, AlertKind.HIGH_PRIORITY_INCIDENT, AlertKind.HIGH_PRIORITY_INCIDENT),
                vm2.alerts().stream().map(a -> a.kind()).toList(), "the emergency first, even above a newer urgent call");
        assertEquals("城关01", vm2.alerts().get(0).first().reference());
        assertEquals("30.11000,104.21000 WGS84 遇袭", vm2.alerts().get(0).first().detail(), "with the unit's last position");
        assertEquals(3, tone.played(AlertSound.Level.URGENT), "the loud tone for the emergency too, once");
        vm2.stop();
    }

    @Test
    void aMissingSoundDeviceIsKnownBeforeTheFirstAlertAndWhenATonefails() {
        AtomicInteger asked = new AtomicInteger();
        AlertTone none = new AlertTone(Runnable::run, fx.clock, Duration.ofMillis(1500), f -> {
            asked.incrementAndGet();
            throw new IllegalArgumentException("No line matching interface Clip supporting format " + f);
        });
        AlertsViewModel deaf = new AlertsViewModel(fx.incidents, feed, null, new AlertCenter(fx.clock, AlertPolicy.defaults()),
                new AlertAudit(fx.db.jdbi(), fx.clock, "ws-test"), new Tasks(Runnable::run, Runnable::run), fx.clock,
                fx.clock.instant(), none, "值班长李明");
        deaf.start();
        assertTrue(deaf.soundMissingProperty().get(), "probed at start");
        AlertTone some = new AlertTone(Runnable::run, fx.clock, Duration.ofMillis(1500), f -> new SilentClip());
        AlertsViewModel hearing = new AlertsViewModel(fx.incidents, feed, null, new AlertCenter(fx.clock, AlertPolicy.defaults()),
                new AlertAudit(fx.db.jdbi(), fx.clock, "ws-test"), new Tasks(Runnable::run, Runnable::run), fx.clock,
                fx.clock.instant(), some, "值班长李明");
        hearing.start();
        assertFalse(hearing.soundMissingProperty().get());
        deaf.stop();
        hearing.stop();
    }

    @Test
    void acknowledgingRecordsWhoAndWhenInTheAuditLog() {
        vm.start();
        fx.incident(IncidentType.NOISE, 3, IncidentStatus.NEW, Duration.ZERO, "西巷1号");
        fx.clock.advance(Duration.ofSeconds(5));
        fx.incident(IncidentType.ROBBERY, 1, IncidentStatus.NEW, Duration.ZERO, "西巷2号");
        feed.poll();
        assertEquals(2, vm.alerts().size(), "the urgent call and the counter of routine ones");
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
