package org.commandroom.core.field.receiver;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.DateTimeException;
import java.util.Set;

/**
 * Reads the two NMEA 0183 sentences that carry a position, RMC and GGA, from the GPS and BeiDou talkers
 * ({@code GP}, {@code BD}, {@code GB}, {@code GN}). Everything else (GSV, GSA, VTG, proprietary {@code $P...},
 * other talkers) is {@link Outcome#IGNORED}. Stateless and thread-safe.
 *
 * <p>A sentence must carry its checksum ({@code *hh}, the XOR of the characters between {@code $} and {@code *})
 * and the checksum must match; one without or with a wrong one is {@link Outcome#BAD_CHECKSUM}. An RMC with status
 * {@code V} or mode indicator {@code N}, and a GGA with quality 0, are {@link Outcome#NO_FIX}: the receiver says
 * it has no position.
 */
public final class NmeaParser {

    /** The talkers taken: GPS, BeiDou (BD as GB/T/TSCPB mandates, GB as NMEA 4.x uses) and combined GNSS. */
    public static final Set<String> TALKERS = Set.of("GP", "BD", "GB", "GN");

    public enum Outcome {
        /** A valid position. */
        FIX,
        /** An RMC or GGA saying there is no valid position. */
        NO_FIX,
        /** A sentence we do not read, or a talker we do not take. */
        IGNORED,
        /** No checksum, or a wrong one. */
        BAD_CHECKSUM,
        /** An RMC or GGA whose fields cannot be read. */
        MALFORMED
    }

    /**
     * A parsed RMC or GGA.
     *
     * @param date          RMC's date, null for GGA or where the date field is empty or unreadable
     * @param dateUnreadable RMC's date field was present but not a date (e.g. {@code 2208-1})
     * @param speedKnots    RMC's speed over ground, or null
     * @param course        RMC's course over ground, or null
     * @param hdop          GGA's horizontal dilution of precision, or null
     */
    public record Sentence(String talker, String type, LocalTime timeOfDay, LocalDate date, boolean dateUnreadable,
                           double lat, double lon, Double speedKnots, Double course, Double hdop) {
    }

    /**
     * The outcome, the sentence where it is {@link Outcome#FIX}, and the sentence type ({@code RMC}/{@code GGA})
     * where it is {@link Outcome#FIX}, {@link Outcome#NO_FIX} or {@link Outcome#MALFORMED} (else null).
     */
    public record Parsed(Outcome outcome, Sentence sentence, String type) {
        static Parsed of(Outcome o) {
            return new Parsed(o, null, null);
        }

        Parsed with(Sentence s) {
            return new Parsed(outcome, s, s.type());
        }
    }

    private NmeaParser() {
    }

    public static Parsed parse(String raw) {
        if (raw == null) {
            return Parsed.of(Outcome.IGNORED);
        }
        String line = raw.strip();
        if (line.isEmpty() || line.charAt(0) != '$') {
            return Parsed.of(Outcome.IGNORED);
        }
        int star = line.lastIndexOf('*');
        if (star < 0 || star + 3 != line.length()) {
            return Parsed.of(line.startsWith("$P") ? Outcome.IGNORED : Outcome.BAD_CHECKSUM);
        }
        int expected;
        try {
            expected = Integer.parseInt(line.substring(star + 1), 16);
        } catch (NumberFormatException e) {
            return Parsed.of(Outcome.BAD_CHECKSUM);
        }
        int sum = 0;
        for (int i = 1; i < star; i++) {
            sum ^= line.charAt(i);
        }
        if (sum != expected) {
            return Parsed.of(Outcome.BAD_CHECKSUM);
        }
        if (star < 6) {
            return Parsed.of(Outcome.IGNORED);
        }
        String talker = line.substring(1, 3);
        String type = line.substring(3, 6);
        if (!TALKERS.contains(talker) || !(type.equals("RMC") || type.equals("GGA"))) {
            return Parsed.of(Outcome.IGNORED);
        }
        String[] f = line.substring(1, star).split(",", -1);
        Parsed p;
        try {
            p = type.equals("RMC") ? rmc(talker, f) : gga(talker, f);
        } catch (RuntimeException e) {
            p = Parsed.of(Outcome.MALFORMED);
        }
        return new Parsed(p.outcome(), p.sentence(), type);
    }

