package org.commandroom.core.prevention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.org.OrgImportResult;
import org.commandroom.core.org.OrgWorkbook;
import org.commandroom.core.org.OrgWorkbook.CellText;
import org.commandroom.core.org.OrgWorkbook.DataRow;
import org.commandroom.core.org.SheetProblem;
import org.commandroom.core.text.Text;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports the bureau's house register from the .xlsx of {@link HouseSheets} (docs/PREVENTION.md), as the organisation
 * is imported: every cell checked and every problem named with its sheet, row and column; all or nothing in one
 * transaction; idempotent (upserted by address and house number, the same file again changes nothing; houses missing
 * from the file are kept). Needs {@link Permission#SETUP}; an accepted import is audited ({@code IMPORT}, entity
 * {@code HOUSE}).
 */
public final class HouseImportService {

    public static final String TABLE = "house";
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("M/d/yy"));

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    public HouseImportService(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    /**
     * Imports the workbook.
     *
     * @param dryRun check and count only; write nothing
     */
    public OrgImportResult importHouses(byte[] file, String fileName, String actor, boolean dryRun) {
        guard.require(Permission.SETUP, "IMPORT", "HOUSE", null);
        OrgWorkbook.Read read = OrgWorkbook.read("house register", HouseSheets.sheets(), file, fileName);
        if (!read.problems().isEmpty()) {
            return rejected(fileName, read.problems());
        }
        List<DataRow> rows = read.rows(HouseSheets.HOUSES);
        return jdbi.inTransaction(h -> {
            PreventionRules rules = PreventionRules.load(h);
            HouseGeography geo = HouseGeography.load(h);
            List<SheetProblem> problems = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            List<HouseInput> inputs = new ArrayList<>();
            for (DataRow row : rows) {
                HouseInput in = check(row, rules, geo, problems);
                if (in == null) {
                    continue;
                }
                String key = HouseRegister.naturalKey(in.address(), in.houseNo());
                Integer earlier = seen.putIfAbsent(key, row.excelRow());
                if (earlier != null) {
                    problems.add(row.get("house_no").problem("core.house.twice", in.address() + " " + in.houseNo(), earlier));
                    continue;
                }
                inputs.add(in);
            }
            if (rows.isEmpty()) {
                problems.add(SheetProblem.file(SheetProblem.Kind.FILE, Text.of("core.house.none", fileName)));
            }
            if (!problems.isEmpty()) {
                h.rollback();
                return rejected(fileName, problems);
            }
            int[] counts = new int[3];
            for (HouseInput in : inputs) {
                counts[HouseRegister.upsert(h, geo, rules, in, clock.instant()).change().ordinal()]++;
            }
            OrgImportResult.Counts c = new OrgImportResult.Counts(counts[0], counts[1], counts[2]);
            if (dryRun) {
                h.rollback();
            } else {
                guard.audit(h, clock.instant(), actor, "IMPORT", "HOUSE", null,
                        "import houses from " + cut(fileName) + ": " + c);
            }
            return new OrgImportResult(true, dryRun, fileName, Map.of(TABLE, c), List.of());
        });
    }

    private static OrgImportResult rejected(String fileName, List<SheetProblem> problems) {
        return new OrgImportResult(false, false, fileName, Map.of(), problems);
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    /** One row as a house, or null with its problems recorded. */
    static HouseInput check(DataRow row, PreventionRules rules, HouseGeography geo, List<SheetProblem> problems) {
        int before = problems.size();
        String address = text(row, "address", true, 200, problems);
        String houseNo = text(row, "house_no", true, 50, problems);
        String kindCell = text(row, "kind", true, 20, problems);
        HouseKind kind = null;
        if (kindCell != null) {
            kind = HouseKind.parse(kindCell).orElse(null);
            if (kind == null) {
                problems.add(row.get("kind").problem("core.house.kind", kindCell));
            }
        }
        String name = text(row, "name", false, 100, problems);
        String landlord = text(row, "landlord", false, 50, problems);
        String phone = text(row, "phone", false, 20, problems);
        if (phone != null && !phone.matches("[0-9+\\- ]+")) {
            problems.add(row.get("phone").problem("core.house.phone", phone));
        }
        int occupants = 0;
        String occ = text(row, "occupants", false, 10, problems);
        if (occ != null) {
            if (occ.matches("\\d{1,6}")) {
                occupants = Integer.parseInt(occ);
            } else {
                problems.add(row.get("occupants").problem("core.house.occupants", occ));
            }
        }
        List<String> factors = new ArrayList<>();
        String risks = text(row, "risks", false, 300, problems);
        if (risks != null) {
            for (String part : risks.split("[、,，;；\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                var f = rules.factor(part);
                if (f.isEmpty()) {
                    problems.add(row.get("risks").problem("core.house.risk.unknown", part,
                            String.join(", ", rules.factors().stream().map(x -> x.nameZh() + " " + x.code()).toList())));
                } else if (f.get().occupantsAtLeast() != null) {
                    problems.add(row.get("risks").problem("core.house.risk.occupants", part, f.get().occupantsAtLeast()));
                } else {
                    factors.add(f.get().code());
                }
            }
        }
        GeoPoint position = position(row, problems);
        String grid = text(row, "grid", false, 32, problems);
        if (grid != null && !geo.knowsGrid(grid)) {
            problems.add(row.get("grid").problem("core.house.grid", grid));
        }
        LocalDate last = null;
        String lastCell = text(row, "last_inspected", false, 20, problems);
        if (lastCell != null) {
            last = date(lastCell);
            if (last == null) {
                problems.add(row.get("last_inspected").problem("core.house.date", lastCell));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        HouseInput in = new HouseInput(address, houseNo, kind, name, landlord, phone, occupants, factors, position, grid, last);
        if (position != null && !geo.inDistrict(position)) {
            problems.add(row.get("lat").problem("core.house.outside", position.lat() + ", " + position.lon()));
            return null;
        }
        HouseGeography.Placement p = geo.place(in);
        if (p.stationId() == null) {
            CellText where = row.get("address");
            problems.add(where.problem("core.house.unplaced", address + " " + houseNo));
            return null;
        }
        return in;
    }

    private static GeoPoint position(DataRow row, List<SheetProblem> problems) {
        String lat = text(row, "lat", false, 20, problems);
        String lon = text(row, "lon", false, 20, problems);
        String datum = text(row, "datum", false, 8, problems);
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            CellText missing = row.get(lat == null ? "lat" : "lon");
            problems.add(missing == null
                    ? SheetProblem.row(HouseSheets.HOUSES.zh(), row.excelRow(), Text.of("core.house.latLonPair"))
                    : missing.problem("core.house.latLonPair"));
            return null;
        }
        Double la = number(lat);
        Double lo = number(lon);
        if (la == null || la < -90 || la > 90) {
            problems.add(row.get("lat").problem("core.house.lat", lat));
        }
        if (lo == null || lo < -180 || lo > 180) {
            problems.add(row.get("lon").problem("core.house.lon", lon));
        }
        Datum d = Datum.WGS84;
        if (datum != null) {
            try {
                d = Datum.valueOf(datum.toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                problems.add(row.get("datum").problem("core.house.datum", datum));
                return null;
            }
        }
        if (la == null || lo == null || la < -90 || la > 90 || lo < -180 || lo > 180) {
            return null;
        }
        return new GeoPoint(la, lo, d);
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(String s) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s.strip(), f);
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return null;
    }

    private static String text(DataRow row, String key, boolean required, int max, List<SheetProblem> problems) {
        CellText c = row.get(key);
        String v = c == null ? "" : c.text().strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(c == null
                        ? SheetProblem.row(HouseSheets.HOUSES.zh(), row.excelRow(), Text.of("core.house.column.missing", key))
                        : c.problem("core.org.cell.required"));
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(c.problem("core.house.tooLong", max));
            return null;
        }
        if (v.chars().anyMatch(ch -> ch < 0x20)) {
            problems.add(c.problem("core.org.cell.control"));
            return null;
        }
        return v;
    }
}
