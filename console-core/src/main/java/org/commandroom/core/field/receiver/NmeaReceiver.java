package org.commandroom.core.field.receiver;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver that sends raw NMEA 0183 over one TCP stream (a serial-to-TCP converter in the car, or a receiver with a
 * TCP server), named by its endpoint. One fix per epoch: an RMC (date, speed, course) gives the fix, completed with
 * the horizontal dilution of the GGA of the same second; a receiver that sends GGA alone gives its fixes from GGA.
 * Every fix goes through the wrong-date rule of {@link ReceiverTime}.
 */
public final class NmeaReceiver extends TcpLineReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(NmeaReceiver.class);
    /** NMEA 0183 allows 82 characters; a little room for receivers that exceed it. */
    public static final int MAX_LINE = 256;
    /** Accuracy estimate: HDOP times this user range error, in metres (docs/RECEIVERS.md). */
    static final double UERE_M = 5.0;
    private static final double KNOT_MPS = 1852.0 / 3600.0;

    private boolean sawRmc;
    private LocalTime ggaTime;
    private Double ggaHdop;
    private LocalDate lastWrongDate;
    private boolean unreadableLogged;

    public NmeaReceiver(String host, int port, Options options, Clock clock, Consumer<ReceiverFix> sink) {
        super("receiver-nmea-" + host + ":" + port, host, port, options.withMaxLineBytes(Math.min(options.maxLineBytes(), MAX_LINE)),
                clock, sink);
    }

    /** The receiver key: its endpoint. */
    public String key() {
        return endpoint();
    }

    @Override
    protected String describe() {
        return "NMEA receiver " + endpoint();
    }

    @Override
    protected void onLine(String line) {
        NmeaParser.Parsed p = NmeaParser.parse(line);
        if ("RMC".equals(p.type())) {
            // A receiver that sends RMC at all gives its fixes from RMC (with date, speed and course), even while
            // its RMC still says "no fix": a GGA alone never makes a fix then.
            sawRmc = true;
        }
        switch (p.outcome()) {
            case IGNORED -> stats.ignored.incrementAndGet();
            case NO_FIX -> stats.noFix.incrementAndGet();
            case BAD_CHECKSUM -> {
                if (stats.badChecksum.getAndIncrement() == 0) {
                    LOG.warn("{}: a sentence with a missing or wrong checksum was dropped (and every such sentence): {}",
                            describe(), abbreviate(line));
                }
            }
            case MALFORMED -> {
                if (stats.malformed.getAndIncrement() == 0) {
                    LOG.warn("{}: a sentence that cannot be read was dropped (and every such sentence): {}",
                            describe(), abbreviate(line));
                }
            }
            case FIX -> fix(p.sentence());
        }
    }

    private void fix(NmeaParser.Sentence s) {
        if (s.type().equals("GGA")) {
            ggaTime = s.timeOfDay();
            ggaHdop = s.hdop();
            if (sawRmc) {
                return;
            }
            emit(s, null, false, null, null, s.hdop());
            return;
        }
        sawRmc = true;
        Double hdop = s.timeOfDay().equals(ggaTime) ? ggaHdop : null;
        Double speed = s.speedKnots() == null ? null : s.speedKnots() * KNOT_MPS;
        emit(s, s.date(), s.dateUnreadable(), speed, s.course(), hdop);
    }

    private void emit(NmeaParser.Sentence s, LocalDate date, boolean dateUnreadable, Double speed, Double course, Double hdop) {
        var now = clock.instant();
        Optional<ReceiverTime.Resolved> at = ReceiverTime.resolve(s.timeOfDay(), date, now);
        if (at.isEmpty()) {
            stats.rejectedTime.incrementAndGet();
            LOG.warn("{}: fix at {} {} UTC is ahead of the console's clock ({}); rejected", describe(),
                    date == null ? "" : date, s.timeOfDay(), now);
            return;
        }
        if (at.get().redated() || dateUnreadable) {
            stats.redated.incrementAndGet();
            if (dateUnreadable) {
                if (!unreadableLogged) {
                    unreadableLogged = true;
                    LOG.warn("{}: the receiver sends an unreadable date; its time of day is used with the console's date",
                            describe());
                }
            } else if (!date.equals(lastWrongDate)) {
                lastWrongDate = date;
                LOG.warn("{}: the receiver says the date is {} (console: {}); its time of day is used with the console's date",
                        describe(), date, now.atOffset(ZoneOffset.UTC).toLocalDate());
            }
        }
        stats.fixes.incrementAndGet();
        sink.accept(new ReceiverFix(ReceiverKind.NMEA, key(), s.lat(), s.lon(), at.get().at(), speed, course,
                hdop == null ? null : hdop * UERE_M));
    }

    private static String abbreviate(String line) {
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }
}
