package org.commandroom.core.dispatch.push;

import static org.commandroom.core.dispatch.push.PushScenarios.WAIT;
import static org.commandroom.core.dispatch.push.PushScenarios.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.dispatch.OrderTimes;
import org.commandroom.core.dispatch.ResponseTimes;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.store.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message of protocol 2 and its bad forms, through a real Mosquitto, on H2 and PostgreSQL: a terminal (Paho,
 * a different client from the console's) sends each message; the console applies the good ones and rejects each bad
 * one with one WARN line, changing nothing; the order's changes reach the terminals as the schemas say.
 */
class TerminalProtocolOverMosquittoTest {

    private static MosquittoBroker broker;
    private final TerminalProtocol protocol = TerminalProtocol.get();

    @BeforeAll
    static void startMosquitto() throws Exception {
        MosquittoSupport.requireInstalled();
        broker = MosquittoSupport.startBroker();
    }

    @AfterAll
    static void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void receiptSignStatusAndFeedbackMoveTheOrderAndStampItsTimes(TestDb kind) throws Exception {
        try (TerminalRig rig = new TerminalRig(kind, broker.serverUri());
             TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Order o = rig.f.issueToUnit();
            rig.publisher.wake();
            JsonNode order = terminal.nextOrder(WAIT);
            assertNotNull(order, "the terminal got the order");
            assertEquals(List.of(), protocol.checkOutbound(order.toString()), "the ORDER matches order.schema.json");
            await("at the broker", () -> rig.f.status(o.id()).state() == PushStatus.State.AT_BROKER);

            terminal.ack("r-1", o.id(), AckAction.RECEIPT, null);
            await("received by the terminal", () -> rig.f.status(o.id()).state() == PushStatus.State.RECEIVED);
            terminal.ack("s-1", o.id(), AckAction.SIGN, null);
            await("signed", () -> rig.f.status(o.id()).state() == PushStatus.State.SIGNED);

            String uid = rig.uid(o.id());
            Instant t = Instant.parse("2026-11-23T02:06:00Z");
            terminal.publishRaw(PushMessages.statusJson("st-1", "EN_ROUTE", o.id(), uid, t));
            terminal.publishRaw(PushMessages.statusJson("st-2", "ON_SCENE", null, null, t.plusSeconds(240)));
            terminal.publishRaw(PushMessages.feedbackJson("fb-1", o.id(), uid, AckAction.FEEDBACK, "已到场，双方已调解",
                    List.of("https://files.example/ga/photo-1.jpg"), t.plusSeconds(900)));
            terminal.publishRaw(PushMessages.statusJson("st-3", "AVAILABLE", o.id(), uid, t.plusSeconds(960)));
            await("cleared", () -> rig.f.orders.times(o.id()).orElseThrow().clearedAt() != null);

            Order done = rig.f.orders.find(o.id()).orElseThrow();
            assertEquals(OrderStatus.FED_BACK, done.status());
            List<OrderEvent> trail = rig.f.orders.trail(o.id());
            assertEquals(List.of(OrderEventType.CREATED, OrderEventType.ISSUED, OrderEventType.RECEIVED,
                    OrderEventType.SIGNED, OrderEventType.EN_ROUTE, OrderEventType.ON_SCENE, OrderEventType.FED_BACK,
                    OrderEventType.CLEARED), trail.stream().map(OrderEvent::event).toList());
            assertTrue(trail.get(6).detail().contains("https://files.example/ga/photo-1.jpg"), "the photo's reference is kept");
            OrderTimes times = rig.f.orders.times(o.id()).orElseThrow();
            assertNotNull(times.receivedAt());
            assertNotNull(times.enRouteAt());
            assertNotNull(times.onSceneAt());
            ResponseTimes rt = times.responseTimes();
            assertNotNull(rt.dispatchToOnScene());
            assertNotNull(rt.callToOnScene());
            assertEquals(3, rig.count("SELECT COUNT(*) FROM unit_status_history WHERE unit_id = " + rig.f.unitId));
            assertEquals("AVAILABLE", rig.f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT status FROM patrol_unit WHERE id = :id").bind("id", rig.f.unitId).mapTo(String.class).one()));
            assertEquals(Instant.parse("2026-11-23T02:10:00Z"), rig.f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT on_scene_terminal_at FROM work_order WHERE id = :id").bind("id", o.id())
                    .mapTo(Instant.class).one()), "the terminal's own on-scene time is kept beside the console's");
            assertEquals(List.of(), rig.warnings(), "nothing was rejected");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void aPositionGoesThroughTheBatchedIngestInTheDatumItStates(TestDb kind) throws Exception {
        try (TerminalRig rig = new TerminalRig(kind, broker.serverUri());
             TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Instant fixAt = Instant.parse("2026-11-23T02:07:00Z");
            GeoPoint gcj = new GeoPoint(30.60, 104.07, Datum.GCJ02);
            // A terminal configured with a call-sign the bureau does not have reports every second: one warning.
            for (int i = 0; i < 3; i++) {
                terminal.publishOn(PushTopics.ack(PushFixture.BUREAU, "城关99"),
                        PushMessages.positionJson("u-" + i, gcj, fixAt.plusSeconds(i), 6.5, 11.0, 93.0));
            }
            terminal.publishRaw(PushMessages.positionJson("p-1", gcj, fixAt, 6.5, 11.0, 93.0));
            await("offered to the ingest", () -> rig.ingest.stats().offered() == 1);
            assertEquals(1, rig.warnings().size(), "an unknown unit's positions are warned about once: " + rig.warnings());
            assertTrue(rig.warnings().get(0).contains("城关99 is not a unit of bureau B1"), rig.warnings().toString());
            assertEquals(1, rig.ingest.flush(), "one unit moved in one batch");
            double[] stored = rig.f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT lat, lon, heading FROM patrol_unit WHERE id = :id").bind("id", rig.f.unitId)
                    .map((rs, c) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)}).one());
            GeoPoint wgs = org.commandroom.core.geo.DatumConverter.convert(gcj, Datum.WGS84);
            assertEquals(wgs.lat(), stored[0], 1e-9, "stored in the map's datum (WGS-84), converted from GCJ-02");
            assertEquals(wgs.lon(), stored[1], 1e-9);
            assertEquals(93.0, stored[2], 1e-9);
            assertEquals("terminal:城关01|11.0|6.5", rig.f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT source, speed_mps, accuracy_m FROM unit_fix WHERE unit_id = :id").bind("id", rig.f.unitId)
                    .map((rs, c) -> rs.getString(1) + "|" + rs.getDouble(2) + "|" + rs.getDouble(3)).one()));
            assertEquals(0, rig.count("SELECT COUNT(*) FROM push_inbound"), "positions are not recorded one by one");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void theEmergencyButtonIsRecordedAndToldWithTheUnitsLastPosition(TestDb kind) throws Exception {
        try (TerminalRig rig = new TerminalRig(kind, broker.serverUri());
             TestTerminal terminal = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN)) {
            Instant fixAt = Instant.parse("2026-11-23T02:01:00Z");
            rig.f.db.jdbi().useHandle(h -> h.createUpdate("UPDATE patrol_unit SET lat = 30.11, lon = 104.21, "
                    + "datum = 'WGS84', fix_at = :t WHERE id = :id").bind("t", fixAt).bind("id", rig.f.unitId).execute());
            terminal.publishRaw(PushMessages.emergencyJson("e-1", null, Instant.parse("2026-11-23T02:02:00Z"), "遇袭"));
            terminal.publishRaw(PushMessages.emergencyJson("e-1", null, Instant.parse("2026-11-23T02:02:00Z"), "遇袭"));
            await("told twice (the second a duplicate)", () -> rig.emergencies.size() == 2);
            UnitEmergency e = rig.emergencies.get(0);
            assertEquals(rig.f.unitId, e.unitId());
            assertEquals("城关01", e.callSign());
            assertEquals(new GeoPoint(30.11, 104.21, Datum.WGS84), e.position());
            assertEquals(fixAt, e.fixAt());
            assertEquals("遇袭", e.text());
            assertEquals(1, rig.count("SELECT COUNT(*) FROM unit_emergency"), "recorded once");
            assertEquals(1, rig.count("SELECT COUNT(*) FROM unit_emergency WHERE lat = 30.11 AND fix_at IS NOT NULL"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void badFormsAreRejectedLoggedOnceEachAndChangeNothing(TestDb kind) throws Exception {
        try (TerminalRig rig = new TerminalRig(kind, broker.serverUri());
             TestTerminal own = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN);
             TestTerminal otherUnit = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, "城关02");
             TestTerminal otherBureau = new TestTerminal(broker.serverUri(), "B2", PushFixture.CALL_SIGN)) {
            Order o = rig.f.issueToUnit();
            rig.publisher.wake();
            assertNotNull(own.nextOrder(WAIT));
            String uid = rig.uid(o.id());
            Instant at = Instant.parse("2026-11-23T02:05:00Z");
            List<String> bad = new ArrayList<>();
            bad.add("签收 {not json");                                                                     // malformed
            bad.add("[1,2,3]");                                                                            // not an object
            bad.add("{\"v\":1,\"messageId\":\"x\",\"orderId\":" + o.id() + ",\"action\":\"SIGN\"}");          // version 1
            bad.add("{\"v\":2,\"type\":\"SIGN\",\"messageId\":\"x-3\",\"orderId\":\"abc\",\"orderUid\":\"" + uid + "\"}"); // schema
            bad.add("{\"v\":2,\"type\":\"STATUS\",\"messageId\":\"x-4\",\"status\":\"NAPPING\",\"at\":\"2026-11-23T02:05:00Z\"}");
            bad.add(PushMessages.ackJson("x-5", o.id() + 999, uid, AckAction.SIGN, null, at));              // unknown order
            bad.add(PushMessages.ackJson("x-6", o.id(), UUID.randomUUID().toString(), AckAction.SIGN, null, at)); // wrong uid
            bad.add("{\"v\":2,\"type\":\"FEEDBACK\",\"messageId\":\"x-7\",\"orderId\":" + o.id() + ",\"orderUid\":\""
                    + uid + "\",\"text\":\"" + "长".repeat(6000) + "\"}");                                     // oversize
            for (String b : bad) {
                own.publishRaw(b);
            }
            otherUnit.publishRaw(PushMessages.ackJson("x-8", o.id(), uid, AckAction.SIGN, null, at));       // wrong unit
            otherBureau.publishRaw(PushMessages.ackJson("x-9", o.id(), uid, AckAction.SIGN, null, at));     // other bureau
            // Then a good message from the same terminal: once it is applied, everything before it was handled.
            own.ack("good-1", o.id(), AckAction.RECEIPT, null);
            await("the good receipt applied", () -> rig.f.status(o.id()).state() == PushStatus.State.RECEIVED);
            await("every bad one from B1 was heard", () -> rig.warnings().size() >= bad.size() + 1);
            PushScenarios.assertNeverTrue(() -> rig.warnings().size() > bad.size() + 1, Duration.ofMillis(500));

            List<String> warnings = rig.warnings();
            assertEquals(bad.size() + 1, warnings.size(), "one WARN per rejected message: " + warnings);
            assertTrue(warnings.stream().anyMatch(w -> w.contains("not JSON")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("unsupported protocol version 1")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("SIGN does not match its schema")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("over the limit")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("does not exist")), warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("is 城关01's")), "wrong unit: " + warnings);
            assertTrue(warnings.stream().noneMatch(w -> w.contains("B2")), "another bureau's topic never reached this console");

            assertEquals(OrderStatus.ISSUED, rig.f.orders.find(o.id()).orElseThrow().status(), "nothing moved the order");
            assertEquals(List.of("good-1"), rig.f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT message_id FROM push_inbound").mapTo(String.class).list()), "only the good one recorded");
            assertEquals(0, rig.count("SELECT COUNT(*) FROM unit_status_history"));
            assertEquals("AVAILABLE", rig.f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT status FROM patrol_unit WHERE id = :id").bind("id", rig.f.unitId).mapTo(String.class).one()));
            // And directly: a message on another bureau's topic, were a broker to deliver it, is refused.
            assertEquals(TerminalAckListener.Outcome.REJECTED, rig.listener.onMessage("console/B2/unit/县B01/ack",
                    PushMessages.statusJson("x-10", "OFF_DUTY", null, null, at).getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, rig.count("SELECT COUNT(*) FROM unit_status_history"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDb.class)
    void everyChangeOfAnOrderReachesTheTerminalsItConcerns(TestDb kind) throws Exception {
        try (TerminalRig rig = new TerminalRig(kind, broker.serverUri());
             TestTerminal first = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, PushFixture.CALL_SIGN);
             TestTerminal second = new TestTerminal(broker.serverUri(), PushFixture.BUREAU, "城关02")) {
            Order o = rig.f.issueToUnit();
            rig.publisher.wake();
            assertEquals("ORDER", first.nextOrder(WAIT).get("type").asText());

            assertTrue(rig.f.orders.reassign(o.id(), rig.unit2, "值班长", "城关01车辆故障"));
            rig.publisher.wake();
            JsonNode cancel = first.nextOrder(WAIT);
            assertEquals("CANCEL", cancel.get("type").asText());
            assertEquals("REASSIGNED", cancel.get("reason").asText());
            assertEquals(List.of(), protocol.checkOutbound(cancel.toString()));
            JsonNode given = second.nextOrder(WAIT);
            assertEquals("ORDER", given.get("type").asText());
            assertEquals(rig.uid(o.id()), given.get("orderUid").asText(), "the same order, same identity");
            await("the new unit's order is at the broker", () -> rig.f.status(o.id()).state() == PushStatus.State.AT_BROKER);

            second.ack("s-1", o.id(), AckAction.SIGN, null);
            await("signed by 城关02", () -> rig.f.orders.find(o.id()).orElseThrow().status() == OrderStatus.SIGNED);
            first.ack("s-old", o.id(), AckAction.SIGN, null);   // the old unit can no longer sign
            second.ack("f-1", o.id(), AckAction.FEEDBACK, "已处置");
            await("fed back", () -> rig.f.orders.find(o.id()).orElseThrow().status() == OrderStatus.FED_BACK);
            assertEquals("城关02", rig.f.orders.trail(o.id()).stream()
                    .filter(e -> e.event() == OrderEventType.SIGNED).findFirst().orElseThrow().actor());

            assertTrue(rig.f.orders.returnForMoreWork(o.id(), "值班长", "请补充当事人身份信息"));
            rig.publisher.wake();
            JsonNode amend = second.nextOrder(WAIT);
            assertEquals("AMEND", amend.get("type").asText());
            assertEquals("请补充当事人身份信息", amend.get("note").asText());
            assertEquals(List.of(), protocol.checkOutbound(amend.toString()));
            assertEquals(OrderStatus.SIGNED, rig.f.orders.find(o.id()).orElseThrow().status(), "back for more work");

            second.ack("f-2", o.id(), AckAction.FEEDBACK, "已补充");
            await("fed back again", () -> rig.f.orders.find(o.id()).orElseThrow().status() == OrderStatus.FED_BACK);
            assertTrue(rig.f.orders.close(o.id(), "值班长", "办结"));
            rig.publisher.wake();
            JsonNode close = second.nextOrder(WAIT);
            assertEquals("CLOSE", close.get("type").asText());
            assertEquals(List.of(), protocol.checkOutbound(close.toString()));

            Order other = rig.f.issueToUnit();
            rig.publisher.wake();
            assertEquals("ORDER", first.nextOrder(WAIT).get("type").asText());
            assertTrue(rig.f.orders.cancel(other.id(), "值班长", "报警人撤警"));
            rig.publisher.wake();
            JsonNode cancelled = first.nextOrder(WAIT);
            assertEquals("CANCEL", cancelled.get("type").asText());
            assertEquals("CANCELLED", cancelled.get("reason").asText());
            assertEquals(OrderStatus.CLOSED, rig.f.orders.find(other.id()).orElseThrow().status());
            assertNull(second.nextOrder(Duration.ofMillis(300)), "the other unit heard nothing of it");
        }
    }
}
