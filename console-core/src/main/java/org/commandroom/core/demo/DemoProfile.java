package org.commandroom.core.demo;

import java.util.Locale;
import java.util.Objects;

/**
 * The size and place of a generated demo county.
 *
 * @param name              profile name, recorded in {@code app_setting}
 * @param bureauName        the bureau (县局/分局)
 * @param regionCode        six-digit administrative code, used in GB/T 28181 camera ids
 * @param centerLat         WGS84 latitude of the county seat
 * @param centerLon         WGS84 longitude of the county seat
 * @param radiusKm          mean radius of the district outline
 * @param stations          police stations (派出所)
 * @param posts             street police posts (警务站), stored as stations of kind POST
 * @param streets           streets and towns (街道/镇)
 * @param communities       communities (社区)
 * @param microGrids        micro-grids (微网格)
 * @param policeGrids       police grids (警格), one community officer each
 * @param keyPatrolZones    key patrol zones (重点巡区)
 * @param units             patrol units (cars, motorbikes, foot groups)
 * @param cameras           video points
 * @param incidentsPerYear  110 incidents in the year of history
 * @param dispatchOrderDays DISPATCH orders (with their trails) are made for incidents of this many
 *                          most recent days only; the rest of the history has incidents without orders
 */
public record DemoProfile(String name, String bureauName, String regionCode, double centerLat, double centerLon,
                          double radiusKm, int stations, int posts, int streets, int communities, int microGrids,
                          int policeGrids, int keyPatrolZones, int units, int cameras, int incidentsPerYear,
                          int dispatchOrderDays) {

    /** A county modelled on Qianwei (犍为县), seat at 29.21 N, 103.95 E. */
    public static final DemoProfile DEMO = new DemoProfile("DEMO", "犍为县公安局", "511123", 29.21, 103.95, 11.0,
            6, 2, 8, 60, 600, 60, 12, 40, 3_000, 40_000, 366);

    /** A district of Bao'an's published size, for benchmarks. */
    public static final DemoProfile BAOAN = new DemoProfile("BAOAN", "深圳市公安局宝安分局", "440306", 22.62, 113.86, 12.0,
            19, 6, 10, 124, 4_833, 397, 12, 500, 150_000, 1_000_000, 30);

    public DemoProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bureauName, "bureauName");
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("regionCode must have six digits: " + regionCode);
        }
        if (stations < 1 || posts < 0 || streets < 1 || communities < streets || microGrids < communities
                || policeGrids < stations + posts || policeGrids > microGrids || units < 1 || cameras < 0
                || incidentsPerYear < 0 || keyPatrolZones < 0 || dispatchOrderDays < 0 || radiusKm <= 0) {
            throw new IllegalArgumentException("inconsistent demo profile: " + name);
        }
    }

    /** DEMO or BAOAN by name, case-insensitive. */
    public static DemoProfile named(String name) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "DEMO":
                return DEMO;
            case "BAOAN":
                return BAOAN;
            default:
                throw new IllegalArgumentException("unknown demo profile (use demo or baoan): " + name);
        }
    }

    public int stationsAndPosts() {
        return stations + posts;
    }
}
