package org.commandroom.core.eido;

import java.time.Instant;
import java.util.List;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;

/**
 * An incident as an EIDO carries it for this console: what export writes and import reads back. The
 * position is WGS-84 (PIDF-LO's datum); {@code beat} is the police grid (EIDO's beat or dispatch group),
 * {@code agency} the owning station's name.
 */
public record EidoIncident(String incidentNo, Instant receivedAt, String callerNumber, String address, GeoPoint position,
                           IncidentType type, int priority, String description, IncidentStatus status, String beat,
                           String agency, List<EidoOrder> orders, List<EidoUnit> units) {

    public EidoIncident {
        orders = List.copyOf(orders);
        units = List.copyOf(units);
    }

    /** An order about the incident (an EIDO dispatch component with its note). */
    public record EidoOrder(String orderNo, OrderKind kind, OrderStatus status, String summary, String unitCallSign,
                            Instant lastUpdate) {
    }

    /** A unit an order sent (an EIDO emergency resource); position WGS-84 or null. */
    public record EidoUnit(String callSign, UnitKind kind, UnitStatus status, GeoPoint position) {
    }
}
