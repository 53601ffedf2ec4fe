package org.commandroom.app;

import java.time.Clock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Principal;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.prevention.HouseRegister;
import org.commandroom.core.prevention.InspectionBoard;
import org.commandroom.core.prevention.InspectionGenerator;
import org.commandroom.core.store.Database;

/**
 * The house register and its inspections on the desk (issue 15, docs/PREVENTION.md "The register on the desk"): the
 * register (edits need {@link Permission#SETUP}), the board the screens read, the generator (sending due inspections and
 * recording their feedback need {@link Permission#ORDERS}) and the orders (signing for). Every service checks the
 * signed-in user's permissions again; {@code mayEdit} and {@code mayIssue} only decide which controls are offered.
 */
public record HouseRegisterModule(HouseRegister register, InspectionBoard board, InspectionGenerator generator,
                               OrderService orders, boolean mayEdit, boolean mayIssue) {

    /**
     * The module for {@code who} on this database; {@code orders} is the desk's own (null where there are no orders:
     * the inspections are then read only).
     */
    public static HouseRegisterModule of(Database database, Clock clock, OrderService orders, Principal who) {
        AccessGuard guard = AccessGuard.of(database.jdbi(), clock, who);
        return new HouseRegisterModule(new HouseRegister(database.jdbi(), clock, guard),
                new InspectionBoard(database.jdbi(), clock),
                orders == null ? null : new InspectionGenerator(database.jdbi(), clock, orders, guard), orders,
                who.may(Permission.SETUP) && !who.drill(), orders != null && who.may(Permission.ORDERS) && !who.drill());
    }
}
