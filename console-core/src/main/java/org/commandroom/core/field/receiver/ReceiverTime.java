package org.commandroom.core.field.receiver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The wrong-date rule (docs/RECEIVERS.md). Receivers are often right about the time of day and wrong about the date:
 * after a GPS week rollover (dates 1024 weeks, 19.6 years, in the past), with a stale almanac, or through a
 * daemon's rollover guess that lands years in the future. A unit's position with a wrong date would either never
 * show (too old) or, worse, freeze the unit (a fix in the future makes every later correct fix look older).
 *
 * <p>The rule:
 * <ol>
 *   <li>A fix whose date and time lie within {@link #DATE_TOLERANCE} of the console's clock keeps them.</li>
 *   <li>Otherwise (the date is far off, missing as in GGA, or unreadable) the receiver's UTC time of day is kept and
 *       put on the console's date: of yesterday, today and tomorrow (UTC), the one nearest the console's clock. The
 *       fix is marked as re-dated so that the receiver can log it.</li>
 *   <li>Either way, a fix more than {@link #MAX_AHEAD} ahead of the console's clock is rejected: its time of day is
 *       wrong too, and storing it would hold the unit's position until the clock caught up.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ReceiverTime {

    /** A receiver date within this of the console's clock is taken as it is. */
    public static final Duration DATE_TOLERANCE = Duration.ofHours(12);
    /** A fix further ahead of the console's clock than this is rejected. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(2);

    /** The fix time to use, and whether the receiver's date was replaced by the console's. */
    public record Resolved(Instant at, boolean redated) {
    }

    private ReceiverTime() {
    }

    /**
     * @param timeOfDay the receiver's UTC time of day
     * @param date      the receiver's UTC date, or null when it sent none or an unreadable one
     * @param now       the console's clock
     * @return the time to store, or empty when the fix must be rejected
     */
    public static Optional<Resolved> resolve(LocalTime timeOfDay, LocalDate date, Instant now) {
        if (date != null) {
            Instant given = date.atTime(timeOfDay).toInstant(ZoneOffset.UTC);
            if (Duration.between(given, now).abs().compareTo(DATE_TOLERANCE) <= 0) {
                return ahead(given, now) ? Optional.empty() : Optional.of(new Resolved(given, false));
            }
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant best = null;
        for (int d = -1; d <= 1; d++) {
            Instant candidate = today.plusDays(d).atTime(timeOfDay).toInstant(ZoneOffset.UTC);
            if (best == null || Duration.between(candidate, now).abs().compareTo(Duration.between(best, now).abs()) < 0) {
                best = candidate;
            }
        }
        return ahead(best, now) ? Optional.empty() : Optional.of(new Resolved(best, date != null));
    }

    /** The same for a full timestamp (gpsd's TPV time). */
    public static Optional<Resolved> resolve(Instant receiverTime, Instant now) {
        var utc = receiverTime.atOffset(ZoneOffset.UTC);
        return resolve(utc.toLocalTime(), utc.toLocalDate(), now);
    }

    private static boolean ahead(Instant at, Instant now) {
        return at.isAfter(now.plus(MAX_AHEAD));
    }
}
