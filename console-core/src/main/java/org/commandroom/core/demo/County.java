package org.commandroom.core.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored county as the incident and order generators need it: database ids and names by the
 * map's indices, the roads of each street, hot spots and the patrol units of each station.
 */
final class County {

    final CountyMap map;
    String bureauName;
    String[] streetNames;
    String[][] streetRoads;
    long[] communityIds;
    String[] communityNames;
    long[] microIds;
    int[] microRoad;
    double[] microWeightCumulative;
    long[] policeGridIds;
    long[] gridOfficerIds;
    String[] gridOfficerNames;
    long[] stationIds;
    String[] stationNames;
    String[] stationShort;
    String[] commanderNames;
    final List<HotSpot> hotSpots = new ArrayList<>();
    double[] hotSpotCumulative;
    final List<List<UnitSpec>> unitsByStation = new ArrayList<>();
    final List<ZoneSpec> zones = new ArrayList<>();

    County(CountyMap map) {
        this.map = map;
    }

    /** A key place that draws incidents (market, night market, KTV, station ...). */
    record HotSpot(String name, String kind, double x, double y, double weight) {
    }

    /** A key patrol zone as stored. */
    record ZoneSpec(long id, int station, double x, double y) {
    }

    /** A patrol unit and its crew, before and after it is stored. */
    static final class UnitSpec {
        final String callSign;
        final String kind;
        final int station;
        Long zoneId;
        final List<Long> crewIds = new ArrayList<>();
        String leaderName;
        long id;

        UnitSpec(String callSign, String kind, int station, Long zoneId) {
            this.callSign = callSign;
            this.kind = kind;
            this.station = station;
            this.zoneId = zoneId;
        }
    }

    String streetStem(int street) {
        String n = streetNames[street];
        if (n.endsWith("街道")) {
            return n.substring(0, n.length() - 2);
        }
        return n.endsWith("镇") ? n.substring(0, n.length() - 1) : n;
    }

    int streetOfMicro(int micro) {
        return map.communityStreet[map.microCommunity[micro]];
    }
}
