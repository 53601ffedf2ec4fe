package org.commandroom.app;

import java.time.Clock;
import java.util.Objects;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.prevention.CommunityRisk;
import org.commandroom.core.prevention.ModelAlertService;
import org.commandroom.core.workhours.WorkHours;
import org.jdbi.v3.core.Jdbi;

/**
 * The prevention work the desk's 主防 window shows (docs/PREVENTION.md): the water-meter model alerts and their rules,
 * police work-hours, and the communities' risk colours (分色预警) with their rule. Each service checks its own
 * permissions against the signed-in user.
 */
public record PreventionModule(ModelAlertService alerts, WorkHours workHours, CommunityRisk risk) {

    public PreventionModule {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(workHours, "workHours");
        Objects.requireNonNull(risk, "risk");
    }

    public static PreventionModule prepare(Jdbi jdbi, Clock clock, OrderService orders, AccessGuard guard) {
        return new PreventionModule(new ModelAlertService(jdbi, clock, orders, guard), new WorkHours(jdbi, clock, guard),
                new CommunityRisk(jdbi, clock, guard));
    }
}
