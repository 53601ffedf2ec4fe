package org.commandroom.core.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.commandroom.core.demo.County.UnitSpec;
import org.commandroom.core.org.OrgDao;
import org.commandroom.core.geo.GeoDao;
import org.jdbi.v3.core.Handle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Stores the organisation and the map of a {@link CountyMap}; patrol units are stored later, with their live state. */
final class CountyBuilder {

    private static final String WGS84 = "WGS84";
    private static final String[] PLACE_KINDS = {
        "SCHOOL", "KINDERGARTEN", "HOSPITAL", "MARKET", "NIGHT_MARKET", "MALL", "BANK", "BUS_STATION",
        "GAS_STATION", "HOTEL", "INTERNET_CAFE", "KTV", "GOVERNMENT"};
    private static final double[] PLACE_WEIGHTS = {12, 8, 5, 10, 5, 5, 10, 3, 4, 6, 4, 5, 3};
    private static final String[] BANKS = {"中国工商银行", "中国农业银行", "中国建设银行", "中国邮政储蓄银行", "农村商业银行"};
    private static final String[] STATION_PREFIX = {"", "城东", "城西", "城南", "城北", "新区", "二", "三"};

    private final Vocabulary vocab;
    private final SplittableRandom rnd;
    private final String code;
    private final long seed;

    CountyBuilder(Vocabulary vocab, long seed, String regionCode) {
        this.vocab = vocab;
        this.seed = seed;
        this.rnd = new SplittableRandom(seed ^ 0xC0_07_17L);
        this.code = regionCode;
    }

