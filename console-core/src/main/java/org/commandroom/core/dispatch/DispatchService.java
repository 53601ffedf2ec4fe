package org.commandroom.core.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.jdbi.v3.core.JdbiException;

/**
 * Proposes units for an incident and dispatches one (出警).
 *
 * <p><b>Proposals</b>: the available units, and the community officer of the incident's police grid (as the
 * available unit he crews, else on his own, measured from where he last was or from his office), each with
 * distance and estimated travel time ({@link TravelModel}). Ranked by {@link ProposalRanking}: responsibility
 * first for routine calls; for urgent ones the nearest patrol unit by travel time first, responsibility after; each says whether it already has an open dispatch
 * order for the incident.
 *
 * <p><b>Dispatch</b> creates and issues a DISPATCH order, moves the unit to EN_ROUTE and a NEW incident to
 * DISPATCHED, in one transaction, each change guarded by the version read with the proposal. When another
 * workstation got there first, or the unit (or officer) already has an open dispatch order for the incident,
 * a {@link DispatchConflict} says so and nothing is written.
 */
public final class DispatchService {

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentService incidents;
    private final UnitService units;
    private final OrderService orders;
    private final TravelModel travel;
    private final AccessGuard guard;

    public DispatchService(Jdbi jdbi, Clock clock, IncidentService incidents, UnitService units, OrderService orders,
                           TravelModel travel) {
        this(jdbi, clock, incidents, units, orders, travel, AccessGuard.trusted());
    }

    /** @param guard dispatching needs {@link Permission#DISPATCH} (docs/ACCESS.md) */
    public DispatchService(Jdbi jdbi, Clock clock, IncidentService incidents, UnitService units, OrderService orders,
                           TravelModel travel, AccessGuard guard) {
        this.guard = guard;
        this.jdbi = jdbi;
        this.clock = clock;
        this.incidents = incidents;
        this.units = units;
        this.orders = orders;
        this.travel = travel;
    }

    public TravelModel travelModel() {
        return travel;
    }

    /** @throws DispatchUnavailable when the database fails under the read */
    public Optional<Incident> incident(long incidentId) {
        try {
            return jdbi.withExtension(IncidentDao.class, dao -> dao.findById(incidentId));
        } catch (JdbiException e) {
            throw new DispatchUnavailable("reading incident " + incidentId, e);
        }
    }

    /**
     * At most {@code limit} proposals for the incident, best first ({@link ProposalRanking}: by priority).
     *
     * @throws DispatchUnavailable when the database fails under the read
     */
    public List<UnitProposal> propose(Incident incident, int limit) {
        try {
            return proposeNow(incident, limit);
        } catch (JdbiException e) {
            throw new DispatchUnavailable("proposing units for " + incident.incidentNo(), e);
        }
    }

