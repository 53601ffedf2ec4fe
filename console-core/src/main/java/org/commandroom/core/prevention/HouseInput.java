package org.commandroom.core.prevention;

import java.time.LocalDate;
import java.util.List;
import org.commandroom.core.geo.GeoPoint;

/**
 * What a form or a row of the bureau's file says about a house. {@code position} null: found from the gazetteer by
 * address and house number, else by address; {@code policeGridCode} places a house without a position in a police
 * grid. {@code lastInspected} null: the schedule starts on the day the house is registered.
 */
public record HouseInput(String address, String houseNo, HouseKind kind, String name, String landlord,
                         String landlordPhone, int occupants, List<String> riskFactors, GeoPoint position,
                         String policeGridCode, LocalDate lastInspected) {

    public HouseInput {
        riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
    }
}
