package org.commandroom.app;

import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.Database;
import org.commandroom.core.unit.UnitService;

/** What exists once the database is open: the services the screens use and the live feed. */
public record AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                          ChangeFeed feed, IntakeModule intake) {
}
