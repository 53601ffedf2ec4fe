package org.commandroom.core.prevention;

import java.time.LocalDate;
import java.util.List;
import org.commandroom.core.geo.GeoPoint;

/**
 * One registered house or place as stored: what the bureau's file or form gave, its rating, and where it lies
 * (position, station, police grid, community, micro-grid: null where not known).
 */
public record House(long id, String address, String houseNo, HouseKind kind, String name, String landlord,
                    String landlordPhone, int occupants, List<String> riskFactors, int starScore, int stars,
                    GeoPoint position, Long stationId, Long policeGridId, Long communityId, Long microGridId,
                    LocalDate anchorDate, LocalDate registeredOn, boolean active, int version) {

    public House {
        riskFactors = List.copyOf(riskFactors);
    }

    /** The address with its house number, as an order names it: 前进路 12号. */
    public String label() {
        return address + " " + houseNo + (name == null || name.isBlank() ? "" : "(" + name + ")");
    }
}
