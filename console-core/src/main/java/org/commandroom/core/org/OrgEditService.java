package org.commandroom.core.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The bureau's organisation edited after set-up (issue 11, docs/ADMIN.md): an officer changes station, team, post or
 * phone; a unit changes station, kind, crew or terminal; a police grid changes its community officer; a camera goes
 * out of service or comes back. Reading is open to every signed-in user; every write needs {@link Permission#SETUP},
 * is checked whole before anything is written ({@link OrgEditRejected} lists every problem, nothing written), leaves
 * an audit row with what it was and what it became in its transaction, and is in the change log for the other
 * workstations (units, grids, cameras).
 */
public final class OrgEditService {

    /** At most this many rows per list; the screens search instead of scrolling a whole bureau. */
    public static final int MAX_ROWS = 500;

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    private static final Pattern TERMINAL = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    private final Jdbi jdbi;
    private final Clock clock;
    private final ChangeRecorder changes;
    private final AccessGuard guard;

    public OrgEditService(Jdbi jdbi, Clock clock, ChangeRecorder changes, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.changes = Objects.requireNonNull(changes);
        this.guard = Objects.requireNonNull(guard);
    }

    // ---- what the forms show ----------------------------------------------------------------------------------

    /** A station or street post, as the forms offer it. */
    public record StationChoice(String code, String name, String kind) {
    }

    /** A team of a station. */
    public record TeamChoice(String stationCode, String name, String kind) {
    }

    /**
     * An officer or auxiliary. {@code duty} and {@code rankKind} are the stored codes (COMMUNITY_OFFICER, POLICE…);
     * {@code retired}: 停用, kept for the record but offered nowhere.
     */
    public record OfficerRow(String badgeNo, String name, String rankKind, String duty, String phone, String stationCode,
                             String stationName, String teamName, boolean retired) {
    }

    /** A patrol unit with its crew's badge numbers (sorted); {@code retired}: 停用, never offered for dispatch. */
    public record UnitRow(String callSign, String kind, String status, String stationCode, String stationName,
                          List<String> crew, String terminalId, boolean retired) {
    }

    /** A police grid and its community officer (null when none). */
    public record GridRow(String code, String name, String stationCode, String stationName, String officerBadge,
                          String officerName) {
    }

    /** A camera as the out-of-service form lists it. */
    public record CameraRow(String deviceId, String name, String kind, boolean online, String stationName) {
    }

    public List<StationChoice> stations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT code, name, kind FROM station ORDER BY kind, code")
                .map((rs, ctx) -> new StationChoice(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    public List<TeamChoice> teams() {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.code, t.name, t.kind FROM team t JOIN station s ON s.id = t.station_id "
                        + "ORDER BY s.code, t.name")
                .map((rs, ctx) -> new TeamChoice(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Officers whose badge number or name contains {@code text} (all when blank), by badge number. */
    public List<OfficerRow> officers(String text) {
        return jdbi.withHandle(h -> h.createQuery(OFFICER_SELECT + " WHERE (:t = '' OR o.badge_no LIKE :like OR o.name LIKE :like) "
                        + "ORDER BY o.badge_no LIMIT " + MAX_ROWS)
                .bind("t", norm(text)).bind("like", like(text)).map(OrgEditService::officerRow).list());
    }

    /**
     * The officers in service of one station with one post (the community officers a grid may take), by badge
     * number; retired officers are not offered.
     */
    public List<OfficerRow> officersOf(String stationCode, String duty) {
        return jdbi.withHandle(h -> h.createQuery(OFFICER_SELECT + " WHERE s.code = :s AND o.duty = :d AND o.retired_at IS NULL "
                        + "ORDER BY o.badge_no")
                .bind("s", norm(stationCode)).bind("d", upper(duty)).map(OrgEditService::officerRow).list());
    }

    /** Units whose call sign or terminal contains {@code text} (all when blank), by call sign. */
    public List<UnitRow> units(String text) {
        return jdbi.withHandle(h -> {
            List<UnitRow> rows = h.createQuery("SELECT u.id, u.call_sign, u.kind, u.status, s.code, s.name, u.terminal_id, "
                            + "u.retired_at "
                            + "FROM patrol_unit u JOIN station s ON s.id = u.station_id "
                            + "WHERE (:t = '' OR u.call_sign LIKE :like OR u.terminal_id LIKE :like) ORDER BY u.call_sign LIMIT " + MAX_ROWS)
                    .bind("t", norm(text)).bind("like", like(text))
                    .map((rs, ctx) -> new UnitRow(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), crewOf(h, rs.getLong(1)), rs.getString(7), rs.getObject(8) != null))
                    .list();
            return rows;
        });
    }

    /** Police grids whose code or name contains {@code text} (all when blank), by code. */
    public List<GridRow> grids(String text) {
        return jdbi.withHandle(h -> h.createQuery("SELECT g.code, g.name, s.code, s.name, o.badge_no, o.name FROM police_grid g "
                        + "JOIN station s ON s.id = g.station_id LEFT JOIN officer o ON o.id = g.officer_id "
                        + "WHERE (:t = '' OR g.code LIKE :like OR g.name LIKE :like) ORDER BY g.code LIMIT " + MAX_ROWS)
                .bind("t", norm(text)).bind("like", like(text))
                .map((rs, ctx) -> new GridRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
    }

    /** Cameras in the catalogue whose code or name contains {@code text} (all when blank, at most {@link #MAX_ROWS}). */
    public List<CameraRow> cameras(String text) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.device_id, c.name, c.kind, c.online, s.name FROM camera c "
                        + "LEFT JOIN station s ON s.id = c.station_id WHERE c.removed_at IS NULL "
                        + "AND (:t = '' OR c.device_id LIKE :like OR c.name LIKE :like) ORDER BY c.device_id LIMIT " + MAX_ROWS)
                .bind("t", norm(text)).bind("like", like(text))
                .map((rs, ctx) -> new CameraRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5)))
                .list());
    }

    // ---- edits ------------------------------------------------------------------------------------------------

    /** An officer as the form leaves them; {@code teamName} null or blank for none. */
    public record OfficerEdit(String badgeNo, String name, String rankKind, String duty, String phone, String stationCode,
                              String teamName) {
    }

    /**
     * Saves an officer's name, kind, post, phone, station and team. An officer who is still a police grid's community
     * officer may neither leave that grid's station nor stop being a community officer: the grid is given to someone
     * else first (the refusal names the grids).
     *
     * @throws OrgEditRejected every problem; nothing written
     */
    public OfficerRow saveOfficer(OfficerEdit e, String actor) {
        guard.require(Permission.SETUP, "OFFICER_EDIT", "OFFICER", null);
        return jdbi.inTransaction(h -> {
            List<OrgEditRejected.Problem> problems = new ArrayList<>();
            Optional<Long> id = idOf(h, "SELECT id FROM officer WHERE badge_no = :k", norm(e.badgeNo()));
            if (id.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_OFFICER, norm(e.badgeNo()))));
            }
            OfficerRow before = h.createQuery(OFFICER_SELECT + " WHERE o.id = :id").bind("id", id.get())
                    .map(OrgEditService::officerRow).one();
            String name = norm(e.name());
            if (name.isEmpty() || name.length() > 50) {
                problems.add(problem(OrgEditRejected.Code.NAME_LENGTH, "50"));
            }
            String rank = upper(e.rankKind());
            if (!List.of("POLICE", "AUXILIARY").contains(rank)) {
                problems.add(problem(OrgEditRejected.Code.BAD_VALUE, "rankKind", rank));
            }
            String duty = upper(e.duty());
            if (!List.of("COMMUNITY_OFFICER", "PATROL", "CASE", "COMMANDER", "LEADER").contains(duty)) {
                problems.add(problem(OrgEditRejected.Code.BAD_VALUE, "duty", duty));
            }
            String phone = norm(e.phone());
            if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                problems.add(problem(OrgEditRejected.Code.BAD_PHONE, phone));
            }
            Optional<Long> station = idOf(h, "SELECT id FROM station WHERE code = :k", norm(e.stationCode()));
            if (station.isEmpty()) {
                problems.add(problem(OrgEditRejected.Code.NO_SUCH_STATION, norm(e.stationCode())));
            }
            Long team = null;
            String teamName = norm(e.teamName());
            if (!teamName.isEmpty() && station.isPresent()) {
                Optional<Long> t = h.createQuery("SELECT id FROM team WHERE station_id = :s AND name = :n")
                        .bind("s", station.get()).bind("n", teamName).mapTo(Long.class).findOne();
                if (t.isEmpty()) {
                    problems.add(problem(OrgEditRejected.Code.NO_SUCH_TEAM, teamName, norm(e.stationCode())));
                } else {
                    team = t.get();
                }
            }
            if (station.isPresent()) {
                List<String> heldElsewhere = h.createQuery("SELECT code FROM police_grid WHERE officer_id = :o "
                                + "AND (station_id <> :s OR :duty <> 'COMMUNITY_OFFICER') ORDER BY code")
                        .bind("o", id.get()).bind("s", station.get()).bind("duty", duty).mapTo(String.class).list();
                if (!heldElsewhere.isEmpty()) {
                    problems.add(problem(OrgEditRejected.Code.STILL_GRID_OFFICER, String.join("、", heldElsewhere)));
                }
            }
            if (!problems.isEmpty()) {
                throw new OrgEditRejected(problems);
            }
            h.createUpdate("UPDATE officer SET name = :n, rank_kind = :r, duty = :d, phone = :p, station_id = :s, "
                            + "team_id = :t WHERE id = :id")
                    .bind("n", name).bind("r", rank).bind("d", duty).bind("p", phone.isEmpty() ? null : phone)
                    .bind("s", station.get()).bind("t", team).bind("id", id.get()).execute();
            OfficerRow after = h.createQuery(OFFICER_SELECT + " WHERE o.id = :id").bind("id", id.get())
                    .map(OrgEditService::officerRow).one();
            if (!after.equals(before)) {
                guard.audit(h, clock.instant(), actor, "OFFICER_EDIT", "OFFICER", id.get(), before + " -> " + after);
                // Crews show officers' names: the units they ride in are re-read by the other workstations.
                changes.recordAll(h, Entity.UNIT, h.createQuery("SELECT unit_id FROM unit_crew WHERE officer_id = :o")
                        .bind("o", id.get()).mapTo(Long.class).list(), ChangeOp.UPDATE);
            }
            return after;
        });
    }

    /** A unit as the form leaves it; {@code terminalId} null or blank for none. */
    public record UnitEdit(String callSign, String kind, String stationCode, List<String> crewBadges, String terminalId) {
    }

    /**
     * Saves a unit's kind, station, crew and terminal. A unit may change station only while it is available or off
     * duty (not while it works an order); a terminal belongs to one unit.
     *
     * @throws OrgEditRejected every problem; nothing written
     */
    public UnitRow saveUnit(UnitEdit e, String actor) {
        guard.require(Permission.SETUP, "UNIT_EDIT", "UNIT", null);
        return jdbi.inTransaction(h -> {
            List<OrgEditRejected.Problem> problems = new ArrayList<>();
            String callSign = norm(e.callSign());
            Optional<Long> id = idOf(h, "SELECT id FROM patrol_unit WHERE call_sign = :k", callSign);
            if (id.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_UNIT, callSign)));
            }
            UnitRow before = unitRow(h, id.get());
            String kind = upper(e.kind());
            if (!List.of("CAR", "MOTORBIKE", "FOOT").contains(kind)) {
                problems.add(problem(OrgEditRejected.Code.BAD_VALUE, "kind", kind));
            }
            Optional<Long> station = idOf(h, "SELECT id FROM station WHERE code = :k", norm(e.stationCode()));
            if (station.isEmpty()) {
                problems.add(problem(OrgEditRejected.Code.NO_SUCH_STATION, norm(e.stationCode())));
            } else if (!station.get().equals(idOf(h, "SELECT station_id FROM patrol_unit WHERE id = :k", id.get()).orElse(null))
                    && !List.of("AVAILABLE", "OFF_DUTY").contains(before.status())) {
                problems.add(problem(OrgEditRejected.Code.UNIT_BUSY, callSign));
            }
            LinkedHashSet<Long> crew = new LinkedHashSet<>();
            for (String badge : e.crewBadges() == null ? List.<String>of() : e.crewBadges()) {
                String b = norm(badge);
                if (b.isEmpty()) {
                    continue;
                }
                Optional<Long> o = idOf(h, "SELECT id FROM officer WHERE badge_no = :k", b);
                if (o.isEmpty()) {
                    problems.add(problem(OrgEditRejected.Code.NO_SUCH_OFFICER, b));
                } else if (retired(h, "officer", o.get()) && !before.crew().contains(b)) {
                    problems.add(problem(OrgEditRejected.Code.OFFICER_RETIRED, b));
                } else {
                    crew.add(o.get());
                }
            }
            String terminal = norm(e.terminalId());
            if (!terminal.isEmpty()) {
                if (!TERMINAL.matcher(terminal).matches()) {
                    problems.add(problem(OrgEditRejected.Code.BAD_TERMINAL, terminal));
                } else {
                    h.createQuery("SELECT call_sign FROM patrol_unit WHERE terminal_id = :t AND id <> :id")
                            .bind("t", terminal).bind("id", id.get()).mapTo(String.class).findOne()
                            .ifPresent(other -> problems.add(problem(OrgEditRejected.Code.TERMINAL_TAKEN, terminal, other)));
                }
            }
            if (!problems.isEmpty()) {
                throw new OrgEditRejected(problems);
            }
            h.createUpdate("UPDATE patrol_unit SET kind = :k, station_id = :s, terminal_id = :t, version = version + 1 "
                            + "WHERE id = :id")
                    .bind("k", kind).bind("s", station.get()).bind("t", terminal.isEmpty() ? null : terminal)
                    .bind("id", id.get()).execute();
            h.createUpdate("DELETE FROM unit_crew WHERE unit_id = :id").bind("id", id.get()).execute();
            for (Long o : crew) {
                h.createUpdate("INSERT INTO unit_crew (unit_id, officer_id) VALUES (:u, :o)").bind("u", id.get())
                        .bind("o", o).execute();
            }
            UnitRow after = unitRow(h, id.get());
            if (!after.equals(before)) {
                guard.audit(h, clock.instant(), actor, "UNIT_EDIT", "UNIT", id.get(), before + " -> " + after);
                changes.record(h, Entity.UNIT, id.get(), ChangeOp.UPDATE);
            }
            return after;
        });
    }

    /**
     * Gives a police grid its community officer (a community officer, 社区民警, of the grid's station), or none.
     *
     * @param badgeNo null or blank: the grid has no community officer
     * @throws OrgEditRejected every problem; nothing written
     */
    public GridRow setGridOfficer(String gridCode, String badgeNo, String actor) {
        guard.require(Permission.SETUP, "GRID_OFFICER", "GEOGRAPHY", null);
        return jdbi.inTransaction(h -> {
            String code = norm(gridCode);
            Optional<Long> grid = idOf(h, "SELECT id FROM police_grid WHERE code = :k", code);
            if (grid.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_GRID, code)));
            }
            GridRow before = gridRow(h, grid.get());
            Long officer = null;
            String badge = norm(badgeNo);
            if (!badge.isEmpty()) {
                var found = h.createQuery("SELECT id, duty, station_id FROM officer WHERE badge_no = :b").bind("b", badge)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), "COMMUNITY_OFFICER".equals(rs.getString(2)) ? 1 : 0,
                                rs.getLong(3)})
                        .findOne();
                if (found.isEmpty()) {
                    throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_OFFICER, badge)));
                }
                if (retired(h, "officer", found.get()[0])) {
                    throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.OFFICER_RETIRED, badge)));
                }
                long gridStation = idOf(h, "SELECT station_id FROM police_grid WHERE id = :k", grid.get()).orElseThrow();
                List<OrgEditRejected.Problem> problems = new ArrayList<>();
                if (found.get()[1] == 0) {
                    problems.add(problem(OrgEditRejected.Code.NOT_COMMUNITY_OFFICER, badge));
                }
                if (found.get()[2] != gridStation) {
                    problems.add(problem(OrgEditRejected.Code.OTHER_STATION, badge, before.stationName()));
                }
                if (!problems.isEmpty()) {
                    throw new OrgEditRejected(problems);
                }
                officer = found.get()[0];
            }
            h.createUpdate("UPDATE police_grid SET officer_id = :o WHERE id = :id").bind("o", officer).bind("id", grid.get())
                    .execute();
            GridRow after = gridRow(h, grid.get());
            if (!after.equals(before)) {
                guard.audit(h, clock.instant(), actor, "GRID_OFFICER", "GEOGRAPHY", grid.get(),
                        code + ": " + who(before) + " -> " + who(after));
                changes.record(h, Entity.GEOGRAPHY, grid.get(), ChangeOp.UPDATE);
            }
            return after;
        });
    }

    /**
     * Takes a camera out of service (the map and the video counts show it offline) or back into it.
     *
     * @param reason why, for the trail (required when taking it out)
     * @throws OrgEditRejected when the camera is unknown or the reason is missing; nothing written
     */
    public CameraRow setCameraInService(String deviceId, boolean inService, String reason, String actor) {
        guard.require(Permission.SETUP, "CAMERA_SERVICE", "CAMERA", null);
        return jdbi.inTransaction(h -> {
            String code = norm(deviceId);
            Optional<Long> id = idOf(h, "SELECT id FROM camera WHERE device_id = :k AND removed_at IS NULL", code);
            if (id.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_CAMERA, code)));
            }
            String why = norm(reason);
            if (!inService && why.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.REASON_REQUIRED)));
            }
            boolean was = h.createQuery("SELECT online FROM camera WHERE id = :id").bind("id", id.get()).mapTo(Boolean.class).one();
            if (was != inService) {
                h.createUpdate("UPDATE camera SET online = :o WHERE id = :id").bind("o", inService).bind("id", id.get()).execute();
                guard.audit(h, clock.instant(), actor, inService ? "CAMERA_IN_SERVICE" : "CAMERA_OUT_OF_SERVICE", "CAMERA",
                        id.get(), code + (why.isEmpty() ? "" : ": " + (why.length() > 500 ? why.substring(0, 500) : why)));
                changes.record(h, Entity.CAMERA, id.get(), ChangeOp.UPDATE);
            }
            return h.createQuery("SELECT c.device_id, c.name, c.kind, c.online, s.name FROM camera c "
                            + "LEFT JOIN station s ON s.id = c.station_id WHERE c.id = :id").bind("id", id.get())
                    .map((rs, ctx) -> new CameraRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5)))
                    .one();
        });
    }

    // ---- retiring (停用) -------------------------------------------------------------------------------------------

    /**
     * Retires an officer (停用): the row and so the officer's orders and audit trail stay, but he or she is no longer
     * offered for dispatch, a crew or a grid, and leaves the crews he or she rode in. Refused while the officer is
     * still a police grid's community officer (the refusal names the grids) or has an open order (named). Reactivating
     * puts the officer back in service (not back in a crew). Doing what is already so writes nothing.
     *
     * @throws OrgEditRejected every problem; nothing written
     */
    public OfficerRow setOfficerRetired(String badgeNo, boolean retire, String actor) {
        String action = retire ? "OFFICER_RETIRE" : "OFFICER_REACTIVATE";
        guard.require(Permission.SETUP, action, "OFFICER", null);
        return jdbi.inTransaction(h -> {
            String badge = norm(badgeNo);
            Optional<Long> id = idOf(h, "SELECT id FROM officer WHERE badge_no = :k", badge);
            if (id.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_OFFICER, badge)));
            }
            if (retired(h, "officer", id.get()) == retire) {
                return officerRow(h, id.get());
            }
            String detail = badge;
            if (retire) {
                List<OrgEditRejected.Problem> problems = new ArrayList<>();
                List<String> grids = h.createQuery("SELECT code FROM police_grid WHERE officer_id = :o ORDER BY code")
                        .bind("o", id.get()).mapTo(String.class).list();
                if (!grids.isEmpty()) {
                    problems.add(problem(OrgEditRejected.Code.STILL_GRID_OFFICER, String.join("、", grids)));
                }
                List<String> orders = h.createQuery("SELECT order_no FROM work_order WHERE assignee_officer_id = :o "
                        + "AND status <> 'CLOSED' ORDER BY order_no").bind("o", id.get()).mapTo(String.class).list();
                if (!orders.isEmpty()) {
                    problems.add(problem(OrgEditRejected.Code.OFFICER_HAS_OPEN_ORDER, badge, String.join("、", orders)));
                }
                if (!problems.isEmpty()) {
                    throw new OrgEditRejected(problems);
                }
                List<Long> units = h.createQuery("SELECT unit_id FROM unit_crew WHERE officer_id = :o ORDER BY unit_id")
                        .bind("o", id.get()).mapTo(Long.class).list();
                if (!units.isEmpty()) {
                    List<String> callSigns = h.createQuery("SELECT u.call_sign FROM unit_crew c JOIN patrol_unit u "
                                    + "ON u.id = c.unit_id WHERE c.officer_id = :o ORDER BY u.call_sign")
                            .bind("o", id.get()).mapTo(String.class).list();
                    h.createUpdate("DELETE FROM unit_crew WHERE officer_id = :o").bind("o", id.get()).execute();
                    changes.recordAll(h, Entity.UNIT, units, ChangeOp.UPDATE);
                    detail += ", left crew of " + String.join(", ", callSigns);
                }
            }
            h.createUpdate("UPDATE officer SET retired_at = :t WHERE id = :id")
                    .bind("t", retire ? clock.instant() : null)
                    .bind("id", id.get()).execute();
            guard.audit(h, clock.instant(), actor, action, "OFFICER", id.get(), detail);
            return officerRow(h, id.get());
        });
    }

    /**
     * Retires a patrol unit (停用): it keeps its orders and trail but goes off duty and is no longer offered for
     * dispatch or a task; refused while it has an open order (named). Reactivating puts it back in service, off duty
     * until it reports available. Doing what is already so writes nothing.
     *
     * @throws OrgEditRejected every problem; nothing written
     */
    public UnitRow setUnitRetired(String callSign, boolean retire, String actor) {
        String action = retire ? "UNIT_RETIRE" : "UNIT_REACTIVATE";
        guard.require(Permission.SETUP, action, "UNIT", null);
        return jdbi.inTransaction(h -> {
            String cs = norm(callSign);
            Optional<Long> id = idOf(h, "SELECT id FROM patrol_unit WHERE call_sign = :k", cs);
            if (id.isEmpty()) {
                throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.NO_SUCH_UNIT, cs)));
            }
            if (retired(h, "patrol_unit", id.get()) == retire) {
                return unitRow(h, id.get());
            }
            if (retire) {
                List<String> orders = h.createQuery("SELECT order_no FROM work_order WHERE unit_id = :u AND status <> 'CLOSED' "
                        + "ORDER BY order_no").bind("u", id.get()).mapTo(String.class).list();
                if (!orders.isEmpty()) {
                    throw new OrgEditRejected(List.of(problem(OrgEditRejected.Code.UNIT_HAS_OPEN_ORDER, cs,
                            String.join("、", orders))));
                }
            }
            // The version moves on, so a dispatch prepared from an older list of available units is refused.
            h.createUpdate("UPDATE patrol_unit SET retired_at = :t, status = 'OFF_DUTY', version = version + 1 WHERE id = :id")
                    .bind("t", retire ? clock.instant() : null)
                    .bind("id", id.get()).execute();
            guard.audit(h, clock.instant(), actor, action, "UNIT", id.get(), cs);
            changes.record(h, Entity.UNIT, id.get(), ChangeOp.UPDATE);
            return unitRow(h, id.get());
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static boolean retired(Handle h, String table, long id) {
        return h.createQuery("SELECT retired_at FROM " + table + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> rs.getObject(1) != null).one();
    }

    private static OfficerRow officerRow(Handle h, long id) {
        return h.createQuery(OFFICER_SELECT + " WHERE o.id = :id").bind("id", id).map(OrgEditService::officerRow).one();
    }

    private static final String OFFICER_SELECT = "SELECT o.badge_no, o.name, o.rank_kind, o.duty, o.phone, s.code, s.name, "
            + "t.name, o.retired_at FROM officer o JOIN station s ON s.id = o.station_id LEFT JOIN team t ON t.id = o.team_id";

    private static OfficerRow officerRow(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new OfficerRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9) != null);
    }

    private static UnitRow unitRow(Handle h, long id) {
        return h.createQuery("SELECT u.call_sign, u.kind, u.status, s.code, s.name, u.terminal_id, u.retired_at "
                        + "FROM patrol_unit u JOIN station s ON s.id = u.station_id WHERE u.id = :id").bind("id", id)
                .map((rs, ctx) -> new UnitRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), crewOf(h, id), rs.getString(6), rs.getObject(7) != null))
                .one();
    }

    private static List<String> crewOf(Handle h, long unitId) {
        return h.createQuery("SELECT o.badge_no FROM unit_crew c JOIN officer o ON o.id = c.officer_id WHERE c.unit_id = :u "
                + "ORDER BY o.badge_no").bind("u", unitId).mapTo(String.class).list();
    }

    private static GridRow gridRow(Handle h, long id) {
        return h.createQuery("SELECT g.code, g.name, s.code, s.name, o.badge_no, o.name FROM police_grid g "
                        + "JOIN station s ON s.id = g.station_id LEFT JOIN officer o ON o.id = g.officer_id WHERE g.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new GridRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .one();
    }

    private static String who(GridRow g) {
        return g.officerBadge() == null ? "(none)" : g.officerBadge() + " " + g.officerName();
    }

    private static Optional<Long> idOf(Handle h, String sql, Object key) {
        return h.createQuery(sql).bind("k", key).mapTo(Long.class).findOne();
    }

    private static OrgEditRejected.Problem problem(OrgEditRejected.Code code, String... args) {
        return new OrgEditRejected.Problem(code, List.of(args));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }

    private static String upper(String s) {
        return norm(s).toUpperCase(Locale.ROOT);
    }

    private static String like(String text) {
        String t = norm(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + t + "%";
    }
}