    // $xxRMC,time,status,lat,N,lon,E,speed,course,date,magvar,E[,mode[,navstatus]]
    private static Parsed rmc(String talker, String[] f) {
        if (f.length < 10) {
            return Parsed.of(Outcome.MALFORMED);
        }
        if (!"A".equals(f[2]) || (f.length > 12 && "N".equals(f[12]))) {
            return Parsed.of(Outcome.NO_FIX);
        }
        if (f[1].isEmpty() || f[3].isEmpty() || f[5].isEmpty()) {
            return Parsed.of(Outcome.NO_FIX);
        }
        LocalTime time = time(f[1]);
        double lat = coordinate(f[3], f[4], 'N', 'S', 90);
        double lon = coordinate(f[5], f[6], 'E', 'W', 180);
        LocalDate date = null;
        boolean unreadable = false;
        if (!f[9].isEmpty()) {
            date = date(f[9]);
            unreadable = date == null;
        }
        return new Parsed(Outcome.FIX, null, null).with(new Sentence(talker, "RMC", time, date, unreadable, lat, lon,
                optional(f[7]), optional(f[8]), null));
    }

    // $xxGGA,time,lat,N,lon,E,quality,sats,hdop,alt,M,sep,M,age,station
    private static Parsed gga(String talker, String[] f) {
        if (f.length < 9) {
            return Parsed.of(Outcome.MALFORMED);
        }
        if (f[6].isEmpty() || "0".equals(f[6])) {
            return Parsed.of(Outcome.NO_FIX);
        }
        if (f[1].isEmpty() || f[2].isEmpty() || f[4].isEmpty()) {
            return Parsed.of(Outcome.NO_FIX);
        }
        LocalTime time = time(f[1]);
        double lat = coordinate(f[2], f[3], 'N', 'S', 90);
        double lon = coordinate(f[4], f[5], 'E', 'W', 180);
        return new Parsed(Outcome.FIX, null, null).with(new Sentence(talker, "GGA", time, null, false, lat, lon, null, null,
                optional(f[8])));
    }

    /** {@code hhmmss} with optional decimals. */
    private static LocalTime time(String s) {
        if (s.length() < 6) {
            throw new IllegalArgumentException("time " + s);
        }
        int h = Integer.parseInt(s.substring(0, 2));
        int m = Integer.parseInt(s.substring(2, 4));
        double sec = Double.parseDouble(s.substring(4));
        int whole = (int) sec;
        int nanos = (int) Math.round((sec - whole) * 1_000_000_000L);
        if (nanos >= 1_000_000_000) {
            nanos = 999_999_999;
        }
        return LocalTime.of(h, m, whole, nanos);
    }

    /** {@code ddmmyy}, years 80-99 as 19xx and 00-79 as 20xx (as receivers mean them); null if unreadable. */
    private static LocalDate date(String s) {
        if (s.length() != 6 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int d = Integer.parseInt(s.substring(0, 2));
        int m = Integer.parseInt(s.substring(2, 4));
        int y = Integer.parseInt(s.substring(4, 6));
        try {
            return LocalDate.of(y >= 80 ? 1900 + y : 2000 + y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code dddmm.mmmm} and a hemisphere letter to signed degrees. */
    private static double coordinate(String value, String hemisphere, char positive, char negative, double limit) {
        double v = Double.parseDouble(value);
        if (!(v >= 0)) {
            throw new IllegalArgumentException("coordinate " + value);
        }
        double degrees = Math.floor(v / 100);
        double minutes = v - degrees * 100;
        if (minutes >= 60) {
            throw new IllegalArgumentException("minutes " + value);
        }
        double out = degrees + minutes / 60.0;
        if (out > limit) {
            throw new IllegalArgumentException("coordinate " + value);
        }
        if (hemisphere.length() != 1) {
            throw new IllegalArgumentException("hemisphere " + hemisphere);
        }
        char h = hemisphere.charAt(0);
        if (h == negative) {
            return -out;
        }
        if (h != positive) {
            throw new IllegalArgumentException("hemisphere " + hemisphere);
        }
        return out;
    }

    private static Double optional(String s) {
        if (s.isEmpty()) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }
}
