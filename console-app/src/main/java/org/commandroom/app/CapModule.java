package org.commandroom.app;

import java.nio.file.Path;
import java.time.Clock;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Permission;
import org.commandroom.core.access.Principal;
import org.commandroom.core.cap.CapAlert;
import org.commandroom.core.cap.CapEndpoint;
import org.commandroom.core.cap.CapFolders;
import org.commandroom.core.cap.CapInbox;
import org.commandroom.core.cap.CapPoster;
import org.commandroom.core.cap.CapReader;
import org.commandroom.core.cap.CapSchema;
import org.commandroom.core.cap.CapService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CAP 1.2 on the desk (docs/CAP.md): the warnings service (status Exercise on a drill database, else Actual), the
 * inbox of other agencies' alerts and the folder settings ({@code cap.properties}).
 *
 * @param mayReceive whether this workstation's user keeps incoming alerts (polls the folder); others only read them
 */
public record CapModule(CapService service, CapInbox inbox, CapFolders folders, boolean mayReceive) {

    private static final Logger LOG = LoggerFactory.getLogger(CapModule.class);

    /** The poster of the endpoint in {@code cap.properties}, or null when none is set or it is wrong (logged). */
    static CapPoster poster(Path dataDir, Clock clock) {
        try {
            return CapEndpoint.load(dataDir).map(e -> {
                LOG.info("CAP alerts are also posted to {}", e.shown());
                return new CapPoster(e, clock);
            }).orElse(null);
        } catch (Exception e) {
            LOG.error("CAP alerts are not posted: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The module, or null when {@code cap.properties}' folders are wrong (the console runs on without CAP; the log
     * says why). A drill's module never posts: its service is built without the endpoint, whatever the file says.
     */
    public static CapModule prepare(Jdbi jdbi, Clock clock, Path dataDir, String domain, AccessGuard guard, Principal who) {
        CapFolders folders;
        try {
            folders = CapFolders.load(dataDir, domain);
        } catch (Exception e) {
            LOG.error("CAP alerts are off: {}", e.getMessage());
            return null;
        }
        CapReader reader = new CapReader(CapSchema.load());
        if (!reader.schema().present()) {
            LOG.info("The OASIS CAP 1.2 schema is not bundled: CAP documents get the console's own checks (docs/CAP.md)");
        }
        CapAlert.Status status = who.drill() ? CapAlert.Status.Exercise : CapAlert.Status.Actual;
        CapService service = new CapService(jdbi, clock, new CapService.Settings(folders.sender(), folders.idPrefix(),
                status, folders.out(), clock.getZone()), guard, reader, who.drill() ? null : poster(dataDir, clock));
        return new CapModule(service, new CapInbox(jdbi, clock, folders.in(), reader, guard), folders,
                who.may(Permission.ACK_ALERTS));
    }
}
