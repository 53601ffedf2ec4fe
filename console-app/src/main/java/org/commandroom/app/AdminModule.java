package org.commandroom.app;

import java.util.function.Supplier;
import org.commandroom.core.access.AccessService;
import org.commandroom.core.org.OrgEditService;
import org.commandroom.core.org.OrgImportService;

/**
 * What the administration workspace works with (issue 11): users and passwords, the organisation's import and its
 * edits, all guarded in core by the signed-in user's permissions. Built once per database by the composition root;
 * the workspace offers only the tabs the user's permissions allow, and the services refuse the rest anyway.
 */
public record AdminModule(Supplier<AccessService> access, OrgImportService orgImport, OrgEditService orgEdit) {
}