    private List<UnitProposal> proposeNow(Incident incident, int limit) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            ProposalDao dao = h.attach(ProposalDao.class);
            List<ProposalDao.Available> available = dao.available();
            Map<Long, List<ProposalDao.Crew>> crews = new HashMap<>();
            if (!available.isEmpty()) {
                for (ProposalDao.Crew c : dao.crews(available.stream().map(ProposalDao.Available::id).toList())) {
                    crews.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c);
                }
            }
            Optional<ProposalDao.GridOfficer> officer = incident.policeGridId() == null ? Optional.empty()
                    : dao.gridOfficer(incident.policeGridId());
            Map<Long, String> openByUnit = new HashMap<>();
            Map<Long, String> openByOfficer = new HashMap<>();
            for (Order o : h.attach(OrderDao.class).forIncident(incident.id())) {
                if (o.kind() == OrderKind.DISPATCH && o.status() != OrderStatus.CLOSED) {
                    if (o.unitId() != null) {
                        openByUnit.putIfAbsent(o.unitId(), o.orderNo());
                    } else if (o.assigneeOfficerId() != null) {
                        openByOfficer.putIfAbsent(o.assigneeOfficerId(), o.orderNo());
                    }
                }
            }
            List<UnitProposal> out = new ArrayList<>();
            boolean officerInUnit = false;
            for (ProposalDao.Available u : available) {
                List<ProposalDao.Crew> crew = crews.getOrDefault(u.id(), List.of());
                boolean officersUnit = officer.isPresent() && crew.stream().anyMatch(c -> c.officerId() == officer.get().id());
                officerInUnit |= officersUnit;
                Responsibility r = officersUnit ? Responsibility.GRID_OFFICER
                        : incident.stationId() != null && incident.stationId() == u.stationId() ? Responsibility.OWN_STATION
                        : Responsibility.NEAREST;
                out.add(unitProposal(r, u, crew, officersUnit ? officer.get() : null, incident.position(), now,
                        openByUnit.get(u.id())));
            }
            if (officer.isPresent() && !officerInUnit) {
                out.add(officerAlone(dao, officer.get(), incident, now, openByOfficer.get(officer.get().id())));
            }
            return ProposalRanking.rank(out, incident.priority(), limit);
        });
    }

    /** True when the nearest patrol unit by travel time leads this incident's proposals (紧急, priority 1). */
    public static boolean nearestUnitFirst(Incident incident) {
        return ProposalRanking.urgent(incident.priority());
    }

    private UnitProposal unitProposal(Responsibility r, ProposalDao.Available u, List<ProposalDao.Crew> crew,
                                      ProposalDao.GridOfficer officer, GeoPoint target, Instant now, String openOrderNo) {
        Double distance = distance(u.position(), target);
        Duration eta = distance == null ? null : travel.eta(u.kind(), distance);
        Duration age = age(u.fixAt(), now);
        boolean stale = age == null || age.compareTo(travel.staleAfter()) > 0;
        return new UnitProposal(r, u.id(), u.callSign(), u.kind(), u.version(), officer == null ? null : officer.id(),
                officer == null ? null : officer.name(), u.stationId(), u.stationName(),
                crew.stream().map(ProposalDao.Crew::name).toList(), distance, eta, age, stale, 0,
                PositionSource.UNIT_FIX, null, openOrderNo);
    }

    /**
     * The grid's officer on his own, measured from his last known position — the newest fix of a unit he crews —
     * or, without one, from his community police office: the office of the grid's community, else the office of
     * his station nearest the incident. From an office he is estimated at {@link #FROM_OFFICE} speed.
     */
    private UnitProposal officerAlone(ProposalDao dao, ProposalDao.GridOfficer o, Incident incident, Instant now,
                                      String openOrderNo) {
        GeoPoint target = incident.position();
        Optional<ProposalDao.Fix> fix = dao.lastCrewFix(o.id());
        PositionSource source;
        String sourceName;
        GeoPoint from;
        UnitKind pace;
        Duration age = null;
        boolean stale = true;
        if (fix.isPresent()) {
            source = PositionSource.CREWED_UNIT;
            sourceName = fix.get().callSign();
            from = fix.get().position();
            pace = fix.get().kind();
            age = age(fix.get().fixAt(), now);
            stale = age == null || age.compareTo(travel.staleAfter()) > 0;
        } else {
            ProposalDao.Office office = dao.gridOffice(incident.policeGridId())
                    .orElseGet(() -> nearest(dao.stationOffices(o.stationId()), target));
            source = office == null ? PositionSource.NONE : PositionSource.OFFICE;
            sourceName = office == null ? null : office.name();
            from = office == null ? null : office.position();
            pace = FROM_OFFICE;
        }
        Double distance = distance(from, target);
        Duration eta = distance == null ? null : travel.eta(pace, distance);
        return new UnitProposal(Responsibility.GRID_OFFICER, null, null, null, 0, o.id(), o.name(), o.stationId(),
                o.stationName(), List.of(o.name()), distance, eta, age, stale, o.openOrders(), source, sourceName,
                openOrderNo);
    }

    /**
     * How a community officer leaves his office: by e-bike or motorbike, the usual means of a community police
     * office, so at the travel model's motorbike speed.
     */
    static final UnitKind FROM_OFFICE = UnitKind.MOTORBIKE;

    private static ProposalDao.Office nearest(List<ProposalDao.Office> offices, GeoPoint target) {
        if (offices.isEmpty()) {
            return null;
        }
        if (target == null) {
            return offices.get(0);
        }
        return offices.stream().min(Comparator.comparingDouble(x -> distance(x.position(), target))).orElseThrow();
    }

    private static Double distance(GeoPoint from, GeoPoint target) {
        return from == null || target == null ? null
                : DatumConverter.convert(from, target.datum()).distanceMetres(target);
    }

    private static Duration age(Instant fixAt, Instant now) {
        if (fixAt == null) {
            return null;
        }
        Duration age = Duration.between(fixAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /**
     * Sends the proposed unit (or officer) to the incident as the incident and unit were when proposed.
     *
     * @return the issued DISPATCH order
     * @throws DispatchConflict    if another workstation assigned the unit or changed the incident first, or the
     *                              unit (officer) already has an open dispatch order for the incident; nothing was
     *                              written
     * @throws DispatchUnavailable when the database failed under it
     */
    public Order dispatch(Incident incident, UnitProposal proposal, String actor) {
        return dispatch(incident, proposal, actor, null);
    }

    /** As {@link #dispatch(Incident, UnitProposal, String)} with the commander's note added to the order's summary. */
    public Order dispatch(Incident incident, UnitProposal proposal, String actor, String note) {
        guard.require(Permission.DISPATCH, "DISPATCH", "INCIDENT", incident.id());
        if (!incident.status().isOpen()) {
            throw new IllegalArgumentException("incident " + incident.incidentNo() + " is " + incident.status()
                    + " and cannot be dispatched");
        }
        long stationId = incident.stationId() != null ? incident.stationId() : proposal.stationId();
        String summary = incident.address() + (incident.description() == null ? "" : " " + incident.description())
                + (note == null || note.isBlank() ? "" : "；" + note.strip());
        if (summary.length() > 500) {
            summary = summary.substring(0, 500);
        }
        OrderDraft draft = new OrderDraft(OrderKind.DISPATCH, incident.id(), incident.type(), stationId,
                proposal.unitId(), proposal.isOfficerOnly() ? proposal.officerId() : null, summary, incident.position());
        try {
            return jdbi.inTransaction(h -> {
                refuseASecondOpenOrder(h, incident, proposal);
                if (proposal.unitId() != null) {
                    units.changeStatus(h, proposal.unitId(), proposal.unitVersion(), UnitStatus.EN_ROUTE);
                }
                if (incident.status() == IncidentStatus.NEW) {
                    incidents.changeStatus(h, incident, IncidentStatus.DISPATCHED, null);
                }
                Order o = orders.create(h, draft, actor);
                orders.issue(h, o.id(), draft, actor);
                guard.audit(h, clock.instant(), actor, "DISPATCH", "INCIDENT", incident.id(),
                        incident.incidentNo() + " -> " + proposal.label() + " (" + o.orderNo() + ")");
                return h.attach(OrderDao.class).findById(o.id()).orElseThrow();
            });
        } catch (DispatchConflict e) {
            throw e;
        } catch (ConcurrentChangeException e) {
            throw conflict(e, incident, proposal);
        } catch (JdbiException e) {
            throw new DispatchUnavailable("dispatching " + proposal.label() + " to " + incident.incidentNo(), e);
        }
    }

    /**
     * One incident, one unit (or officer sent alone), one open dispatch order. Decided inside the dispatching
     * transaction after locking the incident's row: a second dispatch of the pair, from this workstation or
     * another at the same moment, waits for the first to commit and then finds its order.
     */
    private static void refuseASecondOpenOrder(Handle h, Incident incident, UnitProposal proposal) {
        h.attach(ProposalDao.class).lockIncident(incident.id());
        OrderDao orders = h.attach(OrderDao.class);
        Optional<Order> open = proposal.isOfficerOnly()
                ? orders.openDispatchOfOfficer(incident.id(), Objects.requireNonNull(proposal.officerId(), "officerId"))
                : orders.openDispatchOfUnit(incident.id(), proposal.unitId());
        if (open.isPresent()) {
            throw DispatchConflict.alreadyDispatched(proposal.label(), open.get());
        }
    }

    /** Says who won; where the unit or incident stands now is "?" if the database fails under that read. */
    private DispatchConflict conflict(ConcurrentChangeException e, Incident incident, UnitProposal proposal) {
        if ("unit".equals(e.entity()) && proposal.unitId() != null) {
            String status = nowStatus(() -> jdbi.withExtension(ProposalDao.class, d -> d.unitStatus(proposal.unitId())));
            return new DispatchConflict(DispatchConflict.What.UNIT, proposal.unitId(), proposal.callSign(), status);
        }
        String status = nowStatus(() -> incident(incident.id()).map(i -> i.status().name()));
        return new DispatchConflict(DispatchConflict.What.INCIDENT, incident.id(), incident.incidentNo(), status);
    }

    private static String nowStatus(java.util.function.Supplier<Optional<String>> read) {
        try {
            return read.get().orElse("?");
        } catch (JdbiException | DispatchUnavailable e) {
            return "?";
        }
    }
}
