package org.commandroom.core.prevention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderEventType;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.geo.io.ImportProblem;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model alerts over water-meter readings (seed 000; docs/PREVENTION.md): the water company's readings are imported
 * ({@link MeterReadingCsv}), each meter's readings (those stored and the file's) are read by the models
 * ({@link MeterModels}), and each new finding on a house of the register becomes an alert and a HOUSE_INSPECTION order
 * to the community officer of the house's police grid (the station when the grid has none), issued through the order
 * service with the rule's time limit, its summary naming what was seen and its trail holding the readings.
 *
 * <p>All or nothing: the readings and the alerts of one file are written in one transaction; one problem writes
 * nothing. An alert is keyed by meter, rule and the first day of the stretch that triggered it, so the same file (or a
 * later one continuing the same stretch) does not alert twice. Importing needs {@link Permission#SETUP}, like the
 * register; saving the rules too. Both are audited.
 */
public final class ModelAlertService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelAlertService.class);
    /** The actor of the alerts' orders in their trail. */
    public static final String ACTOR = "模型预警";

    private final Jdbi jdbi;
    private final Clock clock;
    private final OrderService orders;
    private final AccessGuard guard;

    public ModelAlertService(Jdbi jdbi, Clock clock, OrderService orders, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.orders = Objects.requireNonNull(orders);
        this.guard = Objects.requireNonNull(guard);
    }

    /** One alert raised (in a dry run: that would be raised; no order number then). */
    public record Alert(String rule, String meterNo, long houseId, String house, LocalDate episodeStart, String orderNo,
                        Long officerId, Instant deadline, String evidence) {
    }

    /**
     * What an import did. Rejected: the problems, nothing written. Accepted: readings new, changed and unchanged; the
     * alerts; the meters whose address and house number the register does not have (read, kept, no alert).
     */
    public record Result(boolean accepted, boolean dryRun, List<ImportProblem> problems, int inserted, int updated,
                         int unchanged, List<Alert> alerts, List<String> notInRegister) {

        public List<String> problemLines(Locale locale) {
            return problems.stream().map(p -> p.message(locale)).toList();
        }
    }

    /** Imports a readings file and raises the alerts it shows; needs {@link Permission#SETUP}. */
    public Result importReadings(byte[] content, String fileName, String actor, boolean dryRun) {
        guard.require(Permission.SETUP, "IMPORT", "METER_READING", null);
        MeterReadingCsv.Read read = MeterReadingCsv.read(content);
        if (!read.accepted()) {
            LOG.info("Meter readings {} rejected: {} problem(s), first: {}", fileName, read.problems().size(), read.problems().get(0));
            return new Result(false, dryRun, read.problems(), 0, 0, 0, List.of(), List.of());
        }
        Instant now = clock.instant();
        Rejected[] rejected = {null};
        Result r;
        try {
            r = jdbi.inTransaction(h -> {
                Result done = run(h, read.readings(), now, actor, dryRun);
                if (!done.accepted()) {
                    rejected[0] = new Rejected(done);
                    throw rejected[0];
                }
                if (!dryRun) {
                    guard.audit(h, now, actor, "IMPORT", "METER_READING", null, fileName + ": " + done.inserted() + " new, "
                            + done.updated() + " changed, " + done.unchanged() + " unchanged readings; " + done.alerts().size()
                            + " alerts");
                }
                return done;
            });
        } catch (Rejected e) {
            return e.result;
        }
        LOG.info("Meter readings {}{}: {} new, {} changed, {} unchanged; {} alerts; {} meters not in the register", fileName,
                dryRun ? " (dry run)" : "", r.inserted(), r.updated(), r.unchanged(), r.alerts().size(), r.notInRegister().size());
        return r;
    }

    /** Rolls the transaction back and carries the problems out of it. */
    private static final class Rejected extends RuntimeException {
        private final transient Result result;

        Rejected(Result result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private Result run(Handle h, List<MeterReading> file, Instant now, String actor, boolean dryRun) {
        Map<String, List<MeterReading>> byMeter = new LinkedHashMap<>();
        file.forEach(r -> byMeter.computeIfAbsent(r.meterNo(), k -> new ArrayList<>()).add(r));
        List<ImportProblem> problems = new ArrayList<>();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, List<MeterReading>> series = new LinkedHashMap<>();
        for (Map.Entry<String, List<MeterReading>> e : byMeter.entrySet()) {
            Map<LocalDate, MeterReading> merged = new HashMap<>();
            for (MeterReading stored : stored(h, e.getKey())) {
                merged.put(stored.readOn(), stored);
            }
            String storedKey = merged.values().stream().findFirst().map(MeterReading::houseKey).orElse(null);
            for (MeterReading r : e.getValue()) {
                MeterReading before = merged.put(r.readOn(), r);
                if (before == null) {
                    inserted++;
                } else if (before.reading() != r.reading() || !before.houseKey().equals(r.houseKey())) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            if (storedKey != null && !storedKey.equals(e.getValue().get(0).houseKey())) {
                MeterReading r = e.getValue().get(0);
                MeterReading old = merged.values().stream().filter(m -> m.line() == 0).findFirst().orElse(r);
                problems.add(new ImportProblem(MeterReadingCsv.where(r.line(), MeterReadingCsv.Column.ADDRESS),
                        Text.of("core.meter.movedStored", r.meterNo(), old.address() + " " + old.houseNo())));
            }
            List<MeterReading> sorted = new ArrayList<>(merged.values());
            sorted.sort(Comparator.comparing(MeterReading::readOn));
            for (int i = 1; i < sorted.size(); i++) {
                MeterReading a = sorted.get(i - 1);
                MeterReading b = sorted.get(i);
                if (b.reading() < a.reading()) {
                    MeterReading named = b.line() > 0 ? b : a;
                    problems.add(new ImportProblem(MeterReadingCsv.where(named.line(), MeterReadingCsv.Column.READING),
                            Text.of("core.meter.goesDown", b.meterNo(), b.reading(), a.readOn(), a.reading())));
                }
            }
            series.put(e.getKey(), sorted);
        }
        if (!problems.isEmpty()) {
            return new Result(false, dryRun, problems, 0, 0, 0, List.of(), List.of());
        }
        if (!dryRun) {
            for (MeterReading r : file) {
                upsert(h, r, now);
            }
        }
        MeterModels models = MeterModels.load(h);
        List<Alert> alerts = new ArrayList<>();
        List<String> notInRegister = new ArrayList<>();
        for (Map.Entry<String, List<MeterReading>> e : series.entrySet()) {
            MeterReading any = e.getValue().get(e.getValue().size() - 1);
            Optional<House> house = h.createQuery(HouseRegister.SELECT + " WHERE natural_key = :k AND active = TRUE")
                    .bind("k", any.houseKey()).map(new HouseRegister.HouseMapper()).findOne();
            if (house.isEmpty() || house.get().stationId() == null) {
                notInRegister.add(e.getKey() + " " + any.address() + " " + any.houseNo());
                continue;
            }
            for (MeterModels.Finding f : models.evaluate(e.getValue(), house.get().kind())) {
                boolean known = h.createQuery("SELECT COUNT(*) FROM model_alert WHERE meter_no = :m AND rule_code = :r "
                                + "AND episode_start = :d").bind("m", e.getKey()).bind("r", f.rule()).bind("d", f.episodeStart())
                        .mapTo(Integer.class).one() > 0;
                if (!known) {
                    alerts.add(raise(h, models.rule(f.rule()).orElseThrow(), house.get(), e.getKey(), f, now, actor, dryRun));
                }
            }
        }
        return new Result(true, dryRun, List.of(), inserted, updated, unchanged, List.copyOf(alerts), List.copyOf(notInRegister));
    }

    private static List<MeterReading> stored(Handle h, String meter) {
        return h.createQuery("SELECT meter_no, address, house_no, read_on, reading FROM meter_reading WHERE meter_no = :m")
                .bind("m", meter)
                .map((rs, ctx) -> new MeterReading(0, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getDouble(5)))
                .list();
    }

    private static void upsert(Handle h, MeterReading r, Instant now) {
        int changed = h.createUpdate("UPDATE meter_reading SET reading = :v, address = :a, house_no = :n, natural_key = :k, "
                        + "imported_at = :at WHERE meter_no = :m AND read_on = :d")
                .bind("v", r.reading()).bind("a", r.address()).bind("n", r.houseNo()).bind("k", r.houseKey()).bind("at", now)
                .bind("m", r.meterNo()).bind("d", r.readOn()).execute();
        if (changed == 0) {
            h.createUpdate("INSERT INTO meter_reading (meter_no, read_on, reading, address, house_no, natural_key, imported_at) "
                            + "VALUES (:m, :d, :v, :a, :n, :k, :at)")
                    .bind("v", r.reading()).bind("a", r.address()).bind("n", r.houseNo()).bind("k", r.houseKey()).bind("at", now)
                    .bind("m", r.meterNo()).bind("d", r.readOn()).execute();
        }
    }

    private Alert raise(Handle h, MeterModels.Rule rule, House house, String meter, MeterModels.Finding f, Instant now,
                        String actor, boolean dryRun) {
        Instant deadline = now.plus(Duration.ofDays(rule.feedbackDays()));
        String evidence = evidence(meter, f);
        Long officer = house.policeGridId() == null ? null : h.createQuery("SELECT officer_id FROM police_grid WHERE id = :g")
                .bind("g", house.policeGridId()).mapTo(Long.class).findOne().orElse(null);
        if (dryRun) {
            return new Alert(rule.code(), meter, house.id(), house.label(), f.episodeStart(), null, officer, deadline, evidence);
        }
        String summary = "模型预警·" + rule.nameZh() + ":" + house.label() + "(" + house.kind().zh() + ")表号 " + meter + ","
                + seen(rule, f) + ",请于" + deadline.atZone(HouseRegister.ZONE).toLocalDate() + "前上门核查并反馈";
        OrderDraft draft = new OrderDraft(OrderKind.HOUSE_INSPECTION, null, null, house.stationId(), null, officer,
                summary.length() > 500 ? summary.substring(0, 500) : summary, house.position());
        Order o = orders.create(h, draft, ACTOR);
        orders.issue(h, o.id(), draft, ACTOR, Duration.between(now, deadline));
        h.attach(OrderDao.class).appendEvent(o.id(), now, ACTOR, OrderEventType.NOTE, evidence);
        h.createUpdate("INSERT INTO model_alert (rule_code, meter_no, episode_start, house_id, station_id, order_id, detected_at, "
                        + "deadline, evidence) VALUES (:r, :m, :d, :h, :s, :o, :at, :dl, :e)")
                .bind("r", rule.code()).bind("m", meter).bind("d", f.episodeStart()).bind("h", house.id())
                .bind("s", house.stationId()).bind("o", o.id()).bind("at", now).bind("dl", deadline).bind("e", evidence).execute();
        guard.audit(h, now, actor, "MODEL_ALERT", "HOUSE", house.id(), o.orderNo() + " " + rule.code() + " " + meter + " "
                + house.label());
        return new Alert(rule.code(), meter, house.id(), house.label(), f.episodeStart(), o.orderNo(), officer, deadline, evidence);
    }

    /** What the model saw, in the order's words. */
    private static String seen(MeterModels.Rule rule, MeterModels.Finding f) {
        String now = String.format(Locale.ROOT, "%.2f", f.rateNow());
        String before = Double.isNaN(f.rateBefore()) ? "" : String.format(Locale.ROOT, "%.2f", f.rateBefore());
        return switch (f.rule()) {
            case MeterModels.SUDDEN_OCCUPANCY -> "此前日均用水" + before + "m³,自" + f.episodeStart() + "起日均" + now + "m³";
            case MeterModels.GONE_SILENT -> "此前日均用水" + before + "m³,自" + f.episodeStart() + "起" + f.daysNow() + "天日均"
                    + now + "m³";
            default -> "自" + f.episodeStart() + "起" + f.daysNow() + "天日均用水" + now + "m³(约"
                    + Math.round(f.rateNow() / rule.t("perPersonRate")) + "人)";
        };
    }

    /** The readings behind a finding, as the order's trail keeps them: {@code 表号 M1 读数(m³):2026-05-01 100.0;…}. */
    static String evidence(String meter, MeterModels.Finding f) {
        StringBuilder b = new StringBuilder("表号 " + meter + " 读数(m³):");
        for (MeterReading r : f.evidence()) {
            b.append(r.readOn()).append(' ').append(String.format(Locale.ROOT, "%.1f", r.reading())).append(';');
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }

    /**
     * One alert as raised, with the order it became: its number, its status of the moment (null when the alert has no
     * order), whether it was fed back after its deadline or is still open past it.
     */
    public record Raised(long id, String rule, String meterNo, String house, String station, LocalDate episodeStart,
                         Instant detectedAt, Instant deadline, String evidence, String orderNo, String orderStatus,
                         Instant fedBackAt, boolean late) {
    }

    /** The newest alerts first, at most {@code limit}; reading them needs no permission (the orders are on every desk). */
    public List<Raised> recent(int limit) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("SELECT ma.id, ma.rule_code, ma.meter_no, hs.address, hs.house_no, s.name, "
                        + "ma.episode_start, ma.detected_at, ma.deadline, ma.evidence, o.order_no, o.status, o.fed_back_at "
                        + "FROM model_alert ma JOIN house hs ON hs.id = ma.house_id JOIN station s ON s.id = ma.station_id "
                        + "LEFT JOIN work_order o ON o.id = ma.order_id ORDER BY ma.detected_at DESC, ma.id DESC")
                .setMaxRows(Math.max(1, limit))
                .map((rs, ctx) -> {
                    Instant deadline = rs.getObject(9, java.time.OffsetDateTime.class).toInstant();
                    java.time.OffsetDateTime fed = rs.getObject(13, java.time.OffsetDateTime.class);
                    Instant fedBack = fed == null ? null : fed.toInstant();
                    String status = rs.getString(12);
                    boolean open = status != null && fedBack == null && !"CLOSED".equals(status);
                    boolean late = fedBack != null ? fedBack.isAfter(deadline) : open && now.isAfter(deadline);
                    return new Raised(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4) + " " + rs.getString(5),
                            rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, java.time.OffsetDateTime.class).toInstant(), deadline, rs.getString(10),
                            rs.getString(11), status, fedBack, late);
                })
                .list());
    }

    /** The rules in force. */
    public MeterModels rules() {
        return jdbi.withHandle(MeterModels::load);
    }

    /** Replaces the rules (enabled, feedback days, thresholds) in one transaction; needs {@link Permission#SETUP}. */
    public void saveRules(MeterModels rules, String actor) {
        guard.require(Permission.SETUP, "MODEL_ALERT_RULES", "MODEL_ALERT_RULE", null);
        List<MeterModels.RuleProblem> problems = rules.fieldProblems();
        if (!problems.isEmpty()) {
            throw new MeterModels.InvalidRules(problems);
        }
        jdbi.useTransaction(h -> {
            for (MeterModels.Rule r : rules.rules()) {
                h.createUpdate("UPDATE model_alert_rule SET enabled = :e, feedback_days = :f WHERE code = :c")
                        .bind("e", r.enabled()).bind("f", r.feedbackDays()).bind("c", r.code()).execute();
                h.createUpdate("DELETE FROM model_alert_threshold WHERE rule_code = :c").bind("c", r.code()).execute();
                for (Map.Entry<String, Double> t : r.thresholds().entrySet()) {
                    h.createUpdate("INSERT INTO model_alert_threshold (rule_code, name, val) VALUES (:c, :n, :v)")
                            .bind("c", r.code()).bind("n", t.getKey()).bind("v", t.getValue()).execute();
                }
            }
            guard.audit(h, clock.instant(), actor, "MODEL_ALERT_RULES", "MODEL_ALERT_RULE", null, rules.rules().toString());
        });
    }
}
