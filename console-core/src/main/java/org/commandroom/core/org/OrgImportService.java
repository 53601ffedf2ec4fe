package org.commandroom.core.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.live.ChangeOp;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.live.Entity;
import org.commandroom.core.org.OrgImportDao.BureauRec;
import org.commandroom.core.org.OrgImportDao.OfficerRec;
import org.commandroom.core.org.OrgImportDao.StationRec;
import org.commandroom.core.org.OrgImportDao.TeamRec;
import org.commandroom.core.org.OrgImportDao.UnitRec;
import org.commandroom.core.org.OrgImportDao.ZoneRec;
import org.commandroom.core.org.OrgWorkbook.CellText;
import org.commandroom.core.org.OrgWorkbook.DataRow;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a bureau's organisation (bureau, stations, street posts, teams, officers and auxiliaries) and its patrol
 * units from the .xlsx workbooks of {@link OrgSheets} (docs/ADMIN.md).
 *
 * <ul>
 * <li><b>Every cell is checked</b> and every problem is listed, each naming its sheet, row and column; one problem
 * rejects the whole file.</li>
 * <li><b>All or nothing:</b> checking and writing happen in one transaction; a rejected file writes nothing.</li>
 * <li><b>Idempotent:</b> rows are upserted by their natural key (station code, team name within its station, badge
 * number, call sign); importing the same file again changes nothing. A blank optional cell keeps what is stored.
 * Rows missing from the file are kept (the import adds and updates, it never deletes).</li>
 * <li>Needs {@link Permission#SETUP}; an accepted import is audited ({@code IMPORT}, entity {@code ORGANISATION} or
 * {@code UNIT}) in its transaction, and each new or changed unit is in the change log for the other workstations.</li>
 * </ul>
 */
public final class OrgImportService {

    private final Jdbi jdbi;
    private final Clock clock;
    private final ChangeRecorder changes;
    private final AccessGuard guard;

    public OrgImportService(Jdbi jdbi, Clock clock, ChangeRecorder changes, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.changes = Objects.requireNonNull(changes);
        this.guard = Objects.requireNonNull(guard);
    }

    /**
     * Imports the organisation workbook.
     *
     * @param actor  who imports, for the trail when no one is signed in
     * @param dryRun check and count only; write nothing
     */
    public OrgImportResult importOrganisation(byte[] file, String fileName, String actor, boolean dryRun) {
        guard.require(Permission.SETUP, "IMPORT", "ORGANISATION", null);
        return importBook(OrgSheets.Book.ORGANISATION, "ORGANISATION", "organisation", file, fileName, actor, dryRun,
                (h, read) -> {
                    OrgPlan plan = new OrgPlan(h.attach(OrgImportDao.class));
                    plan.check(read);
                    return new Checked(plan.problems, plan::write, plan.counts);
                });
    }

    /** Imports the patrol-unit workbook; stations, officers (crews) and key patrol zones must be in the database. */
    public OrgImportResult importUnits(byte[] file, String fileName, String actor, boolean dryRun) {
        guard.require(Permission.SETUP, "IMPORT", "UNIT", null);
        return importBook(OrgSheets.Book.UNITS, "UNIT", "units", file, fileName, actor, dryRun, (h, read) -> {
            UnitPlan plan = new UnitPlan(h, h.attach(OrgImportDao.class));
            plan.check(read.rows(OrgSheets.UNITS_SHEET));
            return new Checked(plan.problems, plan::write, plan.counts);
        });
    }

    /** A workbook checked against the database: its problems, how to write it, and the counts the write fills in. */
    private record Checked(List<SheetProblem> problems, Runnable write, Map<String, OrgImportResult.Counts> counts) {
    }

