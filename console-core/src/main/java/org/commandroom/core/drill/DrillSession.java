package org.commandroom.core.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.dispatch.IssueHook;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.push.DrillPushChannel;
import org.commandroom.core.dispatch.push.PushMessages;
import org.commandroom.core.dispatch.push.PushTopics;
import org.commandroom.core.dispatch.push.TerminalAckListener;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.intake.Place;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.text.Text;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drill: its own database under {@code <dataDir>/drills/<id>/} (a fresh H2 file with the scenario's county;
 * the live database is never opened), the services built on the {@link DrillClock}, the push channel that opens no
 * connection ({@link DrillPushChannel}) with the units' {@link SimulatedTerminals} on it, and the timeline, fed as
 * the clock passes each entry: calls through the normal intake, units' positions and behaviour, injected events.
 * What the trainee does is read back from the orders of the drill database and scored against the answer key by
 * {@link DrillScorer}.
 *
 * <p>Thread-safe: {@link #tick()} may be called from a timer while the trainee's screens use the services.
 */
public final class DrillSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrillSession.class);
    public static final String DRILLS_DIR = "drills";
    public static final String DB_NAME = "drill";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Who the terminals' and the timeline's own writes are recorded as. */
    public static final String ORIGIN = "drill";
    /**
     * The change-log origin of what the scenario itself does (its calls, a camera going dark): not the trainee's
     * desk ({@link #ORIGIN}), so that a scenario's call alerts the trainee as another call-taker's call would, while
     * the trainee's own writes do not alert the trainee.
     */
    public static final String SCENARIO_ORIGIN = "drill scenario";

    private final Scenario scenario;
    private final String trainee;
    private final Path dir;
    private final Database database;
    private final DrillClock clock;
    private final IncidentService incidents;
    private final UnitService units;
    private final OrderService orders;
    private final IntakeModule intake;
    private final DrillPushChannel channel;
    private final SimulatedTerminals terminals;
    private final Map<String, Long> incidentOfEvent = new HashMap<>();
    private final Map<String, IntakeResult> resultOfCall = new HashMap<>();
    private final Map<String, GeoPoint> whereOfEvent = new HashMap<>();
    private final Map<String, Instant> whenOfEvent = new HashMap<>();
    /** Per event, the units available when it happened, nearest (by travel time) first. */
    private final Map<String, List<DrillScorer.Ranked>> nearestOfEvent = new HashMap<>();
    /** Per event, the map when it happened, in the order the events came. */
    private final Map<String, DrillMapSnapshot> mapOfEvent = new java.util.LinkedHashMap<>();
    private final List<DrillEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<DrillEvent>> listeners = new CopyOnWriteArrayList<>();
    /** The instructor's notes, injected events and calls, on disk in the drill's folder as they are written. */
    private final DrillJournal journal;
    /** Every played event and every unit's move, for the replay of the finished drill ({@link DrillReplay}). */
    private final DrillJournal recording;
    /** Units' moves played since the last publish, recorded with the events. */
    private final List<DrillJournal.Line> movesToRecord = new ArrayList<>();
    /** The calls the instructor made up during the drill: no answer key, so no wrong dispatch either. */
    private final java.util.Set<String> adHocCalls = new java.util.HashSet<>();
    private final java.util.Set<String> injected = new java.util.HashSet<>();
    private int next;
    private boolean finished;

    private DrillSession(Scenario scenario, String trainee, Path dir, Database database, DrillClock clock,
                         Executor background) {
        this.scenario = scenario;
        this.trainee = trainee;
        this.dir = dir;
        this.database = database;
        this.clock = clock;
        this.journal = new DrillJournal(dir);
        this.recording = new DrillJournal(dir, DrillReplay.FILE);
        Jdbi jdbi = database.jdbi();
        ChangeRecorder recorder = new ChangeRecorder(clock, ORIGIN);
        this.incidents = new IncidentService(jdbi, recorder);
        this.units = new UnitService(jdbi, recorder);
        this.channel = new DrillPushChannel(clock);
        String bureau = jdbi.withHandle(h -> h.createQuery("SELECT MIN(code) FROM bureau").mapTo(String.class).one());
        IssueHook push = (h, order) -> {
            if (order.unitId() == null) {
                return;
            }
            String callSign = h.createQuery("SELECT call_sign FROM patrol_unit WHERE id = :id").bind("id", order.unitId())
                    .mapTo(String.class).one();
            // the order's terminal identity, stored with it in the issuing transaction as the live push does (protocol 2:
            // every answer must echo it)
            org.commandroom.core.dispatch.push.PushDao pushDao = h.attach(org.commandroom.core.dispatch.push.PushDao.class);
            pushDao.assignOrderUid(order.id(), java.util.UUID.randomUUID().toString());
            String json = PushMessages.orderJson(order, pushDao.orderUid(order.id()).orElseThrow(), null, order.target());
            h.afterCommit(() -> channel.send(PushTopics.orders(bureau, callSign), json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        };
        this.orders = new OrderService(jdbi, clock, DeadlinePolicy.defaults(), new Numbering(clock, ZONE), recorder, push);
        this.intake = IntakeModule.create(jdbi, clock, incidents, units, orders, recorder, DeadlinePolicy.defaults(),
                background, new Drafts(dir.resolve("drafts"), clock));
        new TerminalAckListener(jdbi, orders, clock, bureau).subscribeTo(channel);
        channel.start();
        this.terminals = new SimulatedTerminals(channel, bureau);
    }

    /**
     * Creates the drill's database and county and prepares the timeline; the clock stands paused at the start.
     *
     * @param dataDir    the console's data directory: the drill lives in {@code drills/<scenario>-<time>/} under it
     * @param background where the gazetteer refreshes itself
     * @throws ScenarioInvalid when a place the scenario names is not in the drill county (with its line)
     */
    public static DrillSession create(Scenario scenario, Path dataDir, String trainee, Executor background) throws IOException {
        return create(scenario, null, dataDir, trainee, background);
    }

    /**
     * As {@link #create(Scenario, Path, String, Executor)}, keeping the scenario's text in the drill's folder with the
     * trainee and the clock's start: a drill a crash cuts short can then be taken up again or scored
     * ({@link #resume}, {@link DrillHistory#unfinished}).
     *
     * @param scenarioText the text {@code scenario} was read from; null keeps none (the drill cannot be resumed)
     */
    public static DrillSession create(Scenario scenario, String scenarioText, Path dataDir, String trainee,
                                      Executor background) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZONE).format(Instant.now());
        Path dir = dataDir.resolve(DRILLS_DIR).resolve(scenario.id() + "-" + stamp);
        if (Files.exists(dir)) {
            throw new IOException("the drill directory " + dir + " exists already");
        }
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        Scenario.County c = scenario.county();
        Path file = dir.resolve(DB_NAME + ".mv.db");
        if (c.snapshot() != null) {
            Files.copy(dataDir.resolve(c.snapshot()), file);
        } else {
            Files.copy(DrillTemplates.template(dataDir, scenario), file);
        }
        if (scenarioText != null) {
            DrillSessionFile.write(dir, scenario, trainee, c.start(), scenarioText);
        }
        Database db = Database.open(DbSettings.embedded(dir, DB_NAME));
        try {
            DrillSession s = new DrillSession(scenario, trainee, dir, db, new DrillClock(c.start(), ZONE), background);
            s.prepare();
            LOG.info("Drill {} ready in {} ms in {}", scenario.id(), (System.nanoTime() - t0) / 1_000_000, dir);
            return s;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Where the generated starting counties are kept ({@link DrillTemplates}). */
    public static final String TEMPLATES_DIR = DrillTemplates.TEMPLATES_DIR;

    /** Checks every place and unit the scenario names, and stores the earlier calls of its callers. */
    private void prepare() {
        intake.gazetteer().load();
        for (Scenario.Entry e : scenario.timeline()) {
            if (e instanceof Scenario.Call call) {
                Place p = place(Scenario.placeName(call.address(), call.near()), e);
                for (Scenario.EarlierCall earlier : call.earlier()) {
                    Instant when = clock.start().minus(Duration.ofDays(earlier.daysBefore()));
                    IntakeResult r = intake.intake().record(new CallReport(call.number(), call.address(), p.position(),
                            earlier.type(), null, scenario.said(call.caller(), earlier.says()), when, null), ORIGIN);
                    Incident i = r.incident();
                    database.jdbi().useTransaction(h -> incidents.changeStatus(h, i, IncidentStatus.CLOSED, when.plusSeconds(3600)));
                }
            } else if (e instanceof Scenario.Inject inject) {
                place(Scenario.placeName(inject.address(), inject.near()), e);
            } else if (e instanceof Scenario.UnitChange u) {
                unit(u.callSign(), e);
                if (u.moveTo() != null) {
                    place(u.moveTo(), e);
                }
            }
        }
        // The earlier calls are history: the gazetteer and repeat detection see them as any stored call.
        intake.gazetteer().load();
        // Where every unit stands at the start, for the replay.
        List<DrillJournal.Line> start = new ArrayList<>();
        for (PatrolUnit u : units.all()) {
            if (u.position() != null) {
                start.add(position(clock.start(), u.callSign(), u.position()));
            }
        }
        record(start);
    }

    private static DrillJournal.Line position(Instant at, String key, GeoPoint where) {
        return new DrillJournal.Line(DrillJournal.Kind.POSITION, at, key, where.lat() + "," + where.lon());
    }

    /** Writes to the replay's recording; a failure costs the replay a gap, never the drill. */
    private void record(List<DrillJournal.Line> lines) {
        try {
            recording.appendAll(lines);
        } catch (RuntimeException e) {
            LOG.warn("The drill's recording for the replay could not be written: {}", e.toString());
        }
    }

    private Place place(String address, Scenario.Entry e) {
        return intake.gazetteer().exact(address).orElseThrow(() -> new ScenarioInvalid(scenario.id(), e.line(), 0, "address",
                "'" + address + "' is not a place of the drill county (profile " + scenario.county().profile() + ", seed "
                        + scenario.county().seed() + ")"));
    }

    private PatrolUnit unit(String callSign, Scenario.Entry e) {
        return units.all().stream().filter(u -> u.callSign().equals(callSign)).findFirst().orElseThrow(() -> new ScenarioInvalid(
                scenario.id(), e.line(), 0, "callSign", "no unit '" + callSign + "' in the drill county"));
    }


    /**
     * Plays every timeline entry whose time has come and lets the terminals answer; returns what happened. Called by
     * a timer while the clock runs, and after every jump.
     */
    public synchronized List<DrillEvent> tick() {
        Instant now = clock.instant();
        Duration elapsed = Duration.between(clock.start(), now);
        List<DrillEvent> out = new ArrayList<>();
        List<Scenario.Entry> timeline = scenario.timeline();
        while (next < timeline.size() && timeline.get(next).at().compareTo(elapsed) <= 0) {
            Instant due = clock.start().plus(timeline.get(next).at());
            // What the terminals had to answer before this entry, they answered first.
            out.addAll(terminals.poll(due));
            // An entry is played at its own time on the timeline, however late the timer came (20x, a jump).
            out.add(play(timeline.get(next), due));
            next++;
        }
        out.addAll(terminals.poll(now));
        if (!finished && elapsed.compareTo(scenario.duration()) >= 0) {
            finished = true;
            clock.pause();
            out.add(new DrillEvent(clock.start().plus(scenario.duration()), "END", null, "演练结束 / drill over"));
        }
        publish(out);
        return out;
    }

    private void publish(List<DrillEvent> out) {
        List<DrillJournal.Line> lines = new ArrayList<>(movesToRecord);
        movesToRecord.clear();
        for (DrillEvent e : out) {
            lines.add(new DrillJournal.Line(DrillJournal.Kind.EVENT, e.at(), e.kind() + ":" + (e.eventId() == null ? "" : e.eventId()),
                    e.text()));
            GeoPoint where = e.eventId() == null ? null : whereOfEvent.get(e.eventId());
            if (where != null && ("CALL".equals(e.kind()) || "INJECT".equals(e.kind()))) {
                lines.add(position(e.at(), "@" + e.eventId(), where));
            }
        }
        record(lines);
        for (DrillEvent e : out) {
            events.add(e);
            listeners.forEach(l -> l.accept(e));
        }
    }

    /** What an event the instructor injected says before the scenario's words. */
    public static final String INJECTED = "导调插入 / injected · ";

    /**
     * The instructor injects one of the scenario's injectable events now, on the scenario clock: a call goes through
     * intake, a sighting or a dark camera as on the timeline; from now on it is scored. Empty when the scenario has no
     * such injectable event, when it was injected already, or when the drill is over.
     */
    public synchronized Optional<DrillEvent> inject(String eventId) {
        Optional<Scenario.Entry> entry = scenario.injectableEvent(eventId);
        if (entry.isEmpty() || finished || injected.contains(eventId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<DrillEvent> out = new ArrayList<>(terminals.poll(now));
        DrillEvent played = play(entry.get(), now);
        injected.add(eventId);
        DrillEvent e = new DrillEvent(played.at(), played.kind(), played.eventId(), INJECTED + played.text());
        journal.append(DrillJournal.Kind.INJECT, e.at(), eventId, e.text());
        out.add(e);
        publish(out);
        return Optional.of(e);
    }

    /** Whether an injectable event was injected already. */
    public synchronized boolean wasInjected(String eventId) {
        return injected.contains(eventId);
    }

    /**
     * The instructor makes up a call now: it goes through intake at the scenario clock's time like any call, with an
     * id of its own ({@code instructor-1}, ...). It has no answer in the key, so it adds nothing to the score and a
     * dispatch to it is never a wrong one. Empty when the county's gazetteer does not know the address exactly, or the
     * drill is over.
     */
    public synchronized Optional<DrillEvent> newCall(String address, org.commandroom.core.incident.IncidentType type,
                                                     String caller, String says) {
        if (finished || address == null || intake.gazetteer().exact(address.trim()).isEmpty()) {
            return Optional.empty();
        }
        String id = "instructor-" + (adHocCalls.size() + 1);
        Scenario.Call call = new Scenario.Call(Duration.ZERO, 0, id, caller, null, address.trim(), null, type, null, says,
                List.of());
        Instant now = clock.instant();
        List<DrillEvent> out = new ArrayList<>(terminals.poll(now));
        DrillEvent played = play(call, now);
        adHocCalls.add(id);
        DrillEvent e = new DrillEvent(played.at(), played.kind(), played.eventId(), INJECTED + played.text());
        journal.append(DrillJournal.Kind.CALL, e.at(), id, e.text());
        out.add(e);
        publish(out);
        return Optional.of(e);
    }

    /** The instructor writes a note on the timeline, at the scenario clock's time now. Blank text is ignored. */
    public Optional<DrillNote> addNote(String author, String text) {
        return addNote(author, text, clock.instant());
    }

    /**
     * As {@link #addNote(String, String)}, at the scenario clock's time the instructor wrote it (taken on the screen,
     * the note being written to disk after). Blocking: it writes the drill's journal.
     */
    public Optional<DrillNote> addNote(String author, String text, Instant at) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        DrillNote n = new DrillNote(at, author, text.strip());
        journal.append(DrillJournal.Kind.NOTE, n.at(), n.author(), n.text());
        return Optional.of(n);
    }

    /** The instructor's notes, oldest first, as the drill's journal on disk has them. */
    public List<DrillNote> notes() {
        return DrillJournal.notes(journal.read());
    }

    /** The map at each event that happened (calls and injects), in the order they came. */
    public synchronized List<DrillMapSnapshot> mapSnapshots() {
        if (backdrop == null) {
            backdrop = DrillMapBackdrop.load(database.jdbi());
        }
        return mapOfEvent.values().stream().map(m -> m.withBackdrop(backdrop)).toList();
    }

    /** The county's grids and main roads under the maps, read once from the drill database. */
    private DrillMapBackdrop backdrop;

    /** The drill's journal (notes, injected events, the instructor's calls) in its folder. */
    public DrillJournal journal() {
        return journal;
    }

    private DrillEvent play(Scenario.Entry entry, Instant now) {
        if (entry instanceof Scenario.Call c) {
            Place p = place(Scenario.placeName(c.address(), c.near()), c);
            rankNearest(c.id(), p.position(), now);
            IntakeResult r = ChangeRecorder.actingAs(SCENARIO_ORIGIN, () -> intake.intake().record(new CallReport(c.number(),
                    c.address(), p.position(), c.type(), c.priority(), scenario.said(c.caller(), c.says()), now, null), ORIGIN));
            incidentOfEvent.put(c.id(), r.incident().id());
            resultOfCall.put(c.id(), r);
            whereOfEvent.put(c.id(), p.position());
            whenOfEvent.put(c.id(), now);
            return new DrillEvent(now, "CALL", c.id(), r.incident().incidentNo() + " " + c.address() + scenario.colon() + c.says());
        }
        if (entry instanceof Scenario.Inject i) {
            Place p = place(Scenario.placeName(i.address(), i.near()), i);
            whereOfEvent.put(i.id(), p.position());
            whenOfEvent.put(i.id(), now);
            rankNearest(i.id(), p.position(), now);
            if (i.kind() == Scenario.InjectKind.CAMERA_DARK) {
                darkenNearestCamera(p.position());
            }
            return new DrillEvent(now, "INJECT", i.id(), scenario.whereSaid(i.address(), i.near()) + scenario.colon() + i.says());
        }
        Scenario.UnitChange u = (Scenario.UnitChange) entry;
        PatrolUnit unit = unit(u.callSign(), u);
        if (u.moveTo() != null) {
            GeoPoint to = place(u.moveTo(), u).position();
            units.reportPosition(unit.id(), to, null, now);
            movesToRecord.add(position(now, u.callSign(), to));
        }
        if (u.status() != null) {
            PatrolUnit fresh = unit(u.callSign(), u);
            units.changeStatus(fresh.id(), fresh.version(), UnitStatus.valueOf(u.status()));
        }
        terminals.set(u.callSign(), u.behaviour(), u.signAfter(), u.onSceneAfter());
        Locale lang = scenario.english() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        return new DrillEvent(now, "UNIT", null, u.callSign()
                + (u.moveTo() == null ? "" : " → " + u.moveTo())
                + (u.status() == null ? "" : " " + statusWords(UnitStatus.valueOf(u.status())).in(lang))
                + (u.behaviour() == null ? "" : " " + behaviourWords(u.behaviour()).in(lang)));
    }

    /** A unit's new status in the instructor's words (the banner read "AVAILABLE" in a Chinese drill). */
    private static Text statusWords(UnitStatus s) {
        return switch (s) {
            case AVAILABLE -> Text.of("core.drill.unit.available");
            case EN_ROUTE -> Text.of("core.drill.unit.enRoute");
            case ON_SCENE -> Text.of("core.drill.unit.onScene");
            case BUSY -> Text.of("core.drill.unit.busy");
            case OFF_DUTY -> Text.of("core.drill.unit.offDuty");
        };
    }

    /** A unit's scripted behaviour in the instructor's words (the banner read "late-on-scene"). */
    private static Text behaviourWords(Scenario.Behaviour b) {
        return switch (b) {
            case NORMAL -> Text.of("core.drill.behaviour.normal");
            case NEVER_SIGNS -> Text.of("core.drill.behaviour.neverSigns");
            case OFFLINE -> Text.of("core.drill.behaviour.offline");
            case LATE_ON_SCENE -> Text.of("core.drill.behaviour.lateOnScene");
        };
    }

    private void rankNearest(String eventId, GeoPoint at, Instant now) {
        var travel = intake.dispatch().travelModel();
        List<DrillScorer.Ranked> ranked = units.all().stream()
                .filter(u -> u.status() == UnitStatus.AVAILABLE && u.position() != null)
                .map(u -> {
                    double m = u.position().distanceMetres(at);
                    return new DrillScorer.Ranked(u.id(), u.callSign(), u.kind(), m, travel.eta(u.kind(), m));
                })
                .sorted(Comparator.comparing(DrillScorer.Ranked::eta).thenComparing(DrillScorer.Ranked::unitId))
                .toList();
        nearestOfEvent.put(eventId, ranked);
        List<DrillMapSnapshot.Mark> marks = new ArrayList<>();
        for (PatrolUnit u : units.all()) {
            if (u.position() == null) {
                continue;
            }
            int rank = 0;
            for (int k = 0; k < ranked.size(); k++) {
                if (ranked.get(k).unitId() == u.id()) {
                    rank = k + 1;
                }
            }
            marks.add(new DrillMapSnapshot.Mark(u.callSign(), u.position(), rank));
        }
        mapOfEvent.put(eventId, new DrillMapSnapshot(eventId, now, at, marks));
        // Recorded with the tick's events: a drill cut short is scored against the units as they stood then.
        StringBuilder rank = new StringBuilder();
        for (PatrolUnit u : units.all()) {
            if (u.position() == null) {
                continue;
            }
            int k = 0;
            for (; k < ranked.size() && ranked.get(k).unitId() != u.id(); k++) {
                // finds the unit's place among the ranked
            }
            DrillScorer.Ranked r = k < ranked.size() ? ranked.get(k) : null;
            rank.append(rank.isEmpty() ? "" : ";").append(u.id()).append(',').append(u.callSign()).append(',')
                    .append(u.kind().name()).append(',').append(u.position().lat()).append(',').append(u.position().lon())
                    .append(',').append(r == null ? 0 : k + 1).append(',').append(r == null ? 0 : r.metres()).append(',')
                    .append(r == null || r.eta() == null ? -1 : r.eta().toMillis());
        }
        movesToRecord.add(new DrillJournal.Line(DrillJournal.Kind.RANK, now, eventId, rank.toString()));
    }

    private void darkenNearestCamera(GeoPoint at) {
        database.jdbi().useTransaction(h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM camera WHERE online = TRUE ORDER BY "
                            + "(lat - :lat) * (lat - :lat) + (lon - :lon) * (lon - :lon) FETCH FIRST 1 ROWS ONLY")
                    .bind("lat", at.lat()).bind("lon", at.lon()).mapTo(Long.class).findOne();
            id.ifPresent(c -> {
                h.createUpdate("UPDATE camera SET online = FALSE WHERE id = :id").bind("id", c).execute();
                new ChangeRecorder(clock, SCENARIO_ORIGIN).record(h, Entity.CAMERA, c, ChangeOp.UPDATE);
            });
        });
    }

    /** When the next thing happens (a timeline entry or a terminal's answer), if anything is left. */
    public synchronized Optional<Instant> nextEventAt() {
        Optional<Instant> entry = next < scenario.timeline().size()
                ? Optional.of(clock.start().plus(scenario.timeline().get(next).at())) : Optional.empty();
        Optional<Instant> terminal = terminals.nextDue();
        Instant end = clock.start().plus(scenario.duration());
        return java.util.stream.Stream.of(entry, terminal, finished ? Optional.<Instant>empty() : Optional.of(end))
                .flatMap(Optional::stream).min(Instant::compareTo);
    }

    /** Jumps the clock to the next event and plays it. */
    public List<DrillEvent> jumpToNextEvent() {
        nextEventAt().ifPresent(clock::jumpTo);
        return tick();
    }

    /** Moves the scenario clock forward by {@code d} and plays what fell due (for a paused clock: the scripted way). */
    public List<DrillEvent> advance(Duration d) {
        return advanceTo(clock.elapsed().plus(d));
    }

    /** Plays to {@code offset} after the start, event by event, so that each is recorded at its own time. */
    public List<DrillEvent> advanceTo(Duration offset) {
        Instant to = clock.start().plus(offset);
        List<DrillEvent> out = new ArrayList<>();
        Optional<Instant> next;
        while ((next = nextEventAt()).isPresent() && !next.get().isAfter(to)) {
            clock.jumpTo(next.get());
            out.addAll(tick());
        }
        clock.jumpTo(to);
        out.addAll(tick());
        return out;
    }

    /** Plays to the end. */
    public void playToEnd() {
        while (!isFinished()) {
            jumpToNextEvent();
        }
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    /** The score so far (final once {@link #isFinished()}). */
    public DrillScore score() {
        Map<String, Long> incidentsNow;
        Map<String, GeoPoint> where;
        Map<String, Instant> when;
        Map<String, List<DrillScorer.Ranked>> nearest;
        synchronized (this) {
            Map<String, Long> scored = new HashMap<>(incidentOfEvent);
            scored.keySet().removeAll(adHocCalls);
            incidentsNow = Map.copyOf(scored);
            where = Map.copyOf(whereOfEvent);
            when = Map.copyOf(whenOfEvent);
            nearest = Map.copyOf(nearestOfEvent);
        }
        return new DrillScorer(database.jdbi()).score(scenario, trainee, clock.start(), incidentsNow, where, when, nearest);
    }

    public Scenario scenario() {
        return scenario;
    }

    public String trainee() {
        return trainee;
    }

    public DrillClock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public Path directory() {
        return dir;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public UnitService units() {
        return units;
    }

    public OrderService orders() {
        return orders;
    }

    public IntakeModule intake() {
        return intake;
    }

    public DrillPushChannel channel() {
        return channel;
    }

    /** The stored incident a call of the scenario became, once it was played. */
    public synchronized Optional<Incident> incidentOf(String callId) {
        Long id = incidentOfEvent.get(callId);
        return id == null ? Optional.empty() : incidents.openIncidents().stream().filter(i -> i.id() == id).findFirst()
                .or(() -> intake.dispatch().incident(id));
    }

    /** What intake made of a call of the scenario (its incident, repeat flag and proposed visit), once it was played. */
    public synchronized Optional<IntakeResult> callResult(String callId) {
        return Optional.ofNullable(resultOfCall.get(callId));
    }

    /** Where a call or inject of the scenario happened, once it was played. */
    public synchronized Optional<GeoPoint> whereOf(String eventId) {
        return Optional.ofNullable(whereOfEvent.get(eventId));
    }

    /** Everything that happened so far, oldest first. */
    public List<DrillEvent> events() {
        return List.copyOf(events);
    }

    /** Told of each event on the thread that played it. */
    public void addListener(Consumer<DrillEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DrillEvent> listener) {
        listeners.remove(listener);
    }

    /** The units of a kind, for scripted trainees and the instructor. */
    public List<PatrolUnit> units(UnitKind kind) {
        return units.all().stream().filter(u -> u.kind() == kind).toList();
    }

    @Override
    public void close() {
        clock.pause();
        channel.close();
        database.close();
        if (!Files.exists(dir.resolve(DrillHistory.RESULT_FILE))) {
            try {
                // closed without its report: not a crash, and said so when it is offered again
                DrillSessionFile.closed(dir, Instant.now());
            } catch (IOException e) {
                LOG.warn("The drill {} could not be marked closed: {}", dir, e.toString());
            }
        }
    }

    /**
     * Takes up again a drill left without its report (a crash cut it short, or its window was closed): its own
     * database in its folder (never the live one), the scenario as it was played (kept in the folder), the events,
     * the instructor's injections and calls and the units' ranking at each event from its journal and recording, the
     * orders its terminals had not answered yet. The clock stands paused at the last time the drill recorded (its
     * journal, recording or database). Blocking.
     *
     * @throws IOException when the folder is not one of a resumable drill, or its database cannot be opened (another
     *                     console has it open)
     */
    public static DrillSession resume(Path dir, Executor background) throws IOException {
        java.util.Properties p = DrillSessionFile.read(dir);
        Path text = dir.resolve(DrillSessionFile.SCENARIO_FILE);
        if (p == null || !Files.isRegularFile(text) || !Files.isRegularFile(dir.resolve(DB_NAME + ".mv.db"))) {
            throw new IOException("the folder " + dir + " holds no drill that can be resumed");
        }
        Scenario scenario = new ScenarioLoader(Locale.forLanguageTag(p.getProperty("language", "zh")))
                .parse(DrillSessionFile.SCENARIO_FILE, Files.readString(text, java.nio.charset.StandardCharsets.UTF_8));
        Instant start = Instant.parse(p.getProperty("start"));
        long t0 = System.nanoTime();
        Database db = Database.open(DbSettings.embedded(dir, DB_NAME));
        try {
            DrillSession s = new DrillSession(scenario, p.getProperty("trainee"), dir, db, new DrillClock(start, ZONE), background);
            s.restore();
            DrillSessionFile.closed(dir, null);
            LOG.info("Drill {} resumed at {} in {} ms ({} events read back) in {}", scenario.id(), s.clock.elapsed(),
                    (System.nanoTime() - t0) / 1_000_000, s.events.size(), dir);
            return s;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Reads back what the drill had played, and sets the clock (paused) where it was left. */
    private synchronized void restore() {
        intake.gazetteer().load();
        Instant start = clock.start();
        Instant end = start.plus(scenario.duration());
        List<DrillJournal.Line> journalLines = journal.read();
        Instant last = start;
        for (DrillJournal.Line l : journalLines) {
            if (l.kind() == DrillJournal.Kind.INJECT) {
                injected.add(l.key());
            } else if (l.kind() == DrillJournal.Kind.CALL) {
                adHocCalls.add(l.key());
            }
            last = l.at().isAfter(last) ? l.at() : last;
        }
        List<DrillJournal.Line> recorded = recording.read();
        List<DrillJournal.Line> ranks = new ArrayList<>();
        for (DrillJournal.Line l : recorded) {
            last = l.at().isAfter(last) ? l.at() : last;
            if (l.kind() == DrillJournal.Kind.POSITION && l.key().startsWith("@")) {
                GeoPoint g = point(l.text());
                if (g != null) {
                    whereOfEvent.put(l.key().substring(1), g);
                }
            } else if (l.kind() == DrillJournal.Kind.RANK) {
                ranks.add(l);
            } else if (l.kind() == DrillJournal.Kind.EVENT) {
                String[] k = l.key().split(":", 2);
                String id = k.length > 1 && !k[1].isEmpty() ? k[1] : null;
                DrillEvent e = new DrillEvent(l.at(), k[0], id, l.text());
                events.add(e);
                boolean instructors = id != null && (injected.contains(id) || adHocCalls.contains(id));
                if ("END".equals(e.kind())) {
                    finished = true;
                } else if (("CALL".equals(e.kind()) || "INJECT".equals(e.kind()) || "UNIT".equals(e.kind())) && !instructors
                        && next < scenario.timeline().size()) {
                    // the timeline is played in order: this was its next entry
                    if (scenario.timeline().get(next) instanceof Scenario.UnitChange u) {
                        terminals.set(u.callSign(), u.behaviour(), u.signAfter(), u.onSceneAfter());
                    }
                    next++;
                }
                if (id != null && ("CALL".equals(e.kind()) || "INJECT".equals(e.kind()))) {
                    whenOfEvent.put(id, e.at());
                }
                if (id != null && "CALL".equals(e.kind())) {
                    String said = e.text().startsWith(INJECTED) ? e.text().substring(INJECTED.length()) : e.text();
                    String incidentNo = said.split(" ", 2)[0];
                    database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM incident WHERE incident_no = :no")
                            .bind("no", incidentNo).mapTo(Long.class).findOne()).ifPresent(i -> incidentOfEvent.put(id, i));
                }
            }
        }
        // after the events' places, which a tick writes after its ranking
        ranks.forEach(this::restoreRank);
        // The trainee's orders and the terminals' answers are in the database, perhaps later than the last line.
        Instant db = database.jdbi().withHandle(h -> h.createQuery("SELECT MAX(at) FROM work_order_event "
                        + "WHERE at >= :start AND at <= :end").bind("start", start).bind("end", end)
                .mapTo(java.time.OffsetDateTime.class).findOne().map(java.time.OffsetDateTime::toInstant).orElse(start));
        last = db.isAfter(last) ? db : last;
        // What the terminals owed when the drill stopped: the in-memory channel lost it.
        database.jdbi().useHandle(h -> {
            var pushDao = h.attach(org.commandroom.core.dispatch.push.PushDao.class);
            h.createQuery("SELECT o.id, o.status, o.issued_at, o.created_at, u.call_sign FROM work_order o "
                            + "JOIN patrol_unit u ON u.id = o.unit_id WHERE o.created_at >= :start AND o.status IN ('ISSUED', 'SIGNED') "
                            + "ORDER BY o.id")
                    .bind("start", start)
                    .map((rs, ctx) -> {
                        java.time.OffsetDateTime issued = rs.getObject("issued_at", java.time.OffsetDateTime.class);
                        if (issued == null) {
                            issued = rs.getObject("created_at", java.time.OffsetDateTime.class);
                        }
                        return new Object[] {rs.getLong("id"), rs.getString("status"), issued.toInstant(), rs.getString("call_sign")};
                    })
                    .list()
                    .forEach(o -> pushDao.orderUid((Long) o[0]).ifPresent(uid -> terminals.pending((String) o[3], (Long) o[0],
                            uid, (Instant) o[2], "SIGNED".equals(o[1]))));
        });
        clock.jumpTo(last.isAfter(end) ? end : last);
    }

    private void restoreRank(DrillJournal.Line l) {
        List<DrillScorer.Ranked> ranked = new ArrayList<>();
        List<DrillMapSnapshot.Mark> marks = new ArrayList<>();
        java.util.TreeMap<Integer, DrillScorer.Ranked> byRank = new java.util.TreeMap<>();
        for (String u : l.text().split(";")) {
            String[] f = u.split(",");
            if (f.length != 8) {
                continue;
            }
            try {
                int rank = Integer.parseInt(f[5]);
                GeoPoint at = GeoPoint.wgs84(Double.parseDouble(f[3]), Double.parseDouble(f[4]));
                marks.add(new DrillMapSnapshot.Mark(f[1], at, rank));
                if (rank > 0) {
                    long eta = Long.parseLong(f[7]);
                    byRank.put(rank, new DrillScorer.Ranked(Long.parseLong(f[0]), f[1], UnitKind.valueOf(f[2]),
                            Double.parseDouble(f[6]), eta < 0 ? null : Duration.ofMillis(eta)));
                }
            } catch (RuntimeException bad) {
                // a unit this version cannot read is left out
            }
        }
        ranked.addAll(byRank.values());
        nearestOfEvent.put(l.key(), ranked);
        GeoPoint where = whereOfEvent.get(l.key());
        mapOfEvent.put(l.key(), new DrillMapSnapshot(l.key(), l.at(), where, marks));
    }

    private static GeoPoint point(String text) {
        String[] ll = text.split(",");
        try {
            return ll.length == 2 ? GeoPoint.wgs84(Double.parseDouble(ll[0]), Double.parseDouble(ll[1])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Orders for a unit, for tests. */
    List<Order> openOrders() {
        return orders.openOrders();
    }
}
