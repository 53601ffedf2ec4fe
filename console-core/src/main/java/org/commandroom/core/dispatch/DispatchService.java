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
import org.commandroom.core.unit.UnitService;
import org.commandroom.core.unit.UnitStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Proposes units for an incident and dispatches one (出警).
 *
 * <p><b>Proposals</b>, best first: responsibility first — the community officer of the incident's police
 * grid (and any available unit he crews), then the available units of the incident's station — then the
 * other available units; within each group fresh positions before stale ones, then by estimated travel
 * time ({@link TravelModel}), then call sign. Units without a position come last in their group.
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

    public DispatchService(Jdbi jdbi, Clock clock, IncidentService incidents, UnitService units, OrderService orders,
                           TravelModel travel) {
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

    public Optional<Incident> incident(long incidentId) {
        return jdbi.withExtension(IncidentDao.class, dao -> dao.findById(incidentId));
    }

    /** At most {@code limit} proposals for the incident, best first. */
    public List<UnitProposal> propose(Incident incident, int limit) {
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
            List<UnitProposal> out = new ArrayList<>();
            boolean officerInUnit = false;
            for (ProposalDao.Available u : available) {
                List<ProposalDao.Crew> crew = crews.getOrDefault(u.id(), List.of());
                boolean officersUnit = officer.isPresent() && crew.stream().anyMatch(c -> c.officerId() == officer.get().id());
                officerInUnit |= officersUnit;
                Responsibility r = officersUnit ? Responsibility.GRID_OFFICER
                        : incident.stationId() != null && incident.stationId() == u.stationId() ? Responsibility.OWN_STATION
                        : Responsibility.NEAREST;
                out.add(unitProposal(r, u, crew, officersUnit ? officer.get() : null, incident.position(), now));
            }
            if (officer.isPresent() && !officerInUnit) {
                ProposalDao.GridOfficer o = officer.get();
                out.add(new UnitProposal(Responsibility.GRID_OFFICER, null, null, null, 0, o.id(), o.name(), o.stationId(),
                        o.stationName(), List.of(o.name()), null, null, null, false, o.openOrders()));
            }
            out.sort(ORDER);
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
        });
    }

    static final Comparator<UnitProposal> ORDER = Comparator
            .comparing(UnitProposal::responsibility)
            .thenComparing(p -> !p.isOfficerOnly())
            .thenComparing(UnitProposal::stale)
            .thenComparing(UnitProposal::eta, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.label() == null ? "" : p.label());

    private UnitProposal unitProposal(Responsibility r, ProposalDao.Available u, List<ProposalDao.Crew> crew,
                                      ProposalDao.GridOfficer officer, GeoPoint target, Instant now) {
        Double distance = null;
        Duration eta = null;
        if (u.position() != null && target != null) {
            distance = DatumConverter.convert(u.position(), target.datum()).distanceMetres(target);
            eta = travel.eta(u.kind(), distance);
        }
        Duration age = u.fixAt() == null ? null : Duration.between(u.fixAt(), now);
        if (age != null && age.isNegative()) {
            age = Duration.ZERO;
        }
        boolean stale = age == null || age.compareTo(travel.staleAfter()) > 0;
        return new UnitProposal(r, u.id(), u.callSign(), u.kind(), u.version(), officer == null ? null : officer.id(),
                officer == null ? null : officer.name(), u.stationId(), u.stationName(),
                crew.stream().map(ProposalDao.Crew::name).toList(), distance, eta, age, stale, 0);
    }

    /**
     * Sends the proposed unit (or officer) to the incident as the incident and unit were when proposed.
     *
     * @return the issued DISPATCH order
     * @throws DispatchConflict if another workstation assigned the unit or changed the incident first;
     *                          nothing was written
     */
    public Order dispatch(Incident incident, UnitProposal proposal, String actor) {
        return dispatch(incident, proposal, actor, null);
    }

    /** As {@link #dispatch(Incident, UnitProposal, String)} with the commander's note added to the order's summary. */
    public Order dispatch(Incident incident, UnitProposal proposal, String actor, String note) {
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
                return h.attach(OrderDao.class).findById(o.id()).orElseThrow();
            });
        } catch (DispatchConflict e) {
            throw e;
        } catch (ConcurrentChangeException e) {
            throw conflict(e, incident, proposal);
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

    private DispatchConflict conflict(ConcurrentChangeException e, Incident incident, UnitProposal proposal) {
        if ("unit".equals(e.entity()) && proposal.unitId() != null) {
            String status = jdbi.withExtension(ProposalDao.class, d -> d.unitStatus(proposal.unitId())).orElse("?");
            return new DispatchConflict(DispatchConflict.What.UNIT, proposal.unitId(), proposal.callSign(), status);
        }
        String status = incident(incident.id()).map(i -> i.status().name()).orElse("?");
        return new DispatchConflict(DispatchConflict.What.INCIDENT, incident.id(), incident.incidentNo(), status);
    }
}
