package org.commandroom.core.drill;

import java.time.Instant;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.geo.GeoPoint;

/**
 * An order the trainee made in the drill, as the drill database keeps it (the order and its CREATED event's actor).
 *
 * @param stationId the station of the unit, else of the order
 */
public record TraineeAction(long orderId, String orderNo, OrderKind kind, Long incidentId, Long unitId, String callSign,
                            Long officerId, long stationId, GeoPoint target, Instant at) {

    /** Who it went to, as the report shows it. */
    public String assigneeKey() {
        return unitId != null ? "U" + unitId : "O" + officerId;
    }
}
