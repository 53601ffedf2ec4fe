package org.commandroom.core.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo county moving: new 110 calls arrive at a realistic rhythm, a simulated colleague
 * dispatches the ones nobody has taken after a few minutes, terminals sign for, drive there, report
 * positions and feed back, and patrolling units wander their station's hot spots.
 *
 * <p>Everything goes through the same services a workstation uses, so each step lands in the change
 * log and every console sees it. It only runs in demo mode, never against a real database. It is
 * driven by {@link #tick()} once a second; tests call {@code tick()} themselves on a moved clock.
 */
public final class DemoSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);
    static final String ACTOR = "模拟终端";
    static final String COLLEAGUE = "模拟值班长";
    private static final Duration STALE_OPEN = Duration.ofHours(3);
    private static final double ARRIVAL_METRES = 30;
    private static final Duration MAX_TRAVEL = Duration.ofMinutes(15);
    /** How often a followed incident is looked at for other units sent to it. */
    private static final Duration COMPANION_LOOK = Duration.ofSeconds(15);

    /** How long an answer through the broker may take before the simulator writes it directly. */
    static final Duration TERMINAL_PATIENCE = Duration.ofSeconds(90);
    private static final String FEEDBACK_TEXT = "已到场处置完毕";

    /** Relative incident volume by local hour (quiet 3-6 am, peaks late morning and 8-10 pm). */
    private static final double[] HOURLY = {
        0.9, 0.7, 0.5, 0.35, 0.3, 0.35, 0.5, 0.8, 1.0, 1.15, 1.2, 1.2,
        1.15, 1.05, 1.05, 1.1, 1.15, 1.2, 1.3, 1.4, 1.45, 1.4, 1.25, 1.1};

    private final Jdbi jdbi;
    private final IncidentService incidents;
    private final UnitService units;
    private final OrderService orders;
    private final Numbering numbering;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService scheduler;
    private final SimulatorSettings settings;
    private final Random random;
    private final DemoTerminals terminals;
    private final DemoTerminals direct;
    private boolean warnedSlowTerminal;

    private final Map<Long, Instant> dispatchDue = new HashMap<>();
    /** Incidents dispatched by someone else without an order to follow, and when to look again. */
    private final Map<Long, Instant> othersChecked = new HashMap<>();
    private final Map<Long, Job> jobs = new HashMap<>();
    private final Map<Long, Walker> walkers = new HashMap<>();
    private List<IncidentTemplate> templates = List.of();
    private Map<Long, List<IncidentTemplate>> templatesByStation = Map.of();
    private Instant lastTick;
    private ScheduledFuture<?> task;

    public DemoSimulator(Jdbi jdbi, IncidentService incidents, UnitService units, OrderService orders,
                         Numbering numbering, Clock clock, ZoneId zone, ScheduledExecutorService scheduler,
                         SimulatorSettings settings, long seed) {
        this(jdbi, incidents, units, orders, numbering, clock, zone, scheduler, settings, seed, null);
    }

    /**
     * @param terminals how units answer the orders this simulator dispatches (null: directly in the
     *                  database); work adopted from an earlier run is always answered directly, since those
     *                  orders were pushed to terminals that no longer exist
     */
    public DemoSimulator(Jdbi jdbi, IncidentService incidents, UnitService units, OrderService orders,
                         Numbering numbering, Clock clock, ZoneId zone, ScheduledExecutorService scheduler,
                         SimulatorSettings settings, long seed, DemoTerminals terminals) {
        this.jdbi = jdbi;
        this.incidents = incidents;
        this.units = units;
        this.orders = orders;
        this.numbering = numbering;
        this.clock = clock;
        this.zone = zone;
        this.scheduler = scheduler;
        this.settings = settings;
        this.random = new Random(seed);
        this.direct = DemoTerminals.direct(orders, ACTOR);
        this.terminals = terminals == null ? direct : terminals;
    }

    /** Loads what it needs, tidies what an earlier run left open, and ticks once a second. */
    public synchronized void start() {
        if (task != null) {
            return;
        }
        prepare();
        task = scheduler.scheduleWithFixedDelay(this::tickSafely, 1, 1, TimeUnit.SECONDS);
        LOG.info("Demo simulator started: {} incident templates, {} units", templates.size(), walkers.size());
    }

    /** Loads templates and units and adopts open work; called by start() and by tests. */
    synchronized void prepare() {
        templates = jdbi.withExtension(SimulatorDao.class, dao -> dao.templates(1500));
        Map<Long, List<IncidentTemplate>> byStation = new HashMap<>();
        for (IncidentTemplate t : templates) {
            byStation.computeIfAbsent(t.stationId(), k -> new ArrayList<>()).add(t);
        }
        templatesByStation = byStation;
        List<PatrolUnit> all = units.all();
        for (int i = 0; i < all.size(); i++) {
            PatrolUnit u = all.get(i);
            if (u.position() != null) {
                // The last few units (in call-sign order) lose their signal, to show stale positions.
                boolean silent = i >= all.size() - settings.silentUnits();
                walkers.put(u.id(), new Walker(u.id(), u.stationId(), u.kind(), u.position(), silent, i));
            }
        }
        lastTick = clock.instant();
        adoptOpenWork(lastTick);
        warmUp(lastTick);
    }

    /**
     * After a long pause (the console was closed overnight) the queue would start empty: bring in a
     * few calls received over the last minutes so the commander sees a working queue at once.
     */
    private void warmUp(Instant now) {
        if (templates.isEmpty()) {
            return;
        }
        int open = incidents.openIncidents().size();
        int missing = settings.warmQueue() - open;
        for (int i = 0; i < missing; i++) {
            newIncident(now.minusSeconds(random.nextInt(8 * 60)));
        }
        if (missing > 0) {
            LOG.info("Warmed the demo queue with {} recent calls", missing);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A lost database or a conflict with a real commander: log and carry on next second.
            LOG.warn("Simulator step failed: {}", e.toString());
        }
    }

    /** One simulation step up to the clock's present. */
    public synchronized void tick() {
        Instant now = clock.instant();
        double dt = Math.max(0, Duration.between(lastTick, now).toMillis() / 1000.0);
        lastTick = now;
        arrivals(now, dt);
        List<PatrolUnit> fleet = units.all();
        Map<Long, PatrolUnit> byId = new HashMap<>();
        for (PatrolUnit u : fleet) {
            byId.put(u.id(), u);
        }
        dispatchWaiting(now, byId);
        progressJobs(now, byId);
        move(now, dt);
    }

    private void arrivals(Instant now, double dt) {
        if (templates.isEmpty() || dt <= 0) {
            return;
        }
        int hour = now.atZone(zone).getHour();
        double expected = dt / settings.meanIncidentInterval().toSeconds() * HOURLY[hour];
        int n = poisson(Math.min(expected, 20));
        for (int i = 0; i < n; i++) {
            newIncident(now);
        }
    }

    /** Records one new call modelled on a historic one (same place, kind and sometimes the same caller). */
    Incident newIncident(Instant receivedAt) {
        IncidentTemplate t = templates.get(random.nextInt(templates.size()));
        String caller = random.nextDouble() < 0.15 ? t.callerNumber() : randomMobile();
        long id = jdbi.inTransaction(h -> {
            String no = numbering.next(h, "J");
            Incident incident = new Incident(0, no, receivedAt, caller, t.address(), t.position(), t.type(),
                    t.type().defaultPriority(), t.description(), t.stationId(), t.policeGridId(),
                    IncidentStatus.NEW, null, 0);
            return incidents.record(h, incident);
        });
        return jdbi.withExtension(org.commandroom.core.incident.IncidentDao.class, dao -> dao.findById(id)).orElseThrow();
    }

    private void dispatchWaiting(Instant now, Map<Long, PatrolUnit> fleet) {
        List<Incident> open = incidents.openIncidents();
        // Incidents closed by someone else are forgotten, so a shift of any length holds only what is open.
        java.util.Set<Long> openIds = new java.util.HashSet<>();
        for (Incident incident : open) {
            openIds.add(incident.id());
        }
        dispatchDue.keySet().retainAll(openIds);
        othersChecked.keySet().retainAll(openIds);
        for (Incident incident : open) {
            if (jobs.containsKey(incident.id())) {
                continue;
            }
            if (incident.status() == IncidentStatus.DISPATCHED) {
                followOthersDispatch(incident, now);
                continue;
            }
            if (incident.status() != IncidentStatus.NEW) {
                continue;
            }
            Instant due = dispatchDue.computeIfAbsent(incident.id(), k -> incident.receivedAt().plus(randomDispatchDelay()));
            if (now.isBefore(due)) {
                continue;
            }
            PatrolUnit unit = nearestAvailable(incident, fleet);
            if (unit == null) {
                continue; // everyone is busy: the incident keeps waiting, as it would.
            }
            try {
                Order order = dispatch(incident, unit);
                fleet.remove(unit.id());
                dispatchDue.remove(incident.id());
                Instant signAt = now.plusSeconds(10 + random.nextInt(50));
                Job job = new Job(incident.id(), unit.id(), order.id(), incident.position(), signAt);
                job.answers = terminals;
                jobs.put(incident.id(), job);
            } catch (ConcurrentChangeException e) {
                LOG.debug("Simulator lost a race for {}: {}", e.entity(), e.getMessage());
            }
        }
    }

    /**
     * An incident someone else dispatched (the commander at this console, another workstation): its unit answers as
     * the simulated units answer their own, signs, drives there, is on scene and feeds back, so that a shift worked
     * by a person (or the soak's robot) goes round the loop and the units come free again. An incident dispatched
     * without a dispatch order the simulator can follow is looked at again a minute later.
     */
    private void followOthersDispatch(Incident incident, Instant now) {
        Instant next = othersChecked.get(incident.id());
        if (next != null && now.isBefore(next)) {
            return;
        }
        Order open = jdbi.withExtension(OrderDao.class, dao -> dao.forIncident(incident.id())).stream()
                .filter(o -> o.kind() == OrderKind.DISPATCH && o.status() == OrderStatus.ISSUED)
                .findFirst().orElse(null);
        if (open == null) {
            othersChecked.put(incident.id(), now.plusSeconds(60));
            return;
        }
        othersChecked.remove(incident.id());
        dispatchDue.remove(incident.id());
        Job job = new Job(incident.id(), open.unitId(), open.id(), incident.position(), now.plusSeconds(10 + random.nextInt(50)));
        job.answers = terminals;
        jobs.put(incident.id(), job);
    }

    private Order dispatch(Incident incident, PatrolUnit unit) {
        return jdbi.inTransaction(h -> {
            units.changeStatus(h, unit.id(), unit.version(), UnitStatus.EN_ROUTE);
            incidents.changeStatus(h, incident, IncidentStatus.DISPATCHED, null);
            OrderDraft draft = new OrderDraft(OrderKind.DISPATCH, incident.id(), incident.type(), incident.stationId() == null
                    ? unit.stationId() : incident.stationId(), unit.id(), null,
                    incident.address() + " " + (incident.description() == null ? "" : incident.description()),
                    incident.position());
            Order o = orders.create(h, draft, COLLEAGUE);
            orders.issue(h, o.id(), draft, COLLEAGUE);
            return o;
        });
    }

    private PatrolUnit nearestAvailable(Incident incident, Map<Long, PatrolUnit> fleet) {
        PatrolUnit best = null;
        double bestScore = Double.MAX_VALUE;
        for (PatrolUnit u : fleet.values()) {
            Walker w = walkers.get(u.id());
            if (u.status() != UnitStatus.AVAILABLE || w == null || w.silent || incident.position() == null) {
                continue;
            }
            double d = w.position.distanceMetres(incident.position());
            // Responsibility first: a unit of the incident's own station is preferred unless much farther.
            double score = d * (u.stationId() == (incident.stationId() == null ? -1 : incident.stationId()) ? 1.0 : 2.5);
            if (score < bestScore) {
                bestScore = score;
                best = u;
            }
        }
        return best;
    }

    private void progressJobs(Instant now, Map<Long, PatrolUnit> fleet) {
        Iterator<Job> it = jobs.values().iterator();
        while (it.hasNext()) {
            Job job = it.next();
            if (!job.signed && !now.isBefore(job.signAt)) {
                job.signed = signed(job, now);
                if (job.signed) {
                    reported(job.orderId, "EN_ROUTE", now); // its unit sets off: the order's en-route time
                }
            }
            if (job.signed && (job.companionsAt == null || !now.isBefore(job.companionsAt.plus(COMPANION_LOOK)))) {
                job.companionsAt = now;
                signCompanions(job);
            }
            Walker w = job.unitId == null ? null : walkers.get(job.unitId);
            if (job.onSceneUntil == null) {
                // A unit whose terminal is silent still gets there; so does one that has been on its way
                // too long (a foot patrol sent across the county by an earlier run).
                boolean arrived = w == null || w.silent || job.target == null
                        || w.position.distanceMetres(job.target) <= ARRIVAL_METRES
                        || Duration.between(job.signAt, now).compareTo(MAX_TRAVEL) > 0;
                if (arrived && job.signed) {
                    arrive(job, fleet, now);
                }
            } else if (!now.isBefore(job.onSceneUntil) && cleared(job, now) && fedBack(job, now)) {
                finish(job, fleet, now);
                it.remove();
            }
        }
    }

    /** Asks the unit to sign; true once the order is signed (at once when answered directly). */
    private boolean signed(Job job, Instant now) {
        if (!job.answers.asynchronous()) {
            job.answers.sign(job.orderId);
            return true;
        }
        if (!job.signSent) {
            job.signSent = job.answers.sign(job.orderId);
        }
        if (orderStatus(job.orderId) != OrderStatus.ISSUED) {
            return true;
        }
        if (Duration.between(job.signAt, now).compareTo(TERMINAL_PATIENCE) > 0) {
            slowTerminal(job, "sign-for");
            direct.sign(job.orderId);
            return true;
        }
        return false;
    }

    /** Asks the unit to feed back; true once the order has its feedback. */
    private boolean fedBack(Job job, Instant now) {
        if (!job.answers.asynchronous()) {
            return true; // finish() feeds back directly, in order with closing
        }
        if (job.feedbackAskedAt == null) {
            job.feedbackAskedAt = now;
        }
        if (!job.feedbackSent) {
            job.feedbackSent = job.answers.feedback(job.orderId, FEEDBACK_TEXT);
        }
        OrderStatus s = orderStatus(job.orderId);
        if (s == OrderStatus.FED_BACK || s == OrderStatus.CLOSED) {
            return true;
        }
        if (Duration.between(job.feedbackAskedAt, now).compareTo(TERMINAL_PATIENCE) > 0) {
            slowTerminal(job, "feedback");
            return true; // finish() writes it directly
        }
        return false;
    }

    private void slowTerminal(Job job, String what) {
        if (!warnedSlowTerminal) {
            warnedSlowTerminal = true;
            LOG.warn("No {} from the simulated terminal for order {} through the broker within {} s; "
                    + "writing it directly (further cases are logged at debug)", what, job.orderId,
                    TERMINAL_PATIENCE.toSeconds());
        } else {
            LOG.debug("No {} through the broker for order {}; writing it directly", what, job.orderId);
        }
    }

    private OrderStatus orderStatus(long orderId) {
        return orders.find(orderId).map(Order::status).orElse(OrderStatus.CLOSED);
    }

    private void arrive(Job job, Map<Long, PatrolUnit> fleet, Instant now) {
        Incident incident = incidentOrNull(job.incidentId);
        jdbi.useTransaction(h -> {
            PatrolUnit u = job.unitId == null ? null : fleet.get(job.unitId);
            if (u != null && u.status() == UnitStatus.EN_ROUTE) {
                units.changeStatus(h, u.id(), u.version(), UnitStatus.ON_SCENE);
            }
            if (incident != null && incident.status() == IncidentStatus.DISPATCHED) {
                incidents.changeStatus(h, incident, IncidentStatus.ON_SCENE, null);
            }
            // As a terminal's STATUS ON_SCENE would: the order's on-scene time, which response times are made of.
            orders.unitReported(h, job.orderId, "ON_SCENE", now, ACTOR);
        });
        job.onSceneUntil = now.plusSeconds(90 + random.nextInt(240));
    }

    /**
     * Other dispatch orders of the job's incident that are still waiting for sign-for: a second unit the commander
     * sent, or the order re-assigned to another unit. Their units answer directly, as work adopted does, at the time
     * the job's own unit signs (or at once if it already has), so nothing the commander sends to a call the
     * simulator follows is left unsigned to escalate.
     */
    private void signCompanions(Job job) {
        for (Order o : companions(job)) {
            if (o.status() == OrderStatus.ISSUED) {
                orders.sign(o.id(), ACTOR);
            }
        }
    }

    /** The unit leaves the scene (its order's cleared time), once, before it writes its feedback. */
    private boolean cleared(Job job, Instant now) {
        if (!job.cleared) {
            reported(job.orderId, "AVAILABLE", now);
            job.cleared = true;
        }
        return true;
    }

    /** The unit's status for the order, as its terminal's STATUS message would record it (en route, on scene, clear). */
    private void reported(long orderId, String status, Instant at) {
        jdbi.useTransaction(h -> orders.unitReported(h, orderId, status, at, ACTOR));
    }

    private List<Order> companions(Job job) {
        return jdbi.withExtension(OrderDao.class, dao -> dao.forIncident(job.incidentId)).stream()
                .filter(o -> o.id() != job.orderId && o.kind() == OrderKind.DISPATCH && o.status() != OrderStatus.CLOSED)
                .toList();
    }

    private void finish(Job job, Map<Long, PatrolUnit> fleet, Instant now) {
        // Directly answered orders (and any the broker did not carry in time) are completed here; the
        // status guards make these no-ops for an order its terminal already signed and fed back.
        orders.sign(job.orderId, ACTOR);
        orders.feedback(job.orderId, ACTOR, FEEDBACK_TEXT);
        orders.close(job.orderId, COLLEAGUE, "同意办结");
        List<Order> others = companions(job);
        for (Order o : others) {
            orders.sign(o.id(), ACTOR);
            orders.feedback(o.id(), ACTOR, FEEDBACK_TEXT);
            orders.close(o.id(), COLLEAGUE, "同意办结");
        }
        Incident incident = incidentOrNull(job.incidentId);
        jdbi.useTransaction(h -> {
            if (incident != null && incident.status().isOpen()) {
                incidents.changeStatus(h, incident, IncidentStatus.CLOSED, now);
            }
            java.util.Set<Long> sent = new java.util.LinkedHashSet<>();
            if (job.unitId != null) {
                sent.add(job.unitId);
            }
            others.stream().map(Order::unitId).filter(java.util.Objects::nonNull).forEach(sent::add);
            for (Long unitId : sent) {
                PatrolUnit u = fleet.get(unitId);
                if (u != null && (u.status() == UnitStatus.ON_SCENE || u.status() == UnitStatus.EN_ROUTE)) {
                    units.changeStatus(h, u.id(), u.version(), UnitStatus.AVAILABLE);
                }
            }
        });
    }

    private Incident incidentOrNull(long id) {
        return jdbi.withExtension(org.commandroom.core.incident.IncidentDao.class, dao -> dao.findById(id)).orElse(null);
    }

    private void move(Instant now, double dt) {
        Map<Long, GeoPoint> jobTargets = new HashMap<>();
        for (Job j : jobs.values()) {
            if (j.unitId != null && j.target != null && j.onSceneUntil == null) {
                jobTargets.put(j.unitId, j.target);
            }
        }
        for (Walker w : walkers.values()) {
            if (w.silent) {
                continue;
            }
            GeoPoint target = jobTargets.get(w.unitId);
            double speed = speed(w.kind);
            if (target == null) {
                if (w.waypoint == null || w.position.distanceMetres(w.waypoint) < ARRIVAL_METRES) {
                    w.waypoint = randomWaypoint(w.stationId);
                }
                target = w.waypoint;
                speed *= 0.4; // patrolling, not racing
            }
            if (target != null) {
                w.stepTowards(target, speed * dt);
            }
            if (w.lastReport == null || Duration.between(w.lastReport, now).compareTo(settings.positionReportEvery()) >= 0) {
                units.reportPosition(w.unitId, w.position, w.heading, now);
                w.lastReport = now;
            }
        }
    }

    private GeoPoint randomWaypoint(long stationId) {
        List<IncidentTemplate> own = templatesByStation.getOrDefault(stationId, templates);
        if (own.isEmpty()) {
            return null;
        }
        return own.get(random.nextInt(own.size())).position();
    }

    /** Closes what an earlier run left open for hours and resumes dispatched work it can follow. */
    private void adoptOpenWork(Instant now) {
        int closed = 0;
        for (Incident incident : incidents.openIncidents()) {
            List<Order> related = jdbi.withExtension(OrderDao.class, dao -> dao.forIncident(incident.id()));
            Order open = related.stream().filter(o -> o.status() != OrderStatus.CLOSED).findFirst().orElse(null);
            if (Duration.between(incident.receivedAt(), now).compareTo(STALE_OPEN) > 0) {
                if (open != null) {
                    orders.sign(open.id(), ACTOR);
                    orders.feedback(open.id(), ACTOR, "上一班次已处置");
                    orders.close(open.id(), COLLEAGUE, "交接班办结");
                }
                incidents.changeStatus(incident, IncidentStatus.CLOSED, now);
                closed++;
            } else if (incident.status() != IncidentStatus.NEW && open != null) {
                Job job = new Job(incident.id(), open.unitId(), open.id(), incident.position(), now);
                job.answers = direct;
                job.signed = open.status() != OrderStatus.ISSUED;
                if (incident.status() == IncidentStatus.ON_SCENE) {
                    // Already there: the remaining work on scene takes a few minutes more.
                    job.onSceneUntil = now.plusSeconds(60 + random.nextInt(240));
                }
                jobs.put(incident.id(), job);
            }
        }
        if (closed > 0) {
            LOG.info("Closed {} incidents left open by an earlier run", closed);
        }
    }

    private Duration randomDispatchDelay() {
        long min = settings.dispatchDelayMin().toSeconds();
        long max = Math.max(min + 1, settings.dispatchDelayMax().toSeconds());
        return Duration.ofSeconds(min + (long) (random.nextDouble() * (max - min)));
    }

    private static double speed(UnitKind kind) {
        return switch (kind) {
            case CAR -> 11;
            case MOTORBIKE -> 9;
            case FOOT -> 1.4;
        };
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private String randomMobile() {
        String[] prefixes = {"133", "135", "136", "138", "139", "150", "151", "158", "177", "180", "186", "189", "199"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    /** Incidents currently followed by the simulator (for tests). */
    synchronized int activeJobs() {
        return jobs.size();
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** A historic incident the simulator models new calls on. */
    public record IncidentTemplate(String address, GeoPoint position, IncidentType type, String description,
                                   String callerNumber, long stationId, Long policeGridId) {
    }

    private static final class Job {
        final long incidentId;
        final Long unitId;
        final long orderId;
        final GeoPoint target;
        final Instant signAt;
        DemoTerminals answers;
        boolean signed;
        boolean signSent;
        boolean feedbackSent;
        Instant feedbackAskedAt;
        Instant onSceneUntil;
        /** When other orders of the incident were last looked for (at most every {@link #COMPANION_LOOK}). */
        Instant companionsAt;
        boolean cleared;

        Job(long incidentId, Long unitId, long orderId, GeoPoint target, Instant signAt) {
            this.incidentId = incidentId;
            this.unitId = unitId;
            this.orderId = orderId;
            this.target = target;
            this.signAt = signAt;
        }
    }

    /** A unit's simulated position between reports. */
    private static final class Walker {
        final long unitId;
        final long stationId;
        final UnitKind kind;
        final boolean silent;
        GeoPoint position;
        GeoPoint waypoint;
        Double heading;
        Instant lastReport;

        Walker(long unitId, long stationId, UnitKind kind, GeoPoint position, boolean silent, int index) {
            this.unitId = unitId;
            this.stationId = stationId;
            this.kind = kind;
            this.position = position;
            this.silent = silent;
        }

        void stepTowards(GeoPoint target, double metres) {
            double d = position.distanceMetres(target);
            if (d < 0.01) {
                return;
            }
            double f = Math.min(1, metres / d);
            double lat = position.lat() + (target.lat() - position.lat()) * f;
            double lon = position.lon() + (target.lon() - position.lon()) * f;
            double dy = target.lat() - position.lat();
            double dx = (target.lon() - position.lon()) * Math.cos(Math.toRadians(position.lat()));
            heading = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
            position = new GeoPoint(lat, lon, position.datum());
        }
    }
}
