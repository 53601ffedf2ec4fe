package org.commandroom.core.prevention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.intake.AddressText;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The register of houses and places (issue 15, docs/PREVENTION.md): saving one house (a form), reading them, and the
 * rules (star rating, inspection cycles). Saving upserts by address and house number; the rating is computed from the
 * rules in force and stored with the house. Every write needs {@link Permission#SETUP} (like the organisation's
 * import) and leaves an audit row in its transaction.
 */
public final class HouseRegister {

    /** Days and due dates are counted in the county's zone (no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Jdbi jdbi;
    private final Clock clock;
    private final AccessGuard guard;

    public HouseRegister(Jdbi jdbi, Clock clock, AccessGuard guard) {
        this.jdbi = Objects.requireNonNull(jdbi);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    /** What an upsert did. */
    public enum Change { INSERTED, UPDATED, UNCHANGED }

    /** An upsert's result: what happened and the house as stored. */
    public record Saved(Change change, House house) {
    }

    /** The key a house is known by: address and house number, each folded (full-width, case, blanks). */
    public static String naturalKey(String address, String houseNo) {
        return AddressText.key(address) + "|" + AddressText.key(houseNo);
    }

    /**
     * Saves a house from a form: inserted, or updated in place when the address and house number are registered.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing written
     */
    public Saved save(HouseInput in, String actor) {
        guard.require(Permission.SETUP, "HOUSE_SAVE", "HOUSE", null);
        return jdbi.inTransaction(h -> {
            PreventionRules rules = PreventionRules.load(h);
            List<String> problems = check(in, rules);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            Saved s = upsert(h, HouseGeography.load(h), rules, in, clock.instant());
            if (s.change() != Change.UNCHANGED) {
                guard.audit(h, clock.instant(), actor, "HOUSE_SAVE", "HOUSE", s.house().id(),
                        s.change() + " " + s.house().label() + " " + s.house().kind() + " " + s.house().stars() + "★");
            }
            return s;
        });
    }