    County build(Handle h, CountyMap map) {
        County c = new County(map);
        OrgDao org = h.attach(OrgDao.class);
        GeoDao geo = h.attach(GeoDao.class);
        DemoProfile p = map.profile;
        c.bureauName = p.bureauName();
        long bureauId = org.insertBureau("B" + code, p.bureauName());

        // streets, their roads, communities, micro-grids
        int ns = p.streets();
        c.streetNames = new String[ns];
        c.streetRoads = new String[ns][];
        List<String> shuffled = new ArrayList<>(vocab.roads);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, rnd.nextInt(i + 1));
        }
        long[] streetIds = new long[ns];
        for (int s = 0; s < ns; s++) {
            // Guangdong profiles take the 街道 names at the end of the list, the others the Sichuan towns
            int offset = code.startsWith("44") ? Math.max(0, vocab.streets.size() - ns) : 0;
            String name = vocab.streets.get((s + offset) % vocab.streets.size());
            c.streetNames[s] = s + offset < vocab.streets.size() ? name : name.charAt(0) + "新" + name.substring(1);
            int count = s == 0 ? 14 : 8 + rnd.nextInt(5);
            String[] roads = new String[count];
            for (int r = 0; r < count; r++) {
                roads[r] = s == 0 ? vocab.roads.get(r) : shuffled.get((s * 7 + r) % shuffled.size());
            }
            c.streetRoads[s] = roads;
            streetIds[s] = geo.insertStreet(String.format("%s-S%02d", code, s + 1), c.streetNames[s], map.wkt(map.street[s]), WGS84);
        }
        int nc = p.communities();
        int nm = map.micro.length;
        int[] communityPop = new int[nc];
        for (int m = 0; m < nm; m++) {
            communityPop[map.microCommunity[m]] += map.microPopulation[m];
        }
        c.communityIds = new long[nc];
        c.communityNames = new String[nc];
        for (int k = 0; k < nc; k++) {
            c.communityNames[k] = vocab.communityStem(k) + "社区";
            double r = rnd.nextDouble();
            String risk = r < 0.08 ? "RED" : r < 0.28 ? "ORANGE" : "GREEN";
            c.communityIds[k] = geo.insertCommunity(streetIds[map.communityStreet[k]], String.format("%s-C%03d", code, k + 1),
                    c.communityNames[k], communityPop[k], risk, map.wkt(map.community[k]), WGS84);
        }
        List<Long> mc = new ArrayList<>(nm);
        List<String> mCodes = new ArrayList<>(nm);
        List<String> mNames = new ArrayList<>(nm);
        List<Integer> mPop = new ArrayList<>(nm);
        List<String> mWkt = new ArrayList<>(nm);
        int[] seqInCommunity = new int[nc];
        c.microRoad = new int[nm];
        for (int m = 0; m < nm; m++) {
            int k = map.microCommunity[m];
            mc.add(c.communityIds[k]);
            mCodes.add(String.format("%s-M%04d", code, m + 1));
            mNames.add(c.communityNames[k] + "第" + (++seqInCommunity[k]) + "网格");
            mPop.add(map.microPopulation[m]);
            mWkt.add(map.wkt(map.micro[m]));
            c.microRoad[m] = rnd.nextInt(c.streetRoads[c.streetOfMicro(m)].length);
        }
        c.microIds = geo.insertMicroGrids(mc, mCodes, mNames, mPop, mWkt, WGS84);
        c.microWeightCumulative = new double[nm];
        double sum = 0;
        for (int m = 0; m < nm; m++) {
            sum += map.microPopulation[m] * (0.5 + map.urban[m]);
            c.microWeightCumulative[m] = sum;
        }

        // stations and posts
        int nst = p.stationsAndPosts();
        c.stationIds = new long[nst];
        c.stationNames = new String[nst];
        c.stationShort = new String[nst];
        int[] stationPop = new int[nst];
        int[] gridsOfStation = new int[nst];
        for (int m = 0; m < nm; m++) {
            stationPop[map.policeGridStation[map.microPoliceGrid[m]]] += map.microPopulation[m];
        }
        for (int g = 0; g < map.policeGrid.length; g++) {
            gridsOfStation[map.policeGridStation[g]]++;
        }
        Set<String> used = new HashSet<>();
        long[][] teamIds = new long[nst][4];
        for (int st = 0; st < nst; st++) {
            Point centre = map.stationArea[st].getInteriorPoint();
            int micro = map.microGridAt(centre.getX(), centre.getY());
            int street = c.streetOfMicro(Math.max(0, micro));
            String base = c.streetStem(street);
            if (map.stationIsPost[st]) { // posts are named after a road of their beat
                String[] roads = c.streetRoads[street];
                for (int r = 0; r < roads.length; r++) {
                    base = roads[(st + r) % roads.length].replaceAll("(大道|大街|路|街)$", "");
                    if (!used.contains(base)) {
                        break;
                    }
                }
            }
            String shortName = base;
            for (int i = 0; used.contains(shortName); i++) {
                shortName = STATION_PREFIX[(i + 1) % STATION_PREFIX.length] + base + (i >= STATION_PREFIX.length - 1 ? i : "");
            }
            used.add(shortName);
            c.stationShort[st] = shortName;
            c.stationNames[st] = shortName + (map.stationIsPost[st] ? "警务站" : "派出所");
            double u = map.urbanness(centre.getX(), centre.getY());
            String peer = u > 0.4 ? "城区" : u > 0.1 ? "城郊" : "农村";
            c.stationIds[st] = org.insertStation(bureauId, String.format("%s-P%02d", code, st + 1), c.stationNames[st],
                    map.stationIsPost[st] ? "POST" : "STATION", stationPop[st], Math.round(map.stationArea[st].getArea() / 1e4) / 100.0,
                    peer, map.wkt(map.stationArea[st]), WGS84);
            String[] teamKinds = {"COMMUNITY", "CASE", "COMMAND", "PATROL"};
            String[] teamNames = {"社区警务队", "案件办理队", "综合指挥室", "巡逻队"};
            for (int t = 0; t < 4; t++) {
                teamIds[st][t] = org.insertTeam(c.stationIds[st], teamKinds[t], c.stationNames[st] + teamNames[t]);
            }
        }

        // units per station, in proportion to its police grids
        int[] unitsOf = apportion(gridsOfStation, p.units());
        for (int st = 0; st < nst; st++) {
            c.unitsByStation.add(new ArrayList<>());
        }

        // officers
        Officers off = new Officers();
        int ng = map.policeGrid.length;
        int[] gridOfficerRow = new int[ng];
        c.commanderNames = new String[nst];
        for (int st = 0; st < nst; st++) {
            long sid = c.stationIds[st];
            off.add(sid, null, true, "LEADER");
            off.add(sid, null, true, "LEADER");
            c.commanderNames[st] = off.names.get(off.add(sid, teamIds[st][2], true, "COMMANDER"));
            off.add(sid, teamIds[st][2], true, "COMMANDER");
            off.add(sid, teamIds[st][2], true, "COMMANDER");
            off.add(sid, teamIds[st][2], false, "COMMANDER");
            off.add(sid, teamIds[st][2], false, "COMMANDER");
            for (int g = 0; g < ng; g++) {
                if (map.policeGridStation[g] == st) {
                    gridOfficerRow[g] = off.add(sid, teamIds[st][0], true, "COMMUNITY_OFFICER");
                }
            }
            for (int i = 0; i < (gridsOfStation[st] + 1) / 2; i++) {
                off.add(sid, teamIds[st][0], false, "COMMUNITY_OFFICER");
            }
            int caseTeam = map.stationIsPost[st] ? 2 : 4 + gridsOfStation[st] / 5;
            for (int i = 0; i < caseTeam; i++) {
                off.add(sid, teamIds[st][1], true, "CASE");
            }
            off.add(sid, teamIds[st][1], false, "CASE");
            off.add(sid, teamIds[st][1], false, "CASE");
            Map<String, Integer> perKind = new HashMap<>();
            for (int u = 0; u < unitsOf[st]; u++) {
                double r = rnd.nextDouble();
                String kind = r < 0.45 ? "CAR" : r < 0.7 ? "MOTORBIKE" : "FOOT";
                String tag = kind.equals("CAR") ? "巡" : kind.equals("MOTORBIKE") ? "摩" : "步";
                UnitSpec unit = new UnitSpec(String.format("%s%s%02d", c.stationShort[st], tag, perKind.merge(kind, 1, Integer::sum)), kind, st, null);
                List<Integer> crewRows = new ArrayList<>();
                switch (kind) {
                    case "CAR" -> {
                        crewRows.add(off.add(sid, teamIds[st][3], true, "PATROL"));
                        crewRows.add(off.add(sid, teamIds[st][3], false, "PATROL"));
                        if (rnd.nextDouble() < 0.4) {
                            crewRows.add(off.add(sid, teamIds[st][3], false, "PATROL"));
                        }
                    }
                    case "MOTORBIKE" -> {
                        crewRows.add(off.add(sid, teamIds[st][3], rnd.nextDouble() < 0.3, "PATROL"));
                        if (rnd.nextDouble() < 0.5) {
                            crewRows.add(off.add(sid, teamIds[st][3], false, "PATROL"));
                        }
                    }
                    default -> { // 三人一组: one officer and two auxiliaries on foot
                        crewRows.add(off.add(sid, teamIds[st][3], true, "PATROL"));
                        crewRows.add(off.add(sid, teamIds[st][3], false, "PATROL"));
                        crewRows.add(off.add(sid, teamIds[st][3], false, "PATROL"));
                    }
                }
                c.unitsByStation.get(st).add(unit);
                unit.leaderName = off.names.get(crewRows.get(0));
                pendingCrews.add(new PendingCrew(unit, crewRows));
            }
        }
        long[] officerIds = org.insertOfficers(off.station, off.team, off.badges, off.names, off.ranks, off.duties, off.phones);
        for (PendingCrew pc : pendingCrews) {
            for (int row : pc.rows) {
                pc.unit.crewIds.add(officerIds[row]);
            }
        }

        // police grids with their community officer, matched onto micro-grids
        c.policeGridIds = new long[ng];
        c.gridOfficerIds = new long[ng];
        c.gridOfficerNames = new String[ng];
        List<List<Long>> microsOfGrid = new ArrayList<>();
        int[][] communityCount = new int[ng][];
        for (int g = 0; g < ng; g++) {
            microsOfGrid.add(new ArrayList<>());
            communityCount[g] = new int[nc];
        }
        for (int m = 0; m < nm; m++) {
            microsOfGrid.get(map.microPoliceGrid[m]).add(c.microIds[m]);
            communityCount[map.microPoliceGrid[m]][map.microCommunity[m]]++;
        }
        int[] gridSeqOfCommunity = new int[nc];
        for (int g = 0; g < ng; g++) {
            int dominant = 0;
            for (int k = 1; k < nc; k++) {
                if (communityCount[g][k] > communityCount[g][dominant]) {
                    dominant = k;
                }
            }
            String name = c.communityNames[dominant].replace("社区", "") + "第" + (++gridSeqOfCommunity[dominant]) + "警格";
            double r = rnd.nextDouble();
            String risk = r < 0.1 ? "RED" : r < 0.3 ? "ORANGE" : "GREEN";
            c.gridOfficerIds[g] = officerIds[gridOfficerRow[g]];
            c.gridOfficerNames[g] = off.names.get(gridOfficerRow[g]);
            c.policeGridIds[g] = geo.insertPoliceGrid(c.stationIds[map.policeGridStation[g]], String.format("%s-G%03d", code, g + 1),
                    name, c.gridOfficerIds[g], risk, map.wkt(map.policeGrid[g]), WGS84);
            geo.matchMicroGrids(c.policeGridIds[g], microsOfGrid.get(g));
        }

        storeKeyPlaces(c, geo);
        storeZones(c, geo);
        storeDeploymentPoints(c, geo);
        storePoliceOffices(c, geo);
        new RoadsAndWater(c, seed, code).store(h);
        // foot groups and half the motorbikes of a station with key patrol zones patrol them
        for (int st = 0; st < nst; st++) {
            List<County.ZoneSpec> zonesHere = new ArrayList<>();
            for (County.ZoneSpec z : c.zones) {
                if (z.station() == st) {
                    zonesHere.add(z);
                }
            }
            if (zonesHere.isEmpty()) {
                continue;
            }
            List<UnitSpec> units = c.unitsByStation.get(st);
            for (int i = 0; i < units.size(); i++) {
                UnitSpec u = units.get(i);
                if (!u.kind.equals("CAR")) {
                    u.zoneId = zonesHere.get(i % zonesHere.size()).id();
                }
            }
        }
        return c;
    }

    private record PendingCrew(UnitSpec unit, List<Integer> rows) {
    }

    private final List<PendingCrew> pendingCrews = new ArrayList<>();

    private void storeKeyPlaces(County c, GeoDao geo) {
        CountyMap map = c.map;
        double[] cum = new double[PLACE_WEIGHTS.length];
        double s = 0;
        for (int i = 0; i < cum.length; i++) {
            s += PLACE_WEIGHTS[i];
            cum[i] = s;
        }
        List<Long> st = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Double> lats = new ArrayList<>();
        List<Double> lons = new ArrayList<>();
        List<List<Integer>> microsOfCommunity = new ArrayList<>();
        for (int k = 0; k < c.communityNames.length; k++) {
            microsOfCommunity.add(new ArrayList<>());
        }
        for (int m = 0; m < map.micro.length; m++) {
            microsOfCommunity.get(map.microCommunity[m]).add(m);
        }
        Set<String> usedNames = new HashSet<>();
        for (int k = 0; k < c.communityNames.length; k++) {
            List<Integer> ms = microsOfCommunity.get(k);
            double u = 0;
            for (int m : ms) {
                u = Math.max(u, map.urban[m]);
            }
            int count = 2 + rnd.nextInt(2) + (u > 0.3 ? 2 : 0);
            String stem = c.communityNames[k].replace("社区", "");
            for (int i = 0; i < count; i++) {
                double x = rnd.nextDouble() * s;
                int kindIdx = 0;
                while (cum[kindIdx] < x) {
                    kindIdx++;
                }
                String kind = PLACE_KINDS[kindIdx];
                int m = ms.get(rnd.nextInt(ms.size()));
                double[] pt = map.randomPointIn(m, rnd);
                String name = placeName(kind, stem, c.streetStem(c.streetOfMicro(m)));
                if (!usedNames.add(name)) {
                    continue;
                }
                int g = map.policeGridAt(pt[0], pt[1]);
                int station = map.policeGridStation[g < 0 ? map.microPoliceGrid[m] : g];
                st.add(c.stationIds[station]);
                names.add(name);
                kinds.add(kind);
                lats.add(map.lat(pt[1]));
                lons.add(map.lon(pt[0]));
                double weight = switch (kind) {
                    case "NIGHT_MARKET", "KTV" -> 4;
                    case "MARKET", "BUS_STATION" -> 3;
                    case "MALL", "INTERNET_CAFE" -> 2;
                    case "HOTEL", "HOSPITAL", "SCHOOL" -> 1;
                    default -> 0.5;
                };
                c.hotSpots.add(new County.HotSpot(name, kind, pt[0], pt[1], weight * (0.3 + map.urban[m])));
            }
        }
        geo.insertKeyPlaces(st, names, kinds, lats, lons, WGS84);
        c.hotSpotCumulative = new double[c.hotSpots.size()];
        double sum = 0;
        for (int i = 0; i < c.hotSpots.size(); i++) {
            sum += c.hotSpots.get(i).weight();
            c.hotSpotCumulative[i] = sum;
        }
    }

    private String placeName(String kind, String stem, String streetStem) {
        return switch (kind) {
            case "SCHOOL" -> stem + (rnd.nextBoolean() ? "小学" : "中学");
            case "KINDERGARTEN" -> stem + "幼儿园";
            case "HOSPITAL" -> stem + "社区卫生服务中心";
            case "MARKET" -> stem + "农贸市场";
            case "NIGHT_MARKET" -> stem + "夜市";
            case "MALL" -> stem + "购物广场";
            case "BANK" -> BANKS[rnd.nextInt(BANKS.length)] + stem + "支行";
            case "BUS_STATION" -> streetStem + stem + "汽车站";
            case "GAS_STATION" -> "中石化" + stem + "加油站";
            case "HOTEL" -> stem + "宾馆";
            case "INTERNET_CAFE" -> stem + "网吧";
            case "KTV" -> stem + "KTV";
            default -> stem + "社区服务中心";
        };
    }

    private void storeZones(County c, GeoDao geo) {
        CountyMap map = c.map;
        List<County.HotSpot> candidates = new ArrayList<>(c.hotSpots);
        candidates.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        int made = 0;
        List<double[]> centres = new ArrayList<>();
        Map<String, Integer> kindsUsed = new HashMap<>(); // no more than three zones around the same kind of place
        for (County.HotSpot h : candidates) {
            if (made >= map.profile.keyPatrolZones()) {
                break;
            }
            boolean far = true;
            for (double[] ctr : centres) {
                if (Math.hypot(ctr[0] - h.x(), ctr[1] - h.y()) < 900) {
                    far = false;
                    break;
                }
            }
            if (!far || kindsUsed.merge(h.kind(), 1, Integer::sum) > 3) {
                continue;
            }
            Geometry zone = CountyMap.GF.createPoint(new Coordinate(h.x(), h.y())).buffer(350 + rnd.nextInt(250), 6)
                    .intersection(map.outline);
            int g = map.policeGridAt(h.x(), h.y());
            if (g < 0) {
                continue;
            }
            int st = map.policeGridStation[g];
            long id = geo.insertKeyPatrolZone(c.stationIds[st], String.format("%s-Z%02d", code, made + 1),
                    h.name().replaceAll("(社区服务中心|购物广场)$", "") + "重点巡区", map.wkt(zone), WGS84);
            c.zones.add(new County.ZoneSpec(id, st, h.x(), h.y()));
            centres.add(new double[] {h.x(), h.y()});
            made++;
        }
    }

    private void storeDeploymentPoints(County c, GeoDao geo) {
        CountyMap map = c.map;
        Integer[] order = new Integer[map.micro.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(map.urban[b], map.urban[a]));
        int want = map.profile.stationsAndPosts() * 6;
        List<Long> st = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> lats = new ArrayList<>();
        List<Double> lons = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (int i = 0; i < order.length && names.size() < want; i += 2) {
            int m = order[i];
            Coordinate v = map.micro[m].getCoordinates()[0];
            int g = map.policeGridAt(v.x, v.y);
            String[] roads = c.streetRoads[c.streetOfMicro(m)];
            String a = roads[c.microRoad[m]];
            String b = roads[(c.microRoad[m] + 1 + rnd.nextInt(roads.length - 1)) % roads.length];
            String name = a + "与" + b + "交叉口";
            if (!usedNames.add(name)) {
                continue;
            }
            st.add(c.stationIds[map.policeGridStation[g < 0 ? map.microPoliceGrid[m] : g]]);
            names.add(name);
            lats.add(map.lat(v.y));
            lons.add(map.lon(v.x));
        }
        geo.insertDeploymentPoints(st, names, lats, lons, WGS84);
    }

    private void storePoliceOffices(County c, GeoDao geo) {
        CountyMap map = c.map;
        List<Long> st = new ArrayList<>();
        List<Long> com = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> lats = new ArrayList<>();
        List<Double> lons = new ArrayList<>();
        for (int k = 0; k < c.communityIds.length; k++) {
            Point p = map.community[k].getInteriorPoint();
            int g = map.policeGridAt(p.getX(), p.getY());
            if (g < 0) {
                continue;
            }
            st.add(c.stationIds[map.policeGridStation[g]]);
            com.add(c.communityIds[k]);
            names.add(c.communityNames[k] + "警务室");
            lats.add(map.lat(p.getY()));
            lons.add(map.lon(p.getX()));
        }
        geo.insertPoliceOffices(st, com, names, lats, lons, WGS84);
    }

    /** Largest-remainder split of {@code total} in proportion to {@code weights}, at least one each. */
    static int[] apportion(int[] weights, int total) {
        int n = weights.length;
        int[] out = new int[n];
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int given = 0;
        double[] rest = new double[n];
        for (int i = 0; i < n; i++) {
            double exact = (double) total * weights[i] / Math.max(1, sum);
            out[i] = Math.max(1, (int) Math.floor(exact));
            rest[i] = exact - Math.floor(exact);
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }

    /** Officer rows collected for one batch insert. */
    private final class Officers {
        final List<Long> station = new ArrayList<>();
        final List<Long> team = new ArrayList<>();
        final List<String> badges = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> ranks = new ArrayList<>();
        final List<String> duties = new ArrayList<>();
        final List<String> phones = new ArrayList<>();
        private int police;
        private int auxiliaries;

        int add(long stationId, Long teamId, boolean isPolice, String duty) {
            station.add(stationId);
            team.add(teamId);
            badges.add(isPolice ? String.format("%06d", 100_001 + police++) : String.format("FJ%06d", 1 + auxiliaries++));
            names.add(vocab.personName(rnd));
            ranks.add(isPolice ? "POLICE" : "AUXILIARY");
            duties.add(duty);
            phones.add(Phones.mobile(rnd));
            return names.size() - 1;
        }
    }
}