    /**
     * The one way a workbook is imported: read (every wrong cell named), checked against the database, written in the
     * same transaction, all or nothing; a dry run writes to count exactly what would change and then rolls back.
     */
    private OrgImportResult importBook(OrgSheets.Book book, String entity, String what, byte[] file, String fileName,
                                       String actor, boolean dryRun,
                                       java.util.function.BiFunction<Handle, OrgWorkbook.Read, Checked> plan) {
        OrgWorkbook.Read read = OrgWorkbook.read(book, file, fileName);
        if (!read.problems().isEmpty()) {
            return OrgImportResult.rejected(fileName, read.problems());
        }
        return jdbi.inTransaction(h -> {
            Checked checked = plan.apply(h, read);
            if (!checked.problems().isEmpty()) {
                h.rollback();
                return OrgImportResult.rejected(fileName, checked.problems());
            }
            checked.write().run();
            if (dryRun) {
                h.rollback();
            } else {
                guard.audit(h, clock.instant(), actor, "IMPORT", entity, null,
                        cut("import " + what + " from " + fileName + ": " + summary(checked.counts())));
            }
            return new OrgImportResult(true, dryRun, fileName, checked.counts(), List.of());
        });
    }

    private static String summary(Map<String, OrgImportResult.Counts> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((table, c) -> parts.add(table + " " + c));
        return String.join("; ", parts);
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    // ---- cell checks ----------------------------------------------------------------------------------------

    /** Collects problems; each check returns null (and records why) when the cell is wrong. */
    private static final class Checks {
        final List<SheetProblem> problems = new ArrayList<>();

        String text(DataRow row, String key, boolean required, int max) {
            CellText c = row.get(key);
            String v = c == null ? "" : c.text().strip();
            if (v.isEmpty()) {
                if (required) {
                    add(row, key, "core.org.cell.required");
                }
                return null;
            }
            if (v.codePointCount(0, v.length()) > max) {
                problems.add(c.problem("core.org.cell.tooLong", show(v), max));
                return null;
            }
            if (v.chars().anyMatch(ch -> ch < 0x20)) {
                problems.add(c.problem("core.org.cell.control"));
                return null;
            }
            return v;
        }

        String code(DataRow row, String key, boolean required, int max) {
            String v = text(row, key, required, max);
            if (v != null && !v.matches("[\\p{L}\\p{N}._/()-]+")) {
                problems.add(row.get(key).problem("core.org.cell.notCode", show(v)));
                return null;
            }
            return v;
        }

        String choice(DataRow row, String key, Map<String, String> values, boolean required) {
            String v = text(row, key, required, 40);
            if (v == null) {
                return null;
            }
            Optional<String> chosen = OrgSheets.choose(values, v);
            if (chosen.isEmpty()) {
                problems.add(row.get(key).problem("core.org.cell.notChoice", show(v),
                        String.join(", ", values.keySet().stream().sorted().toList()),
                        String.join(", ", new LinkedHashSet<>(values.values().stream().sorted().toList()))));
                return null;
            }
            return chosen.get();
        }

        /** Blank gives {@code -1}; a wrong value records a problem and gives {@code -2}. */
        long whole(DataRow row, String key, long max) {
            String v = text(row, key, false, 20);
            if (v == null) {
                return row.get(key) == null || row.get(key).blank() ? -1 : -2;
            }
            String plain = v.replace(",", "");
            if (!plain.matches("\\d+") || plain.length() > 12 || Long.parseLong(plain) > max) {
                problems.add(row.get(key).problem("core.org.cell.notWhole", show(v), max));
                return -2;
            }
            return Long.parseLong(plain);
        }

        /** Blank gives NaN; a wrong value records a problem and gives -1. */
        double number(DataRow row, String key, double max) {
            String v = text(row, key, false, 20);
            if (v == null) {
                return row.get(key) == null || row.get(key).blank() ? Double.NaN : -1;
            }
            try {
                double d = Double.parseDouble(v.replace(",", ""));
                if (d >= 0 && d <= max && !Double.isNaN(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // below
            }
            problems.add(row.get(key).problem("core.org.cell.notNumber", show(v), (long) max));
            return -1;
        }

        /** A problem of {@code row}'s cell {@code key} (of the row, when the sheet has no such column). */
        void add(DataRow row, String key, String textKey, Object... args) {
            CellText c = row.get(key);
            problems.add(c != null ? c.problem(textKey, args) : SheetProblem.row(null, row.excelRow(), Text.of(textKey, args)));
        }

        static String show(String v) {
            return v.length() <= 40 ? v : v.substring(0, 40) + "…";
        }
    }

    // ---- organisation ---------------------------------------------------------------------------------------

    /** A station or post as the import will leave it; {@code existing} null for a new one. */
    private static final class PlannedStation {
        final String code;
        String name;
        String kind;
        Long bureauId;
        String bureauCode;
        int population;
        double area;
        String peerGroup;
        final StationRec existing;
        long id;
        boolean inFile;

        PlannedStation(StationRec existing, String code) {
            this.existing = existing;
            this.code = code;
            if (existing != null) {
                name = existing.name();
                kind = existing.kind();
                bureauId = existing.bureauId();
                population = existing.population();
                area = existing.area();
                peerGroup = existing.peerGroup();
                id = existing.id();
            }
        }
    }

    private record PlannedTeam(String stationCode, String name, String kind, TeamRec existing) {
    }

    private record PlannedOfficer(String badge, String name, String rank, String duty, String phone,
                                  String stationCode, String teamName, OfficerRec existing) {
    }

    private final class OrgPlan {
        final OrgImportDao dao;
        final List<SheetProblem> problems;
        final Checks checks = new Checks();
        final Map<String, OrgImportResult.Counts> counts = new LinkedHashMap<>();
        final List<BureauRec> bureaus;
        String bureauCode;
        String bureauName;
        BureauRec bureauExisting;
        final Map<String, PlannedStation> stations = new LinkedHashMap<>();
        final Map<Long, String> stationCodeById = new HashMap<>();
        /** Teams by station code, then name: stored ones and the file's. */
        final Map<String, Map<String, PlannedTeam>> teams = new HashMap<>();
        final List<PlannedTeam> fileTeams = new ArrayList<>();
        final List<PlannedOfficer> fileOfficers = new ArrayList<>();
        final Map<String, OfficerRec> officers = new HashMap<>();

        OrgPlan(OrgImportDao dao) {
            this.dao = dao;
            this.problems = checks.problems;
            this.bureaus = dao.bureaus();
            for (StationRec s : dao.stations()) {
                stations.put(s.code(), new PlannedStation(s, s.code()));
                stationCodeById.put(s.id(), s.code());
            }
            for (TeamRec t : dao.teams()) {
                String code = stationCodeById.get(t.stationId());
                teams.computeIfAbsent(code, k -> new LinkedHashMap<>())
                        .put(t.name(), new PlannedTeam(code, t.name(), t.kind(), t));
            }
            for (OfficerRec o : dao.officers()) {
                officers.put(o.badge(), o);
            }
        }

        void check(OrgWorkbook.Read read) {
            checkBureau(read.rows(OrgSheets.BUREAU));
            Map<String, Text> seenCodes = new HashMap<>();
            checkStations(read.rows(OrgSheets.STATIONS), "STATION", seenCodes);
            checkStations(read.rows(OrgSheets.POSTS), "POST", seenCodes);
            checkTeams(read.rows(OrgSheets.TEAMS));
            checkOfficers(read.rows(OrgSheets.OFFICERS));
        }

        private void checkBureau(List<DataRow> rows) {
            if (rows.size() > 1) {
                checks.add(rows.get(1), "code", "core.org.bureau.oneRow");
            }
            if (!rows.isEmpty()) {
                DataRow r = rows.get(0);
                bureauCode = checks.code(r, "code", true, 32);
                bureauName = checks.text(r, "name", true, 100);
                if (bureauCode != null) {
                    bureauExisting = bureaus.stream().filter(b -> b.code().equals(bureauCode)).findFirst().orElse(null);
                }
            }
        }

        /** The bureau a new station without a bureau cell goes to: the file's, else the only stored one. */
        private Optional<Long> defaultBureau() {
            if (bureauCode != null) {
                return Optional.of(bureauExisting == null ? -1L : bureauExisting.id());
            }
            return bureaus.size() == 1 ? Optional.of(bureaus.get(0).id()) : Optional.empty();
        }

        private void checkStations(List<DataRow> rows, String kind, Map<String, Text> seenCodes) {
            for (DataRow r : rows) {
                String code = checks.code(r, "code", true, 32);
                String name = checks.text(r, "name", true, 100);
                long population = checks.whole(r, "population", 100_000_000);
                double area = checks.number(r, "area", 1_000_000);
                String peer = checks.text(r, "peer_group", false, 32);
                String bureau = checks.code(r, "bureau", false, 32);
                if (code == null) {
                    continue;
                }
                Text previous = seenCodes.putIfAbsent(code, r.get("code").place().text());
                if (previous != null) {
                    checks.add(r, "code", "core.org.station.codeTwice", code, previous);
                    continue;
                }
                PlannedStation p = stations.computeIfAbsent(code, c -> new PlannedStation(null, c));
                p.inFile = true;
                p.kind = kind;
                if (name != null) {
                    p.name = name;
                }
                if (population >= 0) {
                    p.population = (int) population;
                }
                if (area >= 0) {
                    p.area = area;
                }
                if (peer != null) {
                    p.peerGroup = peer;
                }
                if (bureau != null) {
                    if (bureau.equals(bureauCode)) {
                        p.bureauCode = bureauCode;
                        p.bureauId = null;
                    } else {
                        Optional<BureauRec> b = bureaus.stream().filter(x -> x.code().equals(bureau)).findFirst();
                        if (b.isEmpty()) {
                            checks.add(r, "bureau", "core.org.station.noBureau", bureau);
                        } else {
                            p.bureauId = b.get().id();
                        }
                    }
                } else if (p.existing == null) {
                    Optional<Long> b = defaultBureau();
                    if (b.isEmpty()) {
                        checks.add(r, "code", bureaus.isEmpty() ? "core.org.station.needsBureau" : "core.org.station.whichBureau");
                    } else if (b.get() < 0) {
                        p.bureauCode = bureauCode;
                    } else {
                        p.bureauId = b.get();
                    }
                }
            }
        }

        /** A station named by code, else by a name only one station has; records why not. */
        private PlannedStation station(DataRow r, String key) {
            String v = checks.text(r, key, true, 100);
            if (v == null) {
                return null;
            }
            PlannedStation byCode = stations.get(v);
            if (byCode != null) {
                return byCode;
            }
            List<PlannedStation> byName = stations.values().stream().filter(s -> v.equals(s.name)).toList();
            if (byName.size() == 1) {
                return byName.get(0);
            }
            checks.add(r, key, byName.isEmpty() ? "core.org.station.unknown" : "core.org.station.ambiguous", Checks.show(v), byName.size());
            return null;
        }

        private void checkTeams(List<DataRow> rows) {
            Map<String, Text> seen = new HashMap<>();
            for (DataRow r : rows) {
                PlannedStation s = station(r, "station");
                String name = checks.text(r, "name", true, 100);
                String kind = checks.choice(r, "kind", OrgSheets.TEAM_KINDS, true);
                if (s == null || name == null || kind == null) {
                    continue;
                }
                String key = s.code + "\u0000" + name;
                Text previous = seen.putIfAbsent(key, r.get("name").place().text());
                if (previous != null) {
                    checks.add(r, "name", "core.org.team.twice", name, s.code, previous);
                    continue;
                }
                Map<String, PlannedTeam> ofStation = teams.computeIfAbsent(s.code, k -> new LinkedHashMap<>());
                PlannedTeam existing = ofStation.get(name);
                PlannedTeam t = new PlannedTeam(s.code, name, kind, existing == null ? null : existing.existing());
                ofStation.put(name, t);
                fileTeams.add(t);
            }
        }

        /** A team of the station by name, by station name + name, or by kind when the station has one of that kind. */
        private PlannedTeam team(PlannedStation s, String value) {
            Map<String, PlannedTeam> ofStation = teams.getOrDefault(s.code, Map.of());
            PlannedTeam t = ofStation.get(value);
            if (t == null && s.name != null) {
                t = ofStation.get(s.name + value);
            }
            if (t == null) {
                Optional<String> kind = OrgSheets.choose(OrgSheets.TEAM_KINDS, value);
                if (kind.isPresent()) {
                    List<PlannedTeam> ofKind = ofStation.values().stream().filter(x -> x.kind().equals(kind.get())).toList();
                    if (ofKind.size() == 1) {
                        t = ofKind.get(0);
                    }
                }
            }
            return t;
        }

        private void checkOfficers(List<DataRow> rows) {
            Map<String, Text> seen = new HashMap<>();
            for (DataRow r : rows) {
                String badge = checks.code(r, "badge", true, 16);
                String name = checks.text(r, "name", true, 50);
                String rank = checks.choice(r, "rank", OrgSheets.RANK_KINDS, true);
                String phone = checks.text(r, "phone", false, 20);
                if (phone != null && !phone.matches("[0-9+\\- ()]{3,20}")) {
                    checks.add(r, "phone", "core.org.officer.phone", Checks.show(phone));
                    phone = null;
                }
                String duty = checks.choice(r, "post", OrgSheets.DUTIES, true);
                PlannedStation s = station(r, "station");
                String teamValue = checks.text(r, "team", false, 100);
                PlannedTeam team = null;
                if (s != null && teamValue != null) {
                    team = team(s, teamValue);
                    if (team == null) {
                        checks.add(r, "team", "core.org.officer.team", Checks.show(teamValue), s.code);
                    }
                }
                if (badge == null) {
                    continue;
                }
                Text previous = seen.putIfAbsent(badge, r.get("badge").place().text());
                if (previous != null) {
                    checks.add(r, "badge", "core.org.officer.badgeTwice", badge, previous);
                    continue;
                }
                if (name == null || rank == null || duty == null || s == null || (teamValue != null && team == null)) {
                    continue;
                }
                OfficerRec existing = officers.get(badge);
                String teamName = team == null ? null : team.name();
                if (team == null && existing != null && existing.teamId() != null
                        && s.existing != null && existing.stationId() == s.existing.id()) {
                    teamName = KEEP;
                }
                fileOfficers.add(new PlannedOfficer(badge, name, rank, duty, phone == null && existing != null
                        ? existing.phone() : phone, s.code, teamName, existing));
            }
        }

        void write() {
            long bureauId = -1;
            int[] b = new int[3];
            if (bureauCode != null) {
                if (bureauExisting == null) {
                    bureauId = dao.insertBureau(bureauCode, bureauName);
                    b[0]++;
                } else {
                    bureauId = bureauExisting.id();
                    if (!bureauExisting.name().equals(bureauName)) {
                        dao.updateBureau(bureauId, bureauName);
                        b[1]++;
                    } else {
                        b[2]++;
                    }
                }
            }
            counts.put("bureau", new OrgImportResult.Counts(b[0], b[1], b[2]));
            int[] st = new int[3];
            for (PlannedStation p : stations.values()) {
                if (!p.inFile) {
                    continue;
                }
                long bureau = p.bureauId != null ? p.bureauId : bureauId;
                if (p.existing == null) {
                    p.id = dao.insertStation(bureau, p.code, p.name, p.kind, p.population, p.area, p.peerGroup);
                    st[0]++;
                } else if (p.existing.bureauId() != bureau || !p.existing.name().equals(p.name)
                        || !p.existing.kind().equals(p.kind) || p.existing.population() != p.population
                        || p.existing.area() != p.area || !Objects.equals(p.existing.peerGroup(), p.peerGroup)) {
                    dao.updateStation(p.id, bureau, p.name, p.kind, p.population, p.area, p.peerGroup);
                    st[1]++;
                } else {
                    st[2]++;
                }
            }
            counts.put("station", new OrgImportResult.Counts(st[0], st[1], st[2]));
            int[] tm = new int[3];
            Map<String, Long> teamIds = new HashMap<>();
            teams.forEach((code, byName) -> byName.values().forEach(t -> {
                if (t.existing() != null) {
                    teamIds.put(code + "\u0000" + t.name(), t.existing().id());
                }
            }));
            for (PlannedTeam t : fileTeams) {
                if (t.existing() == null) {
                    teamIds.put(t.stationCode() + "\u0000" + t.name(),
                            dao.insertTeam(stations.get(t.stationCode()).id, t.kind(), t.name()));
                    tm[0]++;
                } else if (!t.existing().kind().equals(t.kind())) {
                    dao.updateTeam(t.existing().id(), t.kind());
                    tm[1]++;
                } else {
                    tm[2]++;
                }
            }
            counts.put("team", new OrgImportResult.Counts(tm[0], tm[1], tm[2]));
            int[] of = new int[3];
            for (PlannedOfficer o : fileOfficers) {
                long stationId = stations.get(o.stationCode()).id;
                Long teamId = o.teamName() == null ? null
                        : KEEP.equals(o.teamName()) ? o.existing().teamId()
                        : teamIds.get(o.stationCode() + "\u0000" + o.teamName());
                if (o.existing() == null) {
                    dao.insertOfficer(stationId, teamId, o.badge(), o.name(), o.rank(), o.duty(), o.phone());
                    of[0]++;
                } else {
                    OfficerRec e = o.existing();
                    if (e.stationId() != stationId || !Objects.equals(e.teamId(), teamId) || !e.name().equals(o.name())
                            || !e.rank().equals(o.rank()) || !e.duty().equals(o.duty())
                            || !Objects.equals(e.phone(), o.phone())) {
                        dao.updateOfficer(e.id(), stationId, teamId, o.name(), o.rank(), o.duty(), o.phone());
                        of[1]++;
                    } else {
                        of[2]++;
                    }
                }
            }
            counts.put("officer", new OrgImportResult.Counts(of[0], of[1], of[2]));
        }
    }

    /** An officer's team cell was blank and the officer stays at the station: the stored team is kept. */
    private static final String KEEP = "\u0000keep";

    // ---- units ----------------------------------------------------------------------------------------------

    private record PlannedUnit(String callSign, String kind, long stationId, Long zoneId, String terminal,
                               Set<Long> crew, UnitRec existing) {
    }

    private final class UnitPlan {
        final OrgImportDao dao;
        final Checks checks = new Checks();
        final List<SheetProblem> problems = checks.problems;
        final Map<String, OrgImportResult.Counts> counts = new LinkedHashMap<>();
        final Map<String, StationRec> stationsByCode = new HashMap<>();
        final Map<String, List<StationRec>> stationsByName = new HashMap<>();
        final Map<String, OfficerRec> officers = new HashMap<>();
        final Map<String, UnitRec> units = new HashMap<>();
        final Map<Long, Set<Long>> crews = new HashMap<>();
        final List<ZoneRec> zones;
        final List<PlannedUnit> planned = new ArrayList<>();

        final Handle h;

        UnitPlan(Handle h, OrgImportDao dao) {
            this.h = h;
            this.dao = dao;
            for (StationRec s : dao.stations()) {
                stationsByCode.put(s.code(), s);
                stationsByName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
            }
            dao.officers().forEach(o -> officers.put(o.badge(), o));
            dao.units().forEach(u -> units.put(u.callSign(), u));
            dao.crews().forEach(c -> crews.computeIfAbsent(c.unitId(), k -> new HashSet<>()).add(c.officerId()));
            zones = dao.zones();
        }

        void check(List<DataRow> rows) {
            Map<String, Text> seenCalls = new HashMap<>();
            Map<String, Text> seenTerminals = new HashMap<>();
            Map<String, String> terminalOf = new HashMap<>();
            Map<Long, String> crewSeen = new HashMap<>();
            for (DataRow r : rows) {
                String call = checks.code(r, "call_sign", true, 32);
                String kind = checks.choice(r, "kind", OrgSheets.UNIT_KINDS, true);
                StationRec station = null;
                String sv = checks.text(r, "station", true, 100);
                if (sv != null) {
                    station = stationsByCode.get(sv);
                    List<StationRec> byName = stationsByName.getOrDefault(sv, List.of());
                    if (station == null && byName.size() == 1) {
                        station = byName.get(0);
                    } else if (station == null) {
                        checks.add(r, "station", byName.isEmpty() ? "core.org.unit.noStation" : "core.org.station.ambiguous",
                                Checks.show(sv), byName.size());
                    }
                }
                String terminal = checks.code(r, "terminal", false, 64);
                Long zoneId = null;
                String zv = checks.text(r, "zone", false, 100);
                boolean zoneOk = true;
                if (zv != null) {
                    List<ZoneRec> z = zones.stream().filter(x -> x.code().equals(zv)).toList();
                    if (z.isEmpty()) {
                        z = zones.stream().filter(x -> x.name().equals(zv)).toList();
                    }
                    if (z.size() == 1) {
                        zoneId = z.get(0).id();
                    } else {
                        zoneOk = false;
                        checks.add(r, "zone", z.isEmpty() ? "core.org.unit.noZone" : "core.org.unit.ambiguousZone", Checks.show(zv), z.size());
                    }
                }
                Set<Long> crew = null;
                String cv = checks.text(r, "crew", false, 500);
                boolean crewOk = true;
                if (cv != null) {
                    crew = new LinkedHashSet<>();
                    for (String badge : cv.split("[、,，;；\\s]+")) {
                        if (badge.isBlank()) {
                            continue;
                        }
                        OfficerRec o = officers.get(badge.strip());
                        if (o == null) {
                            crewOk = false;
                            checks.add(r, "crew", "core.org.unit.noOfficer", Checks.show(badge.strip()));
                        } else if (!crew.add(o.id())) {
                            crewOk = false;
                            checks.add(r, "crew", "core.org.unit.crewTwice", badge.strip());
                        } else if (call != null) {
                            String other = crewSeen.putIfAbsent(o.id(), call);
                            if (other != null && !other.equals(call)) {
                                crewOk = false;
                                checks.add(r, "crew", "core.org.unit.otherCrew", badge.strip(), o.name(), other);
                            }
                        }
                    }
                }
                if (call == null) {
                    continue;
                }
                Text previous = seenCalls.putIfAbsent(call, r.get("call_sign").place().text());
                if (previous != null) {
                    checks.add(r, "call_sign", "core.org.unit.callSignTwice", call, previous);
                    continue;
                }
                if (terminal != null) {
                    Text prevT = seenTerminals.putIfAbsent(terminal, r.get("terminal").place().text());
                    if (prevT != null) {
                        checks.add(r, "terminal", "core.org.unit.terminalTwice", terminal, prevT);
                        continue;
                    }
                    terminalOf.put(call, terminal);
                }
                if (kind == null || station == null || !zoneOk || !crewOk) {
                    continue;
                }
                UnitRec existing = units.get(call);
                planned.add(new PlannedUnit(call, kind, station.id(),
                        zv == null && existing != null ? existing.zoneId() : zoneId,
                        terminal == null && existing != null ? existing.terminalId() : terminal,
                        crew, existing));
            }
            // A terminal the file gives must not stay with another unit: one not in the file, or one whose row keeps it.
            for (DataRow r : rows) {
                String call = r.text("call_sign");
                String terminal = terminalOf.get(call);
                if (terminal == null) {
                    continue;
                }
                for (UnitRec u : units.values()) {
                    if (terminal.equals(u.terminalId()) && !u.callSign().equals(call)) {
                        String other = terminalOf.get(u.callSign());
                        boolean inFile = seenCalls.containsKey(u.callSign());
                        if (!inFile || other == null || other.equals(terminal)) {
                            checks.add(r, "terminal", inFile ? "core.org.unit.terminalKept" : "core.org.unit.terminalTaken", terminal, u.callSign());
                        }
                    }
                }
            }
        }

        void write() {
            int[] n = new int[3];
            // Terminals that move between units are released first, so that the unique terminal never clashes midway.
            for (PlannedUnit p : planned) {
                if (p.existing() != null && p.existing().terminalId() != null
                        && !p.existing().terminalId().equals(p.terminal())) {
                    dao.clearTerminal(p.existing().id());
                }
            }
            for (PlannedUnit p : planned) {
                long id;
                boolean changed;
                if (p.existing() == null) {
                    id = dao.insertUnit(p.callSign(), p.kind(), p.stationId(), p.zoneId(), p.terminal());
                    changes.record(handle(), Entity.UNIT, id, ChangeOp.INSERT);
                    n[0]++;
                    if (p.crew() != null) {
                        p.crew().forEach(o -> dao.addCrew(id, o));
                    }
                    continue;
                }
                UnitRec e = p.existing();
                id = e.id();
                changed = !e.kind().equals(p.kind()) || e.stationId() != p.stationId()
                        || !Objects.equals(e.zoneId(), p.zoneId()) || !Objects.equals(e.terminalId(), p.terminal());
                if (changed) {
                    dao.updateUnit(id, p.kind(), p.stationId(), p.zoneId(), p.terminal());
                }
                if (p.crew() != null && !p.crew().equals(crews.getOrDefault(id, Set.of()))) {
                    dao.clearCrew(id);
                    p.crew().forEach(o -> dao.addCrew(id, o));
                    changed = true;
                }
                if (changed) {
                    changes.record(handle(), Entity.UNIT, id, ChangeOp.UPDATE);
                    n[1]++;
                } else {
                    n[2]++;
                }
            }
            counts.put("unit", new OrgImportResult.Counts(n[0], n[1], n[2]));
        }

        private Handle handle() {
            return h;
        }
    }
}
