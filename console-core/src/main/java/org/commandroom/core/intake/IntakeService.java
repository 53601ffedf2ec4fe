package org.commandroom.core.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commandroom.core.dispatch.OrderDraft;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.live.Change;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.Numbering;
import org.jdbi.v3.core.Jdbi;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a 110 call (接警): checks what was given, resolves the address to a position through the
 * gazetteer unless a position was picked, refuses a position outside the district, assigns the police
 * grid and station from the position, and stores the incident, its change-log row and its repeat flag
 * in one transaction. A rejected call writes nothing.
 */
public final class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    public static final String INCIDENT_PREFIX = "J";
    static final int MAX_ADDRESS = 200;
    /** The longest description (summary) a call may have, in UTF-16 characters as {@link String#length()} counts. */
    public static final int MAX_DESCRIPTION = 2000;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,19}");

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentService incidents;
    private final Numbering numbering;
    private final GazetteerService gazetteer;
    private final RepeatDetector repeats;
    private volatile IntakeGeography geography;
    private final AccessGuard guard;

    public IntakeService(Jdbi jdbi, Clock clock, IncidentService incidents, Numbering numbering,
                         GazetteerService gazetteer, RepeatDetector repeats) {
        this(jdbi, clock, incidents, numbering, gazetteer, repeats, AccessGuard.trusted());
    }

    /** @param guard recording a call needs {@link Permission#INTAKE} (docs/ACCESS.md) */
    public IntakeService(Jdbi jdbi, Clock clock, IncidentService incidents, Numbering numbering,
                         GazetteerService gazetteer, RepeatDetector repeats, AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.clock = clock;
        this.incidents = incidents;
        this.numbering = numbering;
        this.gazetteer = gazetteer;
        this.repeats = repeats;
    }

    /**
     * Records the call and returns the stored incident with its repeat finding.
     *
     * @throws IntakeRejected naming the field to fix; nothing was written
     */
    public IntakeResult record(CallReport report, String actor) {
        return record(report, actor, null);
    }

    /**
     * As {@link #record(CallReport, String)}, for a call that carries the workstation's id for it ({@code clientRef},
     * a draft's id): when a call with that id is already stored (an earlier attempt committed before its connection
     * broke), that call is returned and nothing is written.
     */
    public IntakeResult record(CallReport report, String actor, String clientRef) {
        guard.require(Permission.INTAKE, "INTAKE", "INCIDENT", null);
        if (clientRef != null) {
            Optional<Incident> stored = jdbi.withHandle(h -> h.createQuery("SELECT id FROM incident WHERE client_ref = :ref")
                    .bind("ref", clientRef).mapTo(Long.class).findOne()
                    .flatMap(id -> h.attach(IncidentDao.class).findById(id)));
            Optional<IntakeResult> earlier = stored.map(i -> new IntakeResult(i,
                    repeatOf(i.id()).orElseGet(() -> RepeatFinding.none(i.id(), repeatRule())), Optional.empty()));
            if (earlier.isPresent()) {
                LOG.info("Call {} was already stored as {}; not stored again", clientRef, earlier.get().incident().incidentNo());
                return earlier.get();
            }
        }
        Checked c = check(report);
        IntakeGeography.Assignment where = geography().assign(c.position());
        Instant now = clock.instant();
        Instant received = report.receivedAt() != null ? report.receivedAt() : now;
        // Repeat look-ups read committed incidents before the write transaction, so that the transaction (which
        // holds the day's number counter) stays short; two calls racing within milliseconds may miss each other.
        Incident probe = new Incident(0, "?", received, c.caller(), c.address(), c.position(), report.type(),
                c.priority(), c.description(), where.stationId(), where.gridId(), IncidentStatus.NEW, null, 0);
        RepeatFinding found = jdbi.withHandle(h -> repeats.detect(h, probe));
        IntakeResult result = jdbi.inTransaction(h -> {
            String no = report.incidentNo();
            if (no == null || no.isBlank()) {
                no = numbering.next(h, INCIDENT_PREFIX);
            } else if (h.attach(IncidentDao.class).findByNumber(no.trim()).isPresent()) {
                throw new IntakeRejected(IntakeRejected.Reason.NUMBER_TAKEN, "incident number " + no.trim() + " already exists");
            } else {
                no = no.trim();
            }
            Incident draft = new Incident(0, no, received, c.caller(), c.address(), c.position(), report.type(),
                    c.priority(), c.description(), where.stationId(), where.gridId(), IncidentStatus.NEW, null, 0);
            long id = incidents.record(h, draft);
            if (clientRef != null) {
                h.createUpdate("UPDATE incident SET client_ref = :ref WHERE id = :id").bind("ref", clientRef).bind("id", id).execute();
            }
            Incident stored = h.attach(IncidentDao.class).findById(id).orElseThrow();
            RepeatFinding finding = found.forIncident(id);
            repeats.persist(h, finding, now);
            guard.audit(h, now, actor, "INTAKE", "INCIDENT", id, stored.incidentNo() + " " + stored.type()
                    + " P" + stored.priority() + " " + stored.address());
            return new IntakeResult(stored, finding, visitProposal(stored, finding, where));
        });
        gazetteer.addAddresses(List.of(new Place(PlaceKind.INCIDENT_ADDRESS, c.address(), c.position(),
                where.stationId(), 1)));
        if (repeats.recent() != null) {
            repeats.recent().add(result.incident().id(), received, c.position());
        }
        if (result.repeat().flagged()) {
            LOG.info("Incident {} flagged as a repeat ({}; {} earlier)", result.incident().incidentNo(),
                    result.repeat().reasons(), result.repeat().earlier().size());
        }
        return result;
    }

    /**
     * Checks a call without writing: the cleaned values and the position it will have.
     *
     * @throws IntakeRejected naming the field to fix
     */
    public Checked check(CallReport report) {
        String address = AddressText.clean(report.address());
        if (address.isEmpty()) {
            throw new IntakeRejected(IntakeRejected.Reason.ADDRESS_MISSING, "the address is missing");
        }
        if (address.length() > MAX_ADDRESS) {
            throw new IntakeRejected(IntakeRejected.Reason.ADDRESS_TOO_LONG,
                    "the address has " + address.length() + " characters, at most " + MAX_ADDRESS + " are allowed");
        }
        String caller = report.callerNumber() == null ? "" : report.callerNumber().replaceAll("[\\s\\-()]", "");
        if (!caller.isEmpty() && !PHONE.matcher(caller).matches()) {
            throw new IntakeRejected(IntakeRejected.Reason.CALLER_NUMBER_INVALID,
                    "the caller number '" + report.callerNumber() + "' is not 3 to 20 digits");
        }
        if (report.type() == null) {
            throw new IntakeRejected(IntakeRejected.Reason.TYPE_MISSING, "the incident type is missing");
        }
        int priority = report.priority() == null ? report.type().defaultPriority() : report.priority();
        if (priority < 1 || priority > 3) {
            throw new IntakeRejected(IntakeRejected.Reason.PRIORITY_INVALID, "priority must be 1, 2 or 3, got " + priority);
        }
        String description = report.description() == null ? null : report.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new IntakeRejected(IntakeRejected.Reason.DESCRIPTION_TOO_LONG,
                    "the description has " + description.length() + " characters, at most " + MAX_DESCRIPTION + " are allowed");
        }
        if (report.receivedAt() != null && report.receivedAt().isAfter(clock.instant().plusSeconds(60))) {
            throw new IntakeRejected(IntakeRejected.Reason.RECEIVED_IN_FUTURE,
                    "received at " + report.receivedAt() + ", which is in the future");
        }
        GeoPoint position = report.position();
        if (position == null && !gazetteer.isLoaded()) {
            gazetteer.load();
        }
        if (position == null) {
            position = gazetteer.exact(address).map(Place::position).orElseThrow(() -> new IntakeRejected(
                    IntakeRejected.Reason.NO_POSITION, "the address '" + address
                            + "' is not in the gazetteer; pick a suggestion or a position on the map"));
        }
        if (!geography().inDistrict(position)) {
            throw new IntakeRejected(IntakeRejected.Reason.OUTSIDE_DISTRICT, String.format(
                    "the position %.5f, %.5f (%s) is outside the district; nothing was recorded",
                    position.lat(), position.lon(), position.datum()));
        }
        return new Checked(caller.isEmpty() ? null : caller, address, position, priority,
                description == null || description.isEmpty() ? null : description);
    }

    /** The values a call will be stored with. */
    public record Checked(String caller, String address, GeoPoint position, int priority, String description) {
    }

    /** Where a position falls (grid, station), as the form shows it before saving. */
    public IntakeGeography.Assignment assign(GeoPoint position) {
        return geography().assign(position);
    }

    /**
     * Where a point falls: inside the district or not, its police grid and station with their names. Reads the
     * geography the first time (call it off the FX thread); in memory after that.
     */
    public PointLocation locate(GeoPoint position) {
        return geography().locate(position);
    }

    /** The in-memory positions repeat detection uses, or null when it asks the database. */
    public RecentPositions recentPositions() {
        return repeats.recent();
    }

    public RepeatRule repeatRule() {
        return repeats.rule();
    }

    /**
     * What intake said of a stored call, read again for the desk's other panels (dispatch): the incident, its stored
     * repeat flag with the earlier calls, and the door visit proposed for a repeat, unless a visit was already ordered
     * for it. A call taken at another workstation, imported, or played by a drill's scenario reaches the commander
     * this way; only the call-taker who typed it saw intake's answer. Empty when there is no such incident.
     */
    public Optional<IntakeResult> review(long incidentId) {
        return jdbi.withHandle(h -> h.attach(IncidentDao.class).findById(incidentId)).map(i -> {
            RepeatFinding f = repeatOf(i.id()).orElseGet(() -> RepeatFinding.none(i.id(), repeatRule()));
            if (!f.flagged() || i.position() == null) {
                return new IntakeResult(i, f, Optional.empty());
            }
            boolean ordered = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM work_order WHERE incident_id = :id AND kind = 'VISIT'")
                    .bind("id", i.id()).mapTo(Integer.class).one()) > 0;
            return new IntakeResult(i, f, ordered ? Optional.empty() : visitProposal(i, f, geography().assign(i.position())));
        });
    }

    /** The stored repeat flag of an incident with its earlier incidents. */
    public Optional<RepeatFinding> repeatOf(long incidentId) {
        return RepeatDetector.stored(jdbi, incidentId);
    }

    private Optional<OrderDraft> visitProposal(Incident incident, RepeatFinding finding, IntakeGeography.Assignment where) {
        if (!finding.flagged() || where.stationId() == null) {
            return Optional.empty();
        }
        String summary = String.format("重复警情上门回访：%s（%d天内第%d次）", incident.address(),
                finding.rule().windowDays(), finding.occurrences());
        return Optional.of(new OrderDraft(OrderKind.VISIT, incident.id(), incident.type(), where.stationId(), null,
                where.officerId(), summary, incident.position()));
    }

    private IntakeGeography geography() {
        IntakeGeography g = geography;
        if (g == null) {
            g = IntakeGeography.load(jdbi);
            geography = g;
        }
        return g;
    }

    /** Forgets the cached geography; the next call reloads it. */
    public void geographyChanged() {
        geography = null;
    }

    /** Changes that concern intake: geography reloads on the next call. Cheap; safe on any thread. */
    public void onChanges(List<Change> changes) {
        if (changes.stream().anyMatch(c -> c.entity() == Entity.GEOGRAPHY)) {
            geographyChanged();
        }
    }
}
