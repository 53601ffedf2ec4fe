package org.commandroom.core.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.store.ConcurrentChangeException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads the unit board and applies position reports and status changes, logging each change. */
public final class UnitService {

    private final Jdbi jdbi;
    private final ChangeRecorder changes;

    public UnitService(Jdbi jdbi, ChangeRecorder changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /** Every unit with its crew, in call-sign order. */
    public List<UnitBoardEntry> board() {
        return jdbi.withHandle(h -> {
            UnitDao dao = h.attach(UnitDao.class);
            return withCrew(dao.board(), dao.allCrew());
        });
    }

    /** Board lines for the given units (used to apply live changes). */
    /** The units that may be given work (not retired), with their crews, by call sign. */
    public List<UnitBoardEntry> boardInService() {
        return jdbi.withHandle(h -> {
            UnitDao dao = h.attach(UnitDao.class);
            return withCrew(dao.boardInService(), dao.allCrew());
        });
    }

    public List<UnitBoardEntry> boardEntries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            UnitDao dao = h.attach(UnitDao.class);
            return withCrew(dao.boardEntries(ids), dao.crew(ids));
        });
    }

    private static List<UnitBoardEntry> withCrew(List<UnitBoardEntry> entries, List<UnitDao.CrewMember> crew) {
        Map<Long, List<String>> names = new HashMap<>();
        for (UnitDao.CrewMember m : crew) {
            names.computeIfAbsent(m.unitId(), k -> new ArrayList<>()).add(m.name());
        }
        List<UnitBoardEntry> out = new ArrayList<>(entries.size());
        for (UnitBoardEntry e : entries) {
            out.add(e.withCrew(names.getOrDefault(e.id(), List.of())));
        }
        return out;
    }

    public List<PatrolUnit> all() {
        return jdbi.withExtension(UnitDao.class, UnitDao::all);
    }

    /** Records a terminal's position report. */
    public void reportPosition(long unitId, GeoPoint position, Double heading, Instant fixAt) {
        jdbi.useTransaction(h -> {
            int n = h.attach(UnitDao.class).updatePosition(unitId, position.lat(), position.lon(),
                    position.datum().name(), heading, fixAt);
            if (n == 1) {
                changes.record(h, Entity.UNIT, unitId, ChangeOp.UPDATE);
            }
        });
    }

    /**
     * Changes a unit's status if it is still at {@code expectedVersion}.
     *
     * @throws ConcurrentChangeException if another workstation changed the unit first
     */
    public void changeStatus(long unitId, int expectedVersion, UnitStatus status) {
        jdbi.useTransaction(h -> changeStatus(h, unitId, expectedVersion, status));
    }

    /** The same inside a caller's transaction (used when an order assigns the unit). */
    public void changeStatus(Handle h, long unitId, int expectedVersion, UnitStatus status) {
        int n = h.attach(UnitDao.class).updateStatus(unitId, expectedVersion, status);
        if (n != 1) {
            throw new ConcurrentChangeException("unit", unitId);
        }
        changes.record(h, Entity.UNIT, unitId, ChangeOp.UPDATE);
    }
}
