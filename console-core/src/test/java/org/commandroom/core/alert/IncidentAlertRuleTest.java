package org.commandroom.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.incident.QueueEntry;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.Entity;
import org.junit.jupiter.api.Test;

/** Which incident changes alert, and as what. */
class IncidentAlertRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private final IncidentAlertRule rule = new IncidentAlertRule();

    private static QueueEntry entry(long id, int priority, IncidentStatus status) {
        return new QueueEntry(id, "J" + id, T0, IncidentType.FIGHT, priority, status, "北街3号", "13800001234",
                "第二警格", "城关派出所", null);
    }

    private static Change change(long id, ChangeOp op) {
        return change(id, op, "ws");
    }

    private static Change change(long id, ChangeOp op, String origin) {
        return new Change(id, T0, Entity.INCIDENT, id, op, origin);
    }

    @Test
    void aNewIncidentAlertsOnceAndAnUrgentOneAlertsAsHighPriorityInstead() {
        List<AlertTrigger> t = rule.triggers(List.of(change(1, ChangeOp.INSERT), change(2, ChangeOp.INSERT)),
                List.of(entry(1, 2, IncidentStatus.NEW), entry(2, 1, IncidentStatus.NEW)), T0);
        assertEquals(List.of(AlertKind.NEW_INCIDENT, AlertKind.HIGH_PRIORITY_INCIDENT),
                t.stream().map(AlertTrigger::kind).toList());
        assertEquals("J1", t.get(0).reference());
        assertEquals("北街3号", t.get(0).detail());
        assertTrue(rule.triggers(List.of(change(1, ChangeOp.UPDATE)), List.of(entry(1, 2, IncidentStatus.DISPATCHED)), T0)
                .isEmpty(), "dispatching it alerts nothing");
    }

    @Test
    void raisingAnOpenIncidentToPriorityOneAlertsButOtherUpdatesDoNot() {
        rule.seed(List.of(entry(7, 3, IncidentStatus.NEW), entry(8, 1, IncidentStatus.NEW)));
        assertTrue(rule.triggers(List.of(change(8, ChangeOp.UPDATE)), List.of(entry(8, 1, IncidentStatus.DISPATCHED)), T0)
                .isEmpty(), "already urgent at start");
        List<AlertTrigger> raised = rule.triggers(List.of(change(7, ChangeOp.UPDATE)), List.of(entry(7, 1, IncidentStatus.NEW)), T0);
        assertEquals(1, raised.size());
        assertEquals(AlertKind.HIGH_PRIORITY_INCIDENT, raised.get(0).kind());
        assertEquals("incident:7:P1", raised.get(0).key());
    }

    @Test
    void incidentsRecordedClosedOrUnknownUpdatesDoNotAlert() {
        assertTrue(rule.triggers(List.of(change(3, ChangeOp.INSERT)), List.of(entry(3, 1, IncidentStatus.CLOSED)), T0).isEmpty());
        assertTrue(rule.triggers(List.of(change(4, ChangeOp.UPDATE)), List.of(entry(4, 1, IncidentStatus.NEW)), T0).isEmpty(),
                "an incident the console never saw before start: its earlier priority is unknown");
    }

    @Test
    void callsThisWorkstationRecordedOrRaisedItselfDoNotAlertIt() {
        IncidentAlertRule mine = new IncidentAlertRule("duty@cmd-01");
        assertTrue(mine.triggers(List.of(change(1, ChangeOp.INSERT, "duty@cmd-01"), change(2, ChangeOp.INSERT, "duty@cmd-01")),
                List.of(entry(1, 2, IncidentStatus.NEW), entry(2, 1, IncidentStatus.NEW)), T0).isEmpty(),
                "the commander typed them in");
        List<AlertTrigger> other = mine.triggers(List.of(change(3, ChangeOp.INSERT, "duty@cmd-02")),
                List.of(entry(3, 1, IncidentStatus.NEW)), T0);
        assertEquals(List.of("J3"), other.stream().map(AlertTrigger::reference).toList(), "another workstation's call alerts");
        assertTrue(mine.triggers(List.of(change(1, ChangeOp.UPDATE, "duty@cmd-01")), List.of(entry(1, 1, IncidentStatus.NEW)), T0)
                .isEmpty(), "raised to priority 1 here");
        mine.triggers(List.of(change(1, ChangeOp.UPDATE, "duty@cmd-01")), List.of(entry(1, 2, IncidentStatus.NEW)), T0);
        List<AlertTrigger> raisedElsewhere = mine.triggers(List.of(change(1, ChangeOp.UPDATE, "duty@cmd-02")),
                List.of(entry(1, 1, IncidentStatus.NEW)), T0);
        assertEquals(List.of(AlertKind.HIGH_PRIORITY_INCIDENT), raisedElsewhere.stream().map(AlertTrigger::kind).toList(),
                "the priority it saw of its own call is kept, so a rise elsewhere still alerts");
    }
}
