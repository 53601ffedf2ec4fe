package org.commandroom.core.dispatch.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.field.PositionFix;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.field.PositionIngest;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what terminals send (protocol version 2, docs/PUSH.md): subscribes to its own bureau's uplink topics
 * ({@code console/{bureau}/unit/+/ack}, never another bureau's), checks each message against its JSON Schema
 * ({@link TerminalProtocol}) and then:
 * <ul>
 *   <li>RECEIPT, SIGN, FEEDBACK move the order through {@link OrderService} with the unit's call-sign (from the topic)
 *       as the actor;</li>
 *   <li>STATUS sets the unit's status, appends to its status history and stamps the order's en-route, on-scene or
 *       cleared time;</li>
 *   <li>POSITION goes to the batched position ingest (never one transaction per fix);</li>
 *   <li>EMERGENCY is recorded with the unit's last position and told to the emergency listener (the loudest
 *       alert).</li>
 * </ul>
 * Idempotent: every message but a position is recorded by its messageId in {@code push_inbound} in the same
 * transaction as its effect, and the order's status guards ignore a second step. A message that is too long, not
 * JSON, not version 2, against its schema, from a unit that is not this bureau's, or about an order that is not
 * the unit's is rejected: one WARN line with the reason, nothing changed. Nothing here throws back into the channel.
 */
