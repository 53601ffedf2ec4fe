package org.commandroom.app;

import java.util.function.Supplier;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.geo.io.GeoImportService;
import org.commandroom.core.org.SetupProgress;
import org.commandroom.core.prevention.HouseImportService;
import org.commandroom.core.org.OrgEditService;
import org.commandroom.core.org.OrgImportService;

/**
 * What the administration workspace works with (issue 11): users and passwords, the organisation's import and its
 * edits, all guarded in core by the signed-in user's permissions. Built once per database by the composition root;
 * the workspace offers only the tabs the user's permissions allow, and the services refuse the rest anyway.
 */
public record AdminModule(Supplier<AccessService> access, SetupProgress progress, OrgImportService orgImport,
                          OrgEditService orgEdit, GeoImportService geoImport, HouseImportService houseImport,
                          org.commandroom.core.audit.AuditService audit,
                          org.commandroom.core.history.HistoryImportService history,
                          org.commandroom.core.roster.RosterService roster) {
}
