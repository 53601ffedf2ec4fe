package org.commandroom.app;

import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.Database;
import org.commandroom.core.unit.UnitService;

/**
 * What exists once the database is open: the services the screens use and the live feed.
 *
 * @param workflow orders follow-up, escalation, push and alerts; null in screen tests that do not need them
 */
public record AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                          ChangeFeed feed, Workflow workflow) {

    /** Without the follow-up side (screen tests of the queue, units and map). */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed) {
        this(database, incidents, units, orders, feed, null);
    }
}
