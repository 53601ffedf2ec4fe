package org.commandroom.core.prevention;

import java.util.List;
import java.util.Objects;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.jdbi.v3.core.Jdbi;

/**
 * The register as the map draws it (docs/PREVENTION.md, "On the map"): every active house that has a position, with
 * only what the map shows of it (address, number, name, kind, stars, landlord, occupants, position), in id order.
 * A read only, no permission needed (like the map's other layers); blocking, so call it off the FX thread.
 */
public final class HouseMapPoints {

    /** One house on the map; {@code name} and {@code landlord} are null where the register has none. */
    public record Point(long id, String address, String houseNo, String name, HouseKind kind, int stars, String landlord,
                        int occupants, GeoPoint position) {

        public Point {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(houseNo, "houseNo");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(position, "position");
        }

        /** The address with its number and name, as the register labels it: 前进路 12号(名称). */
        public String label() {
            return address + " " + houseNo + (name == null || name.isBlank() ? "" : "(" + name + ")");
        }
    }

    private final Jdbi jdbi;

    public HouseMapPoints(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Every active house with a position (an unplaced or inactive one is not on the map), by id. */
    public List<Point> placed() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, address, house_no, name, kind, stars, landlord, occupants, lat, "
                        + "lon, datum FROM house WHERE active = TRUE AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> new Point(rs.getLong("id"), rs.getString("address"), rs.getString("house_no"),
                        rs.getString("name"), HouseKind.valueOf(rs.getString("kind")), rs.getInt("stars"),
                        rs.getString("landlord"), rs.getInt("occupants"),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"), Datum.valueOf(rs.getString("datum")))))
                .list());
    }
}
