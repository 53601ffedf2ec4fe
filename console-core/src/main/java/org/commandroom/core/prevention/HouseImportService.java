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
            List<String> problems = new ArrayList<>();
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
                    problems.add(row.get("house_no").where() + ": " + in.address() + " " + in.houseNo()
                            + " is already on row " + earlier);
                    continue;
                }
                inputs.add(in);
            }
            if (rows.isEmpty()) {
                problems.add("File " + fileName + ": the sheet 房屋/houses has no house");
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

    private static OrgImportResult rejected(String fileName, List<String> problems) {
        return new OrgImportResult(false, false, fileName, Map.of(), problems);
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    /** One row as a house, or null with its problems recorded. */
    static HouseInput check(DataRow row, PreventionRules rules, HouseGeography geo, List<String> problems) {
        int before = problems.size();
        String address = text(row, "address", true, 200, problems);
        String houseNo = text(row, "house_no", true, 50, problems);
        String kindCell = text(row, "kind", true, 20, problems);
        HouseKind kind = null;
        if (kindCell != null) {
            kind = HouseKind.parse(kindCell).orElse(null);
            if (kind == null) {
                problems.add(row.get("kind").where() + ": '" + kindCell + "' is not a kind of house; use one of 自住房屋, "
                        + "出租房屋, 群租房, 建筑工地, 重点单位 (or SELF_OCCUPIED, RENTED, GROUP_RENTED, CONSTRUCTION_SITE, KEY_UNIT)");
            }
        }
        String name = text(row, "name", false, 100, problems);
        String landlord = text(row, "landlord", false, 50, problems);
        String phone = text(row, "phone", false, 20, problems);
        if (phone != null && !phone.matches("[0-9+\\- ]+")) {
            problems.add(row.get("phone").where() + ": '" + phone + "' is not a phone number (digits, +, - and blanks)");
        }
        int occupants = 0;
        String occ = text(row, "occupants", false, 10, problems);
        if (occ != null) {
            if (occ.matches("\\d{1,6}")) {
                occupants = Integer.parseInt(occ);
            } else {
                problems.add(row.get("occupants").where() + ": '" + occ + "' is not a whole number from 0 to 999999");
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
                    problems.add(row.get("risks").where() + ": '" + part + "' is not a risk factor; the rules know "
                            + String.join(", ", rules.factors().stream().map(x -> x.nameZh() + " " + x.code()).toList()));
                } else if (f.get().occupantsAtLeast() != null) {
                    problems.add(row.get("risks").where() + ": '" + part + "' follows from the occupants column ("
                            + f.get().occupantsAtLeast() + " or more); give the occupants instead");
                } else {
                    factors.add(f.get().code());
                }
            }
        }
        GeoPoint position = position(row, problems);
        String grid = text(row, "grid", false, 32, problems);
        if (grid != null && !geo.knowsGrid(grid)) {
            problems.add(row.get("grid").where() + ": no police grid has the code '" + grid + "' (import geography first)");
        }
        LocalDate last = null;
        String lastCell = text(row, "last_inspected", false, 20, problems);
        if (lastCell != null) {
            last = date(lastCell);
            if (last == null) {
                problems.add(row.get("last_inspected").where() + ": '" + lastCell + "' is not a date (yyyy-mm-dd)");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        HouseInput in = new HouseInput(address, houseNo, kind, name, landlord, phone, occupants, factors, position, grid, last);
        if (position != null && !geo.inDistrict(position)) {
            problems.add(row.get("lat").where() + ": " + position.lat() + ", " + position.lon() + " is outside the district's "
                    + "boundaries");
            return null;
        }
        HouseGeography.Placement p = geo.place(in);
        if (p.stationId() == null) {
            CellText where = row.get("address");
            problems.add(where.where() + ": " + address + " " + houseNo + " cannot be placed: the gazetteer does not know the "
                    + "address and the row gives no 纬度/经度 inside a station's area nor a 警格编码");
            return null;
        }
        return in;
    }

    private static GeoPoint position(DataRow row, List<String> problems) {
        String lat = text(row, "lat", false, 20, problems);
        String lon = text(row, "lon", false, 20, problems);
        String datum = text(row, "datum", false, 8, problems);
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            CellText missing = row.get(lat == null ? "lat" : "lon");
            problems.add((missing == null ? "Sheet " + HouseSheets.HOUSES.zh() + ", row " + row.excelRow() : missing.where())
                    + ": latitude and longitude go together; one is missing");
            return null;
        }
        Double la = number(lat);
        Double lo = number(lon);
        if (la == null || la < -90 || la > 90) {
            problems.add(row.get("lat").where() + ": '" + lat + "' is not a latitude in degrees");
        }
        if (lo == null || lo < -180 || lo > 180) {
            problems.add(row.get("lon").where() + ": '" + lon + "' is not a longitude in degrees");
        }
        Datum d = Datum.WGS84;
        if (datum != null) {
            try {
                d = Datum.valueOf(datum.toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                problems.add(row.get("datum").where() + ": '" + datum + "' is not WGS84 or GCJ02");
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

    private static String text(DataRow row, String key, boolean required, int max, List<String> problems) {
        CellText c = row.get(key);
        String v = c == null ? "" : c.text().strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add((c == null ? "Sheet " + HouseSheets.HOUSES.zh() + ", row " + row.excelRow() + ", column " + key
                        : c.where()) + ": required, but empty");
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(c.where() + ": longer than " + max + " characters");
            return null;
        }
        if (v.chars().anyMatch(ch -> ch < 0x20)) {
            problems.add(c.where() + ": contains a control character (a line break?)");
            return null;
        }
        return v;
    }
}