    /** What is wrong with a form's house (empty when nothing). */
    static List<String> check(HouseInput in, PreventionRules rules) {
        List<String> out = new ArrayList<>();
        if (in.address() == null || in.address().isBlank() || in.address().strip().length() > 200) {
            out.add("the address is required, at most 200 characters");
        }
        if (in.houseNo() == null || in.houseNo().isBlank() || in.houseNo().strip().length() > 50) {
            out.add("the house number (门牌) is required, at most 50 characters");
        }
        if (in.kind() == null) {
            out.add("the kind of house is required");
        }
        if (in.occupants() < 0 || in.occupants() > 100_000) {
            out.add("occupants must be 0 to 100000");
        }
        for (String f : in.riskFactors()) {
            if (rules.factor(f).isEmpty()) {
                out.add("unknown risk factor " + f);
            }
        }
        return out;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Inserts or updates by natural key inside the caller's transaction; the caller has checked permission and input. */
    static Saved upsert(Handle h, HouseGeography geo, PreventionRules rules, HouseInput in, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        String address = AddressText.clean(in.address());
        String houseNo = AddressText.clean(in.houseNo());
        String key = naturalKey(address, houseNo);
        List<String> factors = in.riskFactors().stream().map(f -> rules.factor(f).orElseThrow().code()).distinct().sorted().toList();
        PreventionRules.Rating rating = rules.rate(factors, in.occupants());
        HouseGeography.Placement at = geo.place(in);
        Optional<House> before = h.createQuery(SELECT + " WHERE natural_key = :k").bind("k", key).map(new HouseMapper())
                .findOne();
        GeoPoint p = at.position();
        if (before.isEmpty()) {
            long id = h.createUpdate("INSERT INTO house (address, house_no, natural_key, kind, name, landlord, landlord_phone, "
                            + "occupants, risk_factors, star_score, stars, lat, lon, datum, station_id, police_grid_id, community_id, "
                            + "micro_grid_id, anchor_date, registered_on, active, updated_at) VALUES (:a, :n, :k, :kind, :name, :l, "
                            + ":lp, :o, :rf, :sc, :st, :lat, :lon, :d, :s, :g, :c, :m, :anchor, :reg, TRUE, :at)")
                    .bind("a", address).bind("n", houseNo).bind("k", key).bind("kind", in.kind().name())
                    .bind("name", blankNull(in.name())).bind("l", blankNull(in.landlord()))
                    .bind("lp", blankNull(in.landlordPhone())).bind("o", in.occupants())
                    .bind("rf", String.join(",", factors)).bind("sc", rating.score()).bind("st", rating.stars())
                    .bind("lat", p == null ? null : p.lat()).bind("lon", p == null ? null : p.lon())
                    .bind("d", p == null ? "WGS84" : p.datum().name()).bind("s", at.stationId()).bind("g", at.policeGridId())
                    .bind("c", at.communityId()).bind("m", at.microGridId())
                    .bind("anchor", in.lastInspected() == null ? today : in.lastInspected()).bind("reg", today)
                    .bind("at", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return new Saved(Change.INSERTED, find(h, id).orElseThrow());
        }
        House b = before.get();
        LocalDate anchor = in.lastInspected() == null ? b.anchorDate() : in.lastInspected();
        House after = new House(b.id(), address, houseNo, in.kind(), blankNull(in.name()), blankNull(in.landlord()),
                blankNull(in.landlordPhone()), in.occupants(), factors, rating.score(), rating.stars(), p, at.stationId(),
                at.policeGridId(), at.communityId(), at.microGridId(), anchor, b.registeredOn(), true, b.version());
        if (after.equals(b)) {
            return new Saved(Change.UNCHANGED, b);
        }
        h.createUpdate("UPDATE house SET address = :a, house_no = :n, kind = :kind, name = :name, landlord = :l, "
                        + "landlord_phone = :lp, occupants = :o, risk_factors = :rf, star_score = :sc, stars = :st, lat = :lat, "
                        + "lon = :lon, datum = :d, station_id = :s, police_grid_id = :g, community_id = :c, micro_grid_id = :m, "
                        + "anchor_date = :anchor, active = TRUE, updated_at = :at, version = version + 1 WHERE id = :id")
                .bind("a", address).bind("n", houseNo).bind("kind", in.kind().name())
                .bind("name", after.name()).bind("l", after.landlord()).bind("lp", after.landlordPhone())
                .bind("o", in.occupants()).bind("rf", String.join(",", factors)).bind("sc", rating.score())
                .bind("st", rating.stars()).bind("lat", p == null ? null : p.lat()).bind("lon", p == null ? null : p.lon())
                .bind("d", p == null ? "WGS84" : p.datum().name()).bind("s", at.stationId()).bind("g", at.policeGridId())
                .bind("c", at.communityId()).bind("m", at.microGridId()).bind("anchor", anchor).bind("at", now)
                .bind("id", b.id()).execute();
        return new Saved(Change.UPDATED, find(h, b.id()).orElseThrow());
    }

    /**
     * Registers generated houses inside the caller's transaction, each as the import would (placed by the geography in
     * the database, rated by the rules in force) and as if registered at its own instant: for the demo county's
     * generator, which fills an empty database and writes no audit rows. No permission check: not for the console.
     *
     * @param registeredAt each house's registration instant, in the order of {@code inputs}
     * @return the houses as stored, in the same order
     * @throws IllegalArgumentException when an input is not valid (nothing is written by the caller's rollback)
     */
    public static List<House> registerGenerated(Handle h, List<HouseInput> inputs, List<Instant> registeredAt) {
        if (inputs.size() != registeredAt.size()) {
            throw new IllegalArgumentException("one registration instant per house");
        }
        PreventionRules rules = PreventionRules.load(h);
        boolean lookUp = inputs.stream().anyMatch(in -> in.position() == null);
        HouseGeography geo = HouseGeography.load(h, lookUp);
        List<House> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            List<String> problems = check(inputs.get(i), rules);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            out.add(upsert(h, geo, rules, inputs.get(i), registeredAt.get(i)).house());
        }
        return out;
    }

    private static String blankNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Optional<House> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<House> find(String address, String houseNo) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE natural_key = :k").bind("k", naturalKey(address, houseNo))
                .map(new HouseMapper()).findOne());
    }

    static Optional<House> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(new HouseMapper()).findOne();
    }

    /** Every active house, by address and number. */
    public List<House> all() {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE active = TRUE ORDER BY natural_key").map(new HouseMapper()).list());
    }

    /** The rules in force. */
    public PreventionRules rules() {
        return jdbi.withHandle(PreventionRules::load);
    }

    /**
     * Replaces the rules and re-rates every house with them, in one transaction.
     *
     * @return how many houses changed stars
     * @throws IllegalArgumentException when the rules are unusable (see {@link PreventionRules#problems()}); nothing written
     */
    public int saveRules(PreventionRules rules, String actor) {
        guard.require(Permission.SETUP, "PREVENTION_RULES", "HOUSE", null);
        List<String> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return jdbi.inTransaction(h -> {
            rules.store(h);
            int changed = 0;
            for (House house : h.createQuery(SELECT).map(new HouseMapper()).list()) {
                PreventionRules.Rating r = rules.rate(house.riskFactors(), house.occupants());
                List<String> known = house.riskFactors().stream().filter(f -> rules.factor(f).isPresent()).toList();
                if (r.stars() != house.stars() || r.score() != house.starScore() || known.size() != house.riskFactors().size()) {
                    h.createUpdate("UPDATE house SET stars = :s, star_score = :sc, risk_factors = :rf, version = version + 1 "
                                    + "WHERE id = :id")
                            .bind("s", r.stars()).bind("sc", r.score()).bind("rf", String.join(",", known))
                            .bind("id", house.id()).execute();
                    if (r.stars() != house.stars()) {
                        changed++;
                    }
                }
            }
            guard.audit(h, clock.instant(), actor, "PREVENTION_RULES", "HOUSE", null,
                    rules.factors().size() + " risk factors, " + rules.bands().size() + " star bands, " + rules.cycles().size()
                            + " inspection cycles; " + changed + " houses changed stars");
            return changed;
        });
    }

    static final String SELECT = "SELECT id, address, house_no, kind, name, landlord, landlord_phone, occupants, risk_factors, "
            + "star_score, stars, lat, lon, datum, station_id, police_grid_id, community_id, micro_grid_id, anchor_date, "
            + "registered_on, active, version FROM house";

    static final class HouseMapper implements RowMapper<House> {
        @Override
        public House map(ResultSet rs, StatementContext ctx) throws SQLException {
            Double lat = rs.getObject("lat") == null ? null : rs.getDouble("lat");
            Double lon = rs.getObject("lon") == null ? null : rs.getDouble("lon");
            GeoPoint p = lat == null || lon == null ? null : new GeoPoint(lat, lon, Datum.valueOf(rs.getString("datum")));
            String rf = rs.getString("risk_factors");
            return new House(rs.getLong("id"), rs.getString("address"), rs.getString("house_no"),
                    HouseKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("landlord"),
                    rs.getString("landlord_phone"), rs.getInt("occupants"),
                    rf == null || rf.isBlank() ? List.of() : Arrays.asList(rf.split(",")), rs.getInt("star_score"),
                    rs.getInt("stars"), p, Rows.nullableLong(rs, "station_id"), Rows.nullableLong(rs, "police_grid_id"),
                    Rows.nullableLong(rs, "community_id"), Rows.nullableLong(rs, "micro_grid_id"),
                    rs.getObject("anchor_date", LocalDate.class), rs.getObject("registered_on", LocalDate.class),
                    rs.getBoolean("active"), rs.getInt("version"));
        }
    }
}