public final class TerminalAckListener {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalAckListener.class);

    /** What became of one message. */
    public enum Outcome {
        /** The order or the unit moved (or the position was taken, the emergency recorded). */
        APPLIED,
        /** Valid, but the order had already passed that step; recorded, nothing changed. */
        IGNORED,
        /** The same messageId was handled before; nothing changed. */
        DUPLICATE,
        /** Unreadable, or about an unknown order or unit, or another unit's order; dropped. */
        REJECTED,
        /** The database is gone: not applied now, to be offered again (the broker is not told it was received). */
        RETRY
    }

    private final Jdbi jdbi;
    private final OrderService orders;
    private final Clock clock;
    private final String bureauCode;
    private final ChangeRecorder changes;
    private final TerminalProtocol protocol = TerminalProtocol.get();
    private final Map<String, Long> unitIds = new ConcurrentHashMap<>();
    private final java.util.Set<String> unknownPositions = ConcurrentHashMap.newKeySet();
    private volatile Function<PositionFix, PositionIngest.Offer> positions = f -> PositionIngest.Offer.CLOSED;
    private volatile Consumer<UnitEmergency> emergencies = e -> { };

    /** @param bureauCode this console's bureau: the only one whose terminals it hears */
    public TerminalAckListener(Jdbi jdbi, OrderService orders, Clock clock, String bureauCode) {
        this(jdbi, orders, clock, bureauCode, new ChangeRecorder(clock, "terminal"));
    }

    /** @param changes records the unit's status change for the map and the unit board */
    public TerminalAckListener(Jdbi jdbi, OrderService orders, Clock clock, String bureauCode, ChangeRecorder changes) {
        this.jdbi = jdbi;
        this.orders = orders;
        this.clock = clock;
        this.bureauCode = bureauCode;
        this.changes = changes;
        PushTopics.ackFilter(bureauCode); // refuses a wildcard bureau at once
    }

    /** Where POSITION messages go: the batched ingest's {@code offer} (never blocks). */
    public TerminalAckListener positionsTo(Function<PositionFix, PositionIngest.Offer> sink) {
        this.positions = sink;
        return this;
    }

    /**
     * Told of every valid EMERGENCY of a known unit, after it is recorded, on the channel's thread (keep it short).
     * A message that another workstation recorded first (DUPLICATE here) is told too, so every console sounds.
     */
    public TerminalAckListener emergenciesTo(Consumer<UnitEmergency> listener) {
        this.emergencies = listener;
        return this;
    }

    /** Subscribes on the channel; messages are then handled on the channel's inbound thread. */
    public void subscribeTo(PushChannel channel) {
        channel.subscribe(PushTopics.ackFilter(bureauCode), (topic, payload) -> onMessage(topic, payload) != Outcome.RETRY);
    }

    /** Handles one message; never throws. */
    public Outcome onMessage(String topic, byte[] payload) {
        TerminalMessage m;
        try {
            m = protocol.parse(topic, payload, bureauCode);
        } catch (MalformedAckException e) {
            LOG.warn("Rejected terminal message on {}: {} (payload: {})", topic, e.getMessage(), preview(payload));
            return Outcome.REJECTED;
        }
        try {
            return m.type() == AckAction.POSITION ? position(m) : apply(m);
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                LOG.info("Terminal message {} from {} handled concurrently elsewhere; ignored", m.messageId(), m.callSign());
                return Outcome.DUPLICATE;
            }
            if (Database.isConnectionLoss(e)) {
                LOG.warn("Terminal message {} ({}) from {} waits for the database: {}", m.messageId(), m.type(),
                        m.callSign(), e.getMessage());
                return Outcome.RETRY;
            }
            LOG.error("Could not apply terminal message {} ({}) from {}", m.messageId(), m.type(), m.callSign(), e);
            return Outcome.REJECTED;
        }
    }

    private Outcome position(TerminalMessage m) {
        Optional<Long> unit = unitId(m.callSign());
        if (unit.isEmpty()) {
            // A terminal set up with a wrong call-sign reports every second: say so once per call-sign, not each time.
            if (unknownPositions.add(m.callSign())) {
                LOG.warn("Rejected POSITION {}: {} is not a unit of bureau {} (further positions from it are dropped "
                        + "without a warning)", m.messageId(), m.callSign(), bureauCode);
            } else {
                LOG.debug("Dropped POSITION {} of unknown unit {}", m.messageId(), m.callSign());
            }
            return Outcome.REJECTED;
        }
        PositionFix fix = new PositionFix(unit.get(), m.position(), m.fixAt(), m.speedMps(), m.headingDeg(),
                m.accuracyM(), "terminal:" + m.callSign());
        PositionIngest.Offer o = positions.apply(fix);
        return switch (o) {
            case QUEUED, REPLACED -> Outcome.APPLIED;
            case STALE -> Outcome.IGNORED;
            case FULL, CLOSED -> {
                LOG.debug("POSITION {} from {} not taken: ingest {}", m.messageId(), m.callSign(), o);
                yield Outcome.IGNORED;
            }
        };
    }

    private Optional<Long> unitId(String callSign) {
        Long id = unitIds.get(callSign);
        if (id != null) {
            return Optional.of(id);
        }
        Optional<Long> found = jdbi.withHandle(h -> h.attach(PushDao.class).unitOfBureau(callSign, bureauCode))
                .map(PushDao.UnitHere::id);
        found.ifPresent(v -> unitIds.put(callSign, v));
        return found;
    }

    private Outcome apply(TerminalMessage m) {
        UnitEmergency[] raised = {null};
        Outcome outcome = jdbi.inTransaction(h -> {
            PushDao dao = h.attach(PushDao.class);
            Optional<PushDao.UnitHere> unit = dao.unitOfBureau(m.callSign(), bureauCode);
            if (unit.isEmpty()) {
                LOG.warn("Rejected {} {}: {} is not a unit of bureau {}", m.type(), m.messageId(), m.callSign(), bureauCode);
                return Outcome.REJECTED;
            }
            if (m.orderId() != null) {
                Optional<String> problem = orderProblem(dao, m);
                if (problem.isPresent()) {
                    LOG.warn("Rejected {} {} from {}: {}", m.type(), m.messageId(), m.callSign(), problem.get());
                    return Outcome.REJECTED;
                }
            }
            if (dao.inboundCount(m.messageId()) > 0) {
                LOG.info("Duplicate terminal message {} ({}) from {}; ignored", m.messageId(), m.type(), m.callSign());
                if (m.type() == AckAction.EMERGENCY) {
                    raised[0] = emergency(unit.get(), m);
                }
                return Outcome.DUPLICATE;
            }
            boolean moved = switch (m.type()) {
                case RECEIPT -> orders.received(h, m.orderId(), m.callSign());
                case SIGN -> orders.sign(h, m.orderId(), m.callSign());
                case FEEDBACK -> orders.feedback(h, m.orderId(), m.callSign(), feedbackText(m));
                case STATUS -> status(h, dao, unit.get(), m);
                case EMERGENCY -> {
                    raised[0] = emergency(unit.get(), m);
                    GeoPoint p = raised[0].position();
                    dao.recordEmergency(unit.get().id(), m.messageId(), raised[0].raisedAt(), m.at(),
                            p == null ? null : p.lat(), p == null ? null : p.lon(),
                            p == null ? null : p.datum().name(), raised[0].fixAt(), m.text());
                    yield true;
                }
                case POSITION -> throw new IllegalStateException("positions are not applied here");
            };
            Outcome o = moved ? Outcome.APPLIED : Outcome.IGNORED;
            dao.recordInbound(m.messageId(), m.callSign(), m.orderId(), m.type(), m.at(), clock.instant(), o.name());
            if (moved) {
                LOG.info("{} {} {} (message {})", m.callSign(), m.type(),
                        m.orderId() == null ? m.status() == null ? "" : m.status() : "order " + m.orderId(), m.messageId());
            } else {
                LOG.info("{} {} on order {} ignored: past that step or not yet at it (message {})", m.callSign(),
                        m.type(), m.orderId(), m.messageId());
            }
            return o;
        });
        if (raised[0] != null) {
            try {
                emergencies.accept(raised[0]);
            } catch (RuntimeException e) {
                LOG.error("Emergency listener failed for {}", raised[0], e);
            }
        }
        return outcome;
    }

    /** Why an order-bearing message is refused, or empty when the order exists, is this unit's and the uid matches. */
    private static Optional<String> orderProblem(PushDao dao, TerminalMessage m) {
        Optional<String> unitOfOrder = dao.callSignOfOrder(m.orderId());
        if (unitOfOrder.isEmpty()) {
            return Optional.of("order " + m.orderId() + " does not exist or has no unit");
        }
        if (m.orderUid() != null && !dao.orderUid(m.orderId()).map(m.orderUid()::equals).orElse(false)) {
            return Optional.of("it names order " + m.orderId() + " with uid " + m.orderUid() + ", which is not that order's");
        }
        if (!unitOfOrder.get().equals(m.callSign())) {
            return Optional.of("order " + m.orderId() + " is " + unitOfOrder.get() + "'s");
        }
        return Optional.empty();
    }

    private boolean status(Handle h, PushDao dao, PushDao.UnitHere unit, TerminalMessage m) {
        Long orderId = m.orderId() != null ? m.orderId()
                : h.attach(org.commandroom.core.dispatch.OrderDao.class).latestOpenOfUnit(unit.id()).orElse(null);
        // The order (and with it the incident's times, OrderDao.refreshIncidentTimes) before the unit's row: the
        // incident's row is then locked before the unit's, in the order a dispatch from the desk locks them
        // (DispatchService: incident, then unit), so the two never wait for each other in a circle.
        if (orderId != null) {
            orders.unitReported(h, orderId, m.status(), m.at(), m.callSign());
        }
        dao.setUnitStatus(unit.id(), m.status());
        dao.recordStatus(unit.id(), m.status(), clock.instant(), m.at(), orderId);
        changes.record(h, Entity.UNIT, unit.id(), ChangeOp.UPDATE);
        return true;
    }

    private UnitEmergency emergency(PushDao.UnitHere unit, TerminalMessage m) {
        GeoPoint p = m.position() != null ? m.position() : unit.position();
        java.time.Instant fixAt = m.position() != null ? m.fixAt() : unit.fixAt();
        return new UnitEmergency(unit.id(), m.callSign(), m.messageId(), clock.instant(), m.at(), p, fixAt, m.text());
    }

    private static String feedbackText(TerminalMessage m) {
        if (m.photos().isEmpty()) {
            return m.text();
        }
        StringBuilder b = new StringBuilder(m.text());
        b.append("\n照片：");
        for (String uri : m.photos()) {
            b.append('\n').append(uri);
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String preview(byte[] payload) {
        String s = new String(payload, 0, Math.min(payload.length, 800), StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
