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

    /** Where a drill keeps its warnings, under its own folder (docs/drill/SCENARIOS.md, "Warnings in a drill"). */
    public static final String DRILL_CAP_DIR = "cap";

    /**
     * A drill's module: status Exercise, never posted whatever {@code cap.properties} says (the service has no
     * endpoint), written to {@code cap/out} under the drill's own folder; its inbox is {@code cap/in} there (the live
     * inbox's alerts are the live desk's: a drill never reads or moves them). Sender, identifiers' prefix and the
     * inbox's pace as {@code cap.properties} has them (the defaults when it is wrong).
     *
     * @param who the drill's principal ({@link Principal#drill()})
     * @throws IllegalArgumentException for a principal not in a drill
     */
    public static CapModule forDrill(Jdbi jdbi, Clock clock, Path dataDir, Path drillDir, String domain, AccessGuard guard,
                                     Principal who) {
        if (!who.drill()) {
            throw new IllegalArgumentException("a drill's warnings are issued by a drill's principal");
        }
        CapFolders settings;
        try {
            settings = CapFolders.load(dataDir, domain);
        } catch (Exception e) {
            LOG.warn("The drill's warnings use the default sender: {}", e.getMessage());
            settings = new CapFolders(null, null, "command@" + domain, domain, java.time.Duration.ofSeconds(60));
        }
        Path base = drillDir.resolve(DRILL_CAP_DIR);
        CapFolders folders = new CapFolders(base.resolve("in"), base.resolve("out"), settings.sender(), settings.idPrefix(),
                settings.pollEvery());
        CapReader reader = new CapReader(CapSchema.load());
        CapService service = new CapService(jdbi, clock, new CapService.Settings(folders.sender(), folders.idPrefix(),
                CapAlert.Status.Exercise, folders.out(), clock.getZone()), guard, reader, null);
        return new CapModule(service, new CapInbox(jdbi, clock, folders.in(), reader, guard), folders,
                who.may(Permission.ACK_ALERTS));
    }
}
