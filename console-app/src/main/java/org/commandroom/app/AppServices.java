package org.commandroom.app;

import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.eido.CallFiles;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.intake.IntakeModule;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.store.Database;
import org.commandroom.core.unit.UnitService;

/**
 * What exists once the database is open: the services the screens use and the live feed.
 *
 * @param workflow  orders follow-up, escalation, push and alerts; null in screen tests that do not need them
 * @param geoImport boundary and camera file import; null in screen tests that do not need it
 * @param intake    call intake, gazetteer, repeats and dispatch proposals; null in screen tests that do not need them
 * @param index     the prevention index (主防指数): dashboard, evaluation sheet, reminders, Ping'an index; null in
 *                  screen tests that do not need it
 * @param callFiles bulk import of calls and EIDO export/import through files; null where not wired
 * @param admin     the administration workspace's services (users, organisation, audit); null where not wired
 * @param cap       CAP 1.2 warnings out and other agencies' alerts in (docs/CAP.md); null where not wired
 * @param prevention model alerts and their rules, work-hours, community risk colours (主防, docs/PREVENTION.md); null
 *                  where not wired
 */
public record AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                          ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake,
                          IndexModule index, CallFiles callFiles, AdminModule admin, CapModule cap,
                          PreventionModule prevention) {

    /** Everything but the prevention screens. */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake,
                       IndexModule index, CallFiles callFiles, AdminModule admin, CapModule cap) {
        this(database, incidents, units, orders, feed, workflow, geoImport, intake, index, callFiles, admin, cap, null);
    }

    /** Everything but CAP. */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake,
                       IndexModule index, CallFiles callFiles, AdminModule admin) {
        this(database, incidents, units, orders, feed, workflow, geoImport, intake, index, callFiles, admin, null);
    }

    /** Everything but the administration workspace. */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake,
                       IndexModule index, CallFiles callFiles) {
        this(database, incidents, units, orders, feed, workflow, geoImport, intake, index, callFiles, null);
    }

    /**
     * The services a signed-in user is offered: the workflow speaks for them, and the imports they may not use are
     * left out (the screens then offer no button for them; the services would refuse anyway).
     */
    public AppServices forUser(Workflow userWorkflow, boolean maySetUp, boolean mayImportCalls) {
        return new AppServices(database, incidents, units, orders, feed, userWorkflow, maySetUp ? geoImport : null,
                intake, index, mayImportCalls ? callFiles : null, admin, cap, prevention);
    }

    /** Everything but the file interchange. */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake,
                       IndexModule index) {
        this(database, incidents, units, orders, feed, workflow, geoImport, intake, index, null);
    }

    /** Everything but the prevention index. */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake,
                       CallFiles callFiles) {
        this(database, incidents, units, orders, feed, workflow, geoImport, intake, null, callFiles);
    }

    /** Everything but the prevention index and the file interchange. */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow, GeoImportService geoImport, IntakeModule intake) {
        this(database, incidents, units, orders, feed, workflow, geoImport, intake, null, null);
    }

    /** Without the follow-up side or the import (screen tests of the queue, units and map). */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed) {
        this(database, incidents, units, orders, feed, null, null, null, null, null);
    }

    /** With the follow-up side only (screen tests of orders and alerts). */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, Workflow workflow) {
        this(database, incidents, units, orders, feed, workflow, null, null, null, null);
    }

    /** With the file import only (screen tests of the map). */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, GeoImportService geoImport) {
        this(database, incidents, units, orders, feed, null, geoImport, null, null, null);
    }

    /** With intake and dispatch only (screen tests of the call form and dispatch panel). */
    public AppServices(Database database, IncidentService incidents, UnitService units, OrderService orders,
                       ChangeFeed feed, IntakeModule intake) {
        this(database, incidents, units, orders, feed, null, null, intake, null, null);
    }
}
