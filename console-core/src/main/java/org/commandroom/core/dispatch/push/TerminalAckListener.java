package org.commandroom.core.dispatch.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.store.Database;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies terminals' acknowledgements: subscribes to {@code console/{bureau}/unit/+/ack}, reads each
 * message and signs for or feeds back on the order through {@link OrderService}, with the unit's
 * call-sign (from the topic) as the actor. Idempotent twice over: the terminal's messageId is recorded
 * in {@code push_inbound} in the same transaction as the order step, so a redelivered message is
 * recognised; and the order's status guard ignores a second SIGN with a new messageId. A malformed
 * message, or one about an order that is not this unit's, is logged with the reason and dropped;
 * nothing here throws back into the MQTT client.
 */
public final class TerminalAckListener {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalAckListener.class);

    /** What became of one message. */
    public enum Outcome {
        /** The order moved (signed, or fed back). */
        APPLIED,
        /** Valid, but the order had already passed that step; recorded, nothing changed. */
        IGNORED,
        /** The same messageId was handled before; nothing changed. */
        DUPLICATE,
        /** Unreadable, or about an unknown order or another unit's order; dropped. */
        REJECTED,
        /** The database is gone: not applied now, to be offered again (the broker is not told it was received). */
        RETRY
    }

    private final Jdbi jdbi;
    private final OrderService orders;
    private final Clock clock;
    private final String bureauCode;

    /** @param bureauCode the bureau whose units are heard, or {@code "+"} for every bureau */
    public TerminalAckListener(Jdbi jdbi, OrderService orders, Clock clock, String bureauCode) {
        this.jdbi = jdbi;
        this.orders = orders;
        this.clock = clock;
        this.bureauCode = bureauCode;
    }

    /** Subscribes on the channel; messages are then handled on the channel's inbound thread. */
    public void subscribeTo(PushChannel channel) {
        channel.subscribe(PushTopics.ackFilter(bureauCode), (topic, payload) -> onMessage(topic, payload) != Outcome.RETRY);
    }

    /** Handles one message; never throws. */
    public Outcome onMessage(String topic, byte[] payload) {
        TerminalAck ack;
        try {
            ack = PushMessages.parseAck(topic, payload);
        } catch (MalformedAckException e) {
            LOG.warn("Dropped malformed acknowledgement on {}: {} (payload: {})", topic, e.getMessage(), preview(payload));
            return Outcome.REJECTED;
        }
        try {
            return apply(ack);
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                LOG.info("Acknowledgement {} from {} handled concurrently elsewhere; ignored", ack.messageId(), ack.callSign());
                return Outcome.DUPLICATE;
            }
            if (Database.isConnectionLoss(e)) {
                LOG.warn("Acknowledgement {} from {} for order {} waits for the database: {}", ack.messageId(),
                        ack.callSign(), ack.orderId(), e.getMessage());
                return Outcome.RETRY;
            }
            LOG.error("Could not apply acknowledgement {} from {} for order {}", ack.messageId(), ack.callSign(),
                    ack.orderId(), e);
            return Outcome.REJECTED;
        }
    }

    private Outcome apply(TerminalAck ack) {
        return jdbi.inTransaction(h -> {
            PushDao dao = h.attach(PushDao.class);
            if (dao.inboundCount(ack.messageId()) > 0) {
                LOG.info("Duplicate acknowledgement {} from {} for order {}; ignored", ack.messageId(), ack.callSign(),
                        ack.orderId());
                return Outcome.DUPLICATE;
            }
            Optional<String> unitOfOrder = dao.callSignOfOrder(ack.orderId());
            if (unitOfOrder.isEmpty()) {
                LOG.warn("Dropped acknowledgement {} from {}: order {} does not exist or has no unit",
                        ack.messageId(), ack.callSign(), ack.orderId());
                return Outcome.REJECTED;
            }
            if (ack.orderUid() != null && !dao.orderUid(ack.orderId()).map(ack.orderUid()::equals).orElse(false)) {
                LOG.warn("Dropped acknowledgement {} from {}: it names order {} with uid {}, which is not that order's",
                        ack.messageId(), ack.callSign(), ack.orderId(), ack.orderUid());
                return Outcome.REJECTED;
            }
            if (!unitOfOrder.get().equals(ack.callSign())) {
                LOG.warn("Dropped acknowledgement {} from {}: order {} was given to {}", ack.messageId(),
                        ack.callSign(), ack.orderId(), unitOfOrder.get());
                return Outcome.REJECTED;
            }
            boolean moved = switch (ack.action()) {
                case SIGN -> orders.sign(h, ack.orderId(), ack.callSign());
                case FEEDBACK -> orders.feedback(h, ack.orderId(), ack.callSign(), ack.text());
            };
            Outcome outcome = moved ? Outcome.APPLIED : Outcome.IGNORED;
            dao.recordInbound(ack.messageId(), ack.callSign(), ack.orderId(), ack.action(), ack.at(), clock.instant(),
                    outcome.name());
            if (moved) {
                LOG.info("{} {} order {} (message {})", ack.callSign(), ack.action(), ack.orderId(), ack.messageId());
            } else {
                LOG.info("{} {} on order {} ignored: the order is past that step or not yet at it (message {})",
                        ack.callSign(), ack.action(), ack.orderId(), ack.messageId());
            }
            return outcome;
        });
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
        String s = new String(payload, StandardCharsets.UTF_8);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
