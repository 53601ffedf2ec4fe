package org.commandroom.core.demo;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.commandroom.core.incident.IncidentType;

/**
 * The statistical shape of a year of 110 calls: the mix of incident types, the hour-of-day rhythm
 * (quiet 3-6 am, evening peak, fights and noise at night, traffic at rush hours) and the week
 * (Friday to Sunday busier, more fights and disputes at the weekend).
 */
final class IncidentModel {

    /** Share of all calls, in per mille, on a weekday. */
    private static final Map<IncidentType, Double> MIX = new EnumMap<>(IncidentType.class);

    static {
        MIX.put(IncidentType.HELP_OTHER, 140.0);
        MIX.put(IncidentType.NON_POLICE, 115.0);
        MIX.put(IncidentType.FAMILY_DISPUTE, 85.0);
        MIX.put(IncidentType.NEIGHBOUR_DISPUTE, 60.0);
        MIX.put(IncidentType.LABOUR_DISPUTE, 30.0);
        MIX.put(IncidentType.CONSUMER_DISPUTE, 42.0);
        MIX.put(IncidentType.TRAFFIC_ACCIDENT, 120.0);
        MIX.put(IncidentType.TRAFFIC_INJURY, 20.0);
        MIX.put(IncidentType.TRAFFIC_JAM, 30.0);
        MIX.put(IncidentType.FIGHT, 48.0);
        MIX.put(IncidentType.NOISE, 50.0);
        MIX.put(IncidentType.SUSPICIOUS_PERSON, 30.0);
        MIX.put(IncidentType.GAMBLING_VICE, 14.0);
        MIX.put(IncidentType.EBIKE_THEFT, 32.0);
        MIX.put(IncidentType.BURGLARY, 20.0);
        MIX.put(IncidentType.PICKPOCKET, 15.0);
        MIX.put(IncidentType.TELECOM_FRAUD, 30.0);
        MIX.put(IncidentType.ROBBERY, 3.0);
        MIX.put(IncidentType.ASSAULT, 10.0);
        MIX.put(IncidentType.MISSING_PERSON, 18.0);
        MIX.put(IncidentType.SELF_HARM_RISK, 7.0);
    }

    /** Relative call volume per hour of the day, all types together. */
    private static final double[] HOURS = {
        3.0, 2.2, 1.5, 1.0, 0.8, 0.9, 1.5, 2.8, 4.2, 5.0, 5.2, 5.4,
        5.0, 4.6, 4.8, 5.0, 5.2, 5.6, 5.9, 6.1, 6.5, 6.6, 5.6, 4.2};

    private static final double[] WEEKDAY = {0.95, 0.93, 0.94, 0.96, 1.05, 1.12, 1.05};

    private final IncidentType[] types = IncidentType.values();
    private final double[] weekdayCumulative;
    private final double[] weekendCumulative;
    private final double[][] hourCumulative;

    IncidentModel() {
        weekdayCumulative = cumulative(false);
        weekendCumulative = cumulative(true);
        hourCumulative = new double[types.length][];
        for (IncidentType t : types) {
            double[] c = new double[24];
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += HOURS[h] * hourFactor(t, h);
                c[h] = sum;
            }
            hourCumulative[t.ordinal()] = c;
        }
    }

    private double[] cumulative(boolean weekend) {
        double[] c = new double[types.length];
        double sum = 0;
        for (IncidentType t : types) {
            double w = MIX.get(t);
            if (weekend) {
                switch (t) {
                    case FIGHT, NOISE, GAMBLING_VICE -> w *= 1.5;
                    case FAMILY_DISPUTE, NEIGHBOUR_DISPUTE, CONSUMER_DISPUTE -> w *= 1.2;
                    case LABOUR_DISPUTE, TRAFFIC_JAM -> w *= 0.6;
                    default -> { }
                }
            }
            sum += w;
            c[t.ordinal()] = sum;
        }
        return c;
    }

    private static double hourFactor(IncidentType t, int h) {
        boolean night = h >= 21 || h <= 2;
        boolean evening = h >= 18 && h <= 23;
        boolean rush = (h >= 7 && h <= 9) || (h >= 17 && h <= 19);
        switch (t) {
            case FIGHT:
                return night ? 3.0 : (h >= 9 && h <= 17 ? 0.4 : 1.0);
            case NOISE:
                return (h >= 21 || h <= 1) ? 2.8 : (h >= 8 && h <= 11 ? 1.2 : 0.5);
            case GAMBLING_VICE:
                return night || evening ? 2.0 : 0.6;
            case TRAFFIC_ACCIDENT:
            case TRAFFIC_JAM:
            case TRAFFIC_INJURY:
                return rush ? 1.9 : (h <= 5 ? 0.5 : 1.0);
            case FAMILY_DISPUTE:
                return evening ? 1.8 : (h >= 3 && h <= 6 ? 0.4 : 0.9);
            case LABOUR_DISPUTE:
            case TELECOM_FRAUD:
                return h >= 9 && h <= 17 ? 1.8 : 0.3;
            case BURGLARY:
                return h >= 6 && h <= 9 ? 2.0 : 0.9;
            case PICKPOCKET:
                return (h >= 8 && h <= 11) || (h >= 16 && h <= 19) ? 2.0 : 0.5;
            default:
                return 1.0;
        }
    }

    /** How many calls on a day of this weekday and day of year, before noise. */
    double expectedPerDay(int incidentsPerYear, DayOfWeek dow, int dayOfYear) {
        double season = 1 + 0.08 * Math.sin(2 * Math.PI * (dayOfYear - 100) / 365.0);
        return incidentsPerYear / 365.25 * WEEKDAY[dow.getValue() - 1] * season;
    }

    int countForDay(int incidentsPerYear, DayOfWeek dow, int dayOfYear, SplittableRandom rnd) {
        double mean = expectedPerDay(incidentsPerYear, dow, dayOfYear);
        return (int) Math.max(0, Math.round(mean + CountyMap.gauss(rnd) * Math.sqrt(mean)));
    }

    IncidentType type(boolean weekend, SplittableRandom rnd) {
        double[] c = weekend ? weekendCumulative : weekdayCumulative;
        return types[pick(c, rnd)];
    }

    /** Seconds after local midnight at which a call of this type comes in. */
    int secondOfDay(IncidentType t, SplittableRandom rnd) {
        int hour = pick(hourCumulative[t.ordinal()], rnd);
        return hour * 3600 + rnd.nextInt(3600);
    }

    /** Whether calls of this type cluster around hot spots (night markets, KTVs, stations) rather than homes. */
    static double hotSpotShare(IncidentType t) {
        switch (t) {
            case FIGHT, PICKPOCKET, GAMBLING_VICE, ROBBERY, TRAFFIC_JAM, CONSUMER_DISPUTE:
                return 0.7;
            case NOISE, SUSPICIOUS_PERSON, ASSAULT, TRAFFIC_ACCIDENT, EBIKE_THEFT:
                return 0.4;
            case FAMILY_DISPUTE, NEIGHBOUR_DISPUTE, BURGLARY, TELECOM_FRAUD, MISSING_PERSON, SELF_HARM_RISK:
                return 0.05;
            default:
                return 0.25;
        }
    }

    private static int pick(double[] cumulative, SplittableRandom rnd) {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
