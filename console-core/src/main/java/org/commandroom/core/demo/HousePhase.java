package org.commandroom.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.prevention.House;
import org.commandroom.core.prevention.HouseInput;
import org.commandroom.core.prevention.HouseKind;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.prevention.InspectionGenerator;
import org.commandroom.core.prevention.PreventionRules;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The demo county's house register (issue 15): a handful of houses in every police grid (3 to 8; 1 or 2 in a county of
 * more than {@link #LARGE_COUNTY_GRIDS} grids, so the register stays a few hundred), at addresses with a
 * house number that the county's calls already named (so the gazetteer knows them), registered about a year before
 * {@code end}, with landlords, occupants and risk factors, rated by the register's own rules; and for each house its
 * inspection history over the year by its cycle: orders to the grid's community officer fed back on time (most), late
 * (some), a due date missed now and then (no order), and a few of the latest still waiting past their deadline; the
 * feedback names the hazards found. Written in one transaction after the history, with the same SQL as
 * {@link InspectionGenerator} ({@code house_inspection}) and the demo's order writer; deterministic from the seed.
 */
final class HousePhase {

    static final int MIN_PER_GRID = 3;
    static final int MAX_PER_GRID = 8;
    static final int CALLS_PER_GRID = 300;
    /** A county with more police grids (Bao'an's 397) gets 1-2 houses a grid, so the register stays a few hundred. */
    static final int LARGE_COUNTY_GRIDS = 100;
    /** A residential address of the generated calls: the road part and its house number (城关街道前进路 + 12号). */
    private static final Pattern NUMBERED = Pattern.compile("^(.+?\\D)(\\d{1,4}号)$");

    private static final String[] NO_HAZARD = {"核查完毕,未发现问题", "住户信息已核对,与登记一致", "消防器材完好,通道畅通",
        "房东在场,治安责任书在有效期内"};
    private static final String[] HOUSE_HAZARDS = {"楼道堆放杂物,已责令清理", "电动车在楼道内充电,已当场制止",
        "新入住人员未登记,已督促登记", "灭火器过期,已要求更换", "私拉乱接电线,已要求整改", "出租屋内住人过多,已告知房东"};
    private static final String[] SITE_HAZARDS = {"新进场务工人员未登记,已督促登记", "工地围挡破损,已要求修复",
        "材料堆放区无人看管,已要求安排值守", "夜间施工噪音扰民,已告知负责人"};
    private static final String[] UNIT_HAZARDS = {"监控探头故障,已要求维修", "值班记录不全,已要求补齐",
        "消防通道被占用,已责令清理", "安全出口指示灯损坏,已要求更换"};
    private static final String[] SITE_NAMES = {"安置房项目工地", "商住楼项目工地", "道路改造工程工地", "学校扩建工程工地"};
    private static final String[] UNIT_NAMES = {"加油站", "中心小学", "卫生院", "农贸市场", "液化气供应站", "宾馆"};

    private final County c;
    private final Vocabulary vocab;
    private final Instant end;
    private final SplittableRandom rnd;

    HousePhase(County c, Vocabulary vocab, long seed, Instant end) {
        this.c = c;
        this.vocab = vocab;
        this.end = end;
        this.rnd = new SplittableRandom(seed ^ 0x40C5E5L);
    }

    /** An address of a call in a police grid, with where the call was. */
    private record Candidate(String address, String houseNo, double lat, double lon) {
    }

    /** One due date as recorded: its order (null when missed) and the findings of its feedback. */
    private record Row(long houseId, LocalDate due, Instant deadline, Long stationId, OrderFactory.Spec order,
                       Instant createdAt, String findings, Integer hazards) {
    }

    /** What the phase wrote, and how long registering the houses and writing their inspections took. */
    record Written(int houses, int inspections, long registerMillis, long inspectMillis) {
    }

    /** Writes the houses and their inspections. */
    Written run(Handle h) {
        long t0 = System.nanoTime();
        Map<Long, String> gridCodes = new HashMap<>();
        h.createQuery("SELECT id, code FROM police_grid").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> gridCodes.put(e.getKey(), e.getValue()));
        List<List<Candidate>> byGrid = candidates(h);

        PreventionRules rules = PreventionRules.load(h);
        LocalDate today = LocalDate.ofInstant(end, IncidentFactory.ZONE);
        List<HouseInput> inputs = new ArrayList<>();
        List<Instant> registered = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int g = 0; g < byGrid.size(); g++) {
            List<Candidate> pool = byGrid.get(g);
            int drawn = byGrid.size() > LARGE_COUNTY_GRIDS ? 1 + rnd.nextInt(2)
                    : MIN_PER_GRID + rnd.nextInt(MAX_PER_GRID - MIN_PER_GRID + 1);
            int want = Math.min(pool.size(), drawn);
            int made = 0;
            for (int i = 0; i < pool.size() && made < want; i++) {
                int j = i + rnd.nextInt(pool.size() - i);
                Candidate pick = pool.get(j);
                pool.set(j, pool.get(i));
                pool.set(i, pick);
                if (!taken.add(HouseRegister.naturalKey(pick.address(), pick.houseNo()))) {
                    continue;
                }
                // registered in the first weeks of the demo's year, by day (office hours)
                LocalDate day = today.minusDays(365 - rnd.nextInt(40));
                registered.add(day.atTime(9 + rnd.nextInt(8), rnd.nextInt(60)).atZone(IncidentFactory.ZONE).toInstant());
                inputs.add(input(pick, gridCodes.get(c.policeGridIds[g]), day, rules));
                made++;
            }
        }
        List<House> houses = HouseRegister.registerGenerated(h, inputs, registered);
        long t1 = System.nanoTime();

        Map<String, Long> counters = BulkWriter.loadCounters(h);
        OrderFactory of = new OrderFactory(end, counters);
        List<Row> rows = new ArrayList<>();
        for (House house : houses) {
            history(house, rules, today, of, rows);
        }
        List<OrderFactory.Spec> orders = new ArrayList<>();
        for (Row r : rows) {
            if (r.order() != null) {
                orders.add(r.order());
            }
        }
        orders.sort((a, b) -> a.createdAt.compareTo(b.createdAt));
        BulkWriter.orders(h, orders);
        PreparedBatch b = h.prepareBatch("INSERT INTO house_inspection (house_id, due_date, deadline, station_id, order_id, "
                + "created_at, findings, hazards) VALUES (:h, :d, :dl, :s, :o, :at, :f, :z)");
        for (Row r : rows) {
            b.bind("h", r.houseId()).bind("d", r.due()).bind("dl", r.deadline()).bind("s", r.stationId())
                    .bind("o", r.order() == null ? null : r.order().id).bind("at", r.createdAt()).bind("f", r.findings())
                    .bind("z", r.hazards()).add();
        }
        if (!rows.isEmpty()) {
            b.execute();
        }
        BulkWriter.counters(h, of.counters());
        return new Written(houses.size(), rows.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    /**
     * Per police grid (by index), the distinct numbered addresses of its first calls of the year (at most
     * {@link #CALLS_PER_GRID} calls read per grid, through the grid's index: a Bao'an-sized county is not scanned whole).
     */
    private List<List<Candidate>> candidates(Handle h) {
        List<List<Candidate>> out = new ArrayList<>();
        for (int g = 0; g < c.policeGridIds.length; g++) {
            Map<String, Candidate> seen = new LinkedHashMap<>();
            h.createQuery("SELECT address, lat, lon FROM incident WHERE police_grid_id = :g AND lat IS NOT NULL "
                            + "ORDER BY received_at, id LIMIT " + CALLS_PER_GRID)
                    .bind("g", c.policeGridIds[g])
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3)})
                    .forEach(row -> {
                        Matcher m = NUMBERED.matcher((String) row[0]);
                        if (m.matches()) {
                            seen.putIfAbsent((String) row[0], new Candidate(m.group(1), m.group(2), (Double) row[1], (Double) row[2]));
                        }
                    });
            out.add(new ArrayList<>(seen.values()));
        }
        return out;
    }

    private HouseInput input(Candidate at, String gridCode, LocalDate registeredOn, PreventionRules rules) {
        double k = rnd.nextDouble();
        HouseKind kind = k < 0.30 ? HouseKind.SELF_OCCUPIED : k < 0.68 ? HouseKind.RENTED : k < 0.80 ? HouseKind.GROUP_RENTED
                : k < 0.89 ? HouseKind.CONSTRUCTION_SITE : HouseKind.KEY_UNIT;
        String road = at.address().replaceFirst("^.*?(街道|镇)", "");
        String name = switch (kind) {
            case CONSTRUCTION_SITE -> road + SITE_NAMES[rnd.nextInt(SITE_NAMES.length)];
            case KEY_UNIT -> road + UNIT_NAMES[rnd.nextInt(UNIT_NAMES.length)];
            default -> null;
        };
        int occupants = switch (kind) {
            case SELF_OCCUPIED -> 1 + rnd.nextInt(5);
            case RENTED -> 1 + rnd.nextInt(6);
            case GROUP_RENTED -> 7 + rnd.nextInt(12);
            case CONSTRUCTION_SITE -> 20 + rnd.nextInt(130);
            case KEY_UNIT -> 4 + rnd.nextInt(40);
        };
        // how likely each recorded factor is, by kind: a group-rented house is the riskiest, a family home the least
        double scale = switch (kind) {
            case SELF_OCCUPIED -> 0.25;
            case RENTED -> 1.0;
            case GROUP_RENTED -> 2.2;
            case CONSTRUCTION_SITE, KEY_UNIT -> 0.7;
        };
        List<String> factors = new ArrayList<>();
        for (PreventionRules.Factor f : rules.factors()) {
            if (f.occupantsAtLeast() == null && rnd.nextDouble() < factorChance(f.code()) * scale) {
                factors.add(f.code());
            }
        }
        LocalDate last = rnd.nextDouble() < 0.6 ? registeredOn.minusDays(1 + rnd.nextInt(25)) : null;
        return new HouseInput(at.address(), at.houseNo(), kind, name, vocab.personName(rnd), Phones.mobile(rnd), occupants,
                factors, new GeoPoint(at.lat(), at.lon(), Datum.WGS84), gridCode, last);
    }

    private static double factorChance(String code) {
        return switch (code) {
            case "FIRE_HAZARD" -> 0.08;
            case "UNREGISTERED", "LANDLORD_ABSENT" -> 0.15;
            case "NO_AGREEMENT" -> 0.2;
            case "PRIOR_INCIDENT" -> 0.12;
            case "KEY_PERSON" -> 0.04;
            default -> 0.05;
        };
    }

    /**
     * Every due date of the house from its registration to {@code today} as the console would have recorded it, each
     * with its order cut at {@code end}.
     */
    private void history(House house, PreventionRules rules, LocalDate today, OrderFactory of, List<Row> rows) {
        PreventionRules.Cycle cycle = rules.cycle(house.kind(), house.stars()).orElse(null);
        if (cycle == null || house.stationId() == null || house.policeGridId() == null) {
            return;
        }
        int g = -1;
        for (int i = 0; i < c.policeGridIds.length; i++) {
            if (c.policeGridIds[i] == house.policeGridId()) {
                g = i;
            }
        }
        if (g < 0) {
            return;
        }
        String officer = c.gridOfficerNames[g];
        String commander = c.commanderNames[c.map.policeGridStation[g]];
        long last = cycle.lastIndexOnOrBefore(house.anchorDate(), today);
        boolean riskier = house.riskFactors().contains("FIRE_HAZARD") || house.stars() <= 2;
        for (long n = 1; n <= last; n++) {
            LocalDate due = cycle.due(house.anchorDate(), n);
            if (due.isBefore(house.registeredOn())) {
                continue;
            }
            Instant dayStart = due.atStartOfDay(IncidentFactory.ZONE).toInstant();
            Instant deadline = due.plusDays(cycle.feedbackDays()).atStartOfDay(IncidentFactory.ZONE).toInstant();
            boolean past = !deadline.isAfter(end);
            double r = rnd.nextDouble();
            if (past && r < 0.04) {
                // nobody ran the console between the due day and the deadline: recorded as missed when it next ran
                Instant found = deadline.plusSeconds(600 + rnd.nextInt(20 * 3600));
                rows.add(new Row(house.id(), due, deadline, house.stationId(), null, found.isAfter(end) ? end : found,
                        null, null));
                continue;
            }
            // the hourly run early on the due day sends it; the officer signs within minutes, now and then late
            Instant created = dayStart.plusSeconds(300 + rnd.nextInt(50 * 60));
            Instant issued = created.plusSeconds(1);
            Instant signed = issued.plusSeconds(rnd.nextDouble() < 0.05 ? 1900 + rnd.nextInt(6000) : 120 + rnd.nextInt(1500));
            // Only a recent one waits past its deadline: a self-occupied house's previous due date can be half a year
            // back, and an order open since then filled the desk's overdue list in the trial (-4439 h).
            boolean stillWaiting = past && n >= last - 1 && !deadline.isBefore(end.minus(Duration.ofDays(14)))
                    && rnd.nextDouble() < 0.12;
            boolean late = !stillWaiting && past && r < 0.17;
            Instant fed = null;
            if (!stillWaiting) {
                LocalDate fedDay = late ? due.plusDays(cycle.feedbackDays() + rnd.nextInt(4))
                        : due.plusDays(rnd.nextInt(cycle.feedbackDays()));
                ZonedDateTime at = fedDay.atTime(9 + rnd.nextInt(9), rnd.nextInt(60)).atZone(IncidentFactory.ZONE);
                fed = at.toInstant();
                if (!fed.isAfter(signed)) {
                    fed = signed.plusSeconds(3600);
                }
            }
            int hazards = 0;
            String findings = null;
            if (fed != null) {
                hazards = rnd.nextDouble() < (riskier ? 0.45 : 0.18) ? 1 + rnd.nextInt(3) : 0;
                findings = findings(house.kind(), hazards);
            }
            Instant closed = fed == null ? null : fed.plusSeconds(600 + rnd.nextInt(5 * 3600));
            String summary = "房屋核查:" + house.label() + "(" + house.kind().zh() + "," + house.stars() + "星)应查日期 " + due
                    + ",请于" + due.plusDays(cycle.feedbackDays()) + "前上门核查并反馈发现的问题(" + cycle.describeZh() + ")";
            OrderFactory.Spec o = of.plan(OrderKind.HOUSE_INSPECTION, created, issued, signed, fed, closed,
                    InspectionGenerator.ACTOR, officer, findings == null ? null : "隐患" + hazards + "处:" + findings,
                    Duration.between(issued, deadline));
            if (o == null) {
                continue; // due today and the hourly run has not come yet: the console sends it
            }
            o.stationId = house.stationId();
            o.assigneeId = c.gridOfficerIds[g];
            o.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
            o.targetLat = house.position() == null ? null : house.position().lat();
            o.targetLon = house.position() == null ? null : house.position().lon();
            // the commander of the station agrees to close it, as in the rest of the demo
            for (int i = 0; i < o.events.size(); i++) {
                OrderFactory.Event e = o.events.get(i);
                if (e.type() == org.commandroom.core.dispatch.OrderEventType.CLOSED) {
                    o.events.set(i, new OrderFactory.Event(e.at(), commander, e.type(), e.detail()));
                }
            }
            boolean answered = o.fedBackAt != null;
            rows.add(new Row(house.id(), due, deadline, house.stationId(), o, created, answered ? findings : null,
                    answered ? hazards : null));
        }
    }

    private String findings(HouseKind kind, int hazards) {
        if (hazards == 0) {
            return NO_HAZARD[rnd.nextInt(NO_HAZARD.length)];
        }
        String[] pool = switch (kind) {
            case CONSTRUCTION_SITE -> SITE_HAZARDS;
            case KEY_UNIT -> UNIT_HAZARDS;
            default -> HOUSE_HAZARDS;
        };
        List<String> picked = new ArrayList<>();
        int from = rnd.nextInt(pool.length);
        for (int i = 0; i < Math.min(hazards, pool.length); i++) {
            picked.add(pool[(from + i) % pool.length]);
        }
        return String.join(";", picked);
    }
}
