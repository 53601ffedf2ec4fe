package org.commandroom.core.prevention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoDao;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.geo.GridLocator;
import org.commandroom.core.intake.AddressText;
import org.commandroom.core.intake.Gazetteer;
import org.commandroom.core.intake.GazetteerDao;
import org.commandroom.core.intake.IntakeGeography;
import org.commandroom.core.intake.Place;
import org.jdbi.v3.core.Handle;

/**
 * Where a house lies, from the geography in the database: its position (given, else the gazetteer's entry for the
 * address with its house number, else for the address), and from the position its police grid and station (as intake
 * places a call), community and micro-grid. A house without a position can still be put in a police grid by code.
 * Built once per import or generator run; immutable.
 */
final class HouseGeography {

    /** Where a house was placed; any part may be null. {@code positionFrom}: GIVEN, GAZETTEER or null. */
    record Placement(GeoPoint position, String positionFrom, Long stationId, Long policeGridId, Long communityId,
                     Long microGridId) {
    }

    private final IntakeGeography intake;
    private final GridLocator<Long> communities;
    private final GridLocator<Long> microGrids;
    private final Gazetteer gazetteer;
    private final Map<String, long[]> gridsByCode;

    private HouseGeography(IntakeGeography intake, GridLocator<Long> communities, GridLocator<Long> microGrids,
                           Gazetteer gazetteer, Map<String, long[]> gridsByCode) {
        this.intake = intake;
        this.communities = communities;
        this.microGrids = microGrids;
        this.gazetteer = gazetteer;
        this.gridsByCode = gridsByCode;
    }

    static HouseGeography load(Handle h) {
        return load(h, true);
    }

    /**
     * @param withGazetteer false: houses are only placed by their given position or grid code (no look-up by address),
     *                      which spares reading every address the calls named (the demo's generated houses)
     */
    static HouseGeography load(Handle h, boolean withGazetteer) {
        GeoDao geo = h.attach(GeoDao.class);
        List<Place> places = new ArrayList<>();
        if (withGazetteer) {
            GazetteerDao gz = h.attach(GazetteerDao.class);
            places.addAll(gz.namedPoints());
            places.addAll(gz.incidentAddresses());
        }
        Map<String, long[]> byCode = new HashMap<>();
        for (GeoDao.Area a : geo.policeGrids()) {
            byCode.put(a.code(), new long[] {a.id(), a.parentId() == null ? 0 : a.parentId()});
        }
        return new HouseGeography(IntakeGeography.load(h), locator(geo.communities()), locator(geo.microGrids()),
                Gazetteer.of(places), byCode);
    }

    private static GridLocator<Long> locator(List<GeoDao.Area> areas) {
        Datum d = areas.isEmpty() ? Datum.WGS84 : areas.get(0).datum();
        List<GridLocator.Area<Long>> list = new ArrayList<>();
        for (GeoDao.Area a : areas) {
            list.add(new GridLocator.Area<>(a.id(), a.boundaryWkt()));
        }
        return new GridLocator<>(list, d);
    }

    /** The gazetteer's position for the address with its number, else for the address alone. */
    Optional<GeoPoint> lookUp(String address, String houseNo) {
        Optional<Place> p = gazetteer.exact(address + houseNo);
        if (p.isEmpty()) {
            p = gazetteer.exact(address + " " + houseNo);
        }
        if (p.isEmpty()) {
            p = gazetteer.exact(address);
        }
        return p.map(Place::position);
    }

    boolean knowsGrid(String code) {
        return gridsByCode.containsKey(code.strip());
    }

    boolean inDistrict(GeoPoint p) {
        return intake.inDistrict(p);
    }

    Placement place(HouseInput in) {
        GeoPoint p = in.position();
        String from = p == null ? null : "GIVEN";
        if (p == null) {
            p = lookUp(AddressText.clean(in.address()), AddressText.clean(in.houseNo())).orElse(null);
            from = p == null ? null : "GAZETTEER";
        }
        Long station = null;
        Long grid = null;
        Long community = null;
        Long micro = null;
        if (p != null) {
            IntakeGeography.Assignment a = intake.assign(p);
            station = a.stationId();
            grid = a.gridId();
            community = communities.locate(p).orElse(null);
            micro = microGrids.locate(p).orElse(null);
        }
        if (in.policeGridCode() != null && !in.policeGridCode().isBlank()) {
            long[] g = gridsByCode.get(in.policeGridCode().strip());
            if (g != null) {
                grid = g[0];
                station = g[1];
            }
        }
        return new Placement(p, from, station, grid, community, micro);
    }
}
