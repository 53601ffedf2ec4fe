package org.commandroom.core.intake;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.commandroom.core.dispatch.DeadlinePolicy;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.dispatch.DispatchService;
import org.commandroom.core.dispatch.OrderService;
import org.commandroom.core.dispatch.TaskOrderService;
import org.commandroom.core.dispatch.TravelModel;
import org.commandroom.core.incident.IncidentService;
import org.commandroom.core.live.ChangeFeed;
import org.commandroom.core.live.ChangeRecorder;
import org.commandroom.core.store.Numbering;
import org.commandroom.core.unit.UnitService;
import org.jdbi.v3.core.Jdbi;

/**
 * Intake and dispatch as one workstation uses them, built together by the composition root, with the standard-task
 * library and its orders (标准件, core prevention.tasks). Nothing here
 * does I/O when built: the gazetteer loads on {@link GazetteerService#load()} and the repeat rule is read
 * by {@link #create} (one small query).
 */
public record IntakeModule(GazetteerService gazetteer, IntakeService intake, BulkIntake bulk, DispatchService dispatch,
                           TaskOrderService tasks, CallDrafts calls, org.commandroom.core.dispatch.TaskDrafts taskDrafts,
                           org.commandroom.core.prevention.tasks.StandardTaskService standardTasks) {

    /**
     * @param background where the gazetteer refreshes itself from the change feed (the I/O executor)
     * @param drafts     the workstation's drafts, where calls and task orders typed while the database is gone wait
     */
    public static IntakeModule create(Jdbi jdbi, Clock clock, IncidentService incidents, UnitService units,
                                      OrderService orders, ChangeRecorder recorder, DeadlinePolicy deadlines,
                                      Executor background, Drafts drafts) {
        return create(jdbi, clock, incidents, units, orders, recorder, deadlines, background, drafts,
                org.commandroom.core.access.AccessGuard.trusted());
    }

    /** As above, every write checked by {@code guard} (the workstation's session, docs/ACCESS.md). */
    public static IntakeModule create(Jdbi jdbi, Clock clock, IncidentService incidents, UnitService units,
                                      OrderService orders, ChangeRecorder recorder, DeadlinePolicy deadlines,
                                      Executor background, Drafts drafts, org.commandroom.core.access.AccessGuard guard) {
        GazetteerService gazetteer = new GazetteerService(jdbi, background);
        RepeatRule rule = RepeatRule.load(jdbi);
        RecentPositions recent = new RecentPositions(jdbi, clock, rule.window(), background);
        IntakeService intake = new IntakeService(jdbi, clock, incidents, new Numbering(clock, clock.getZone()), gazetteer,
                new RepeatDetector(rule, recent), guard);
        TaskOrderService tasks = new TaskOrderService(jdbi, orders, units, recorder, guard);
        return new IntakeModule(gazetteer, intake, new BulkIntake(intake, clock, guard),
                new DispatchService(jdbi, clock, incidents, units, orders, TravelModel.defaults(), guard),
                tasks, new CallDrafts(drafts, intake, clock), new org.commandroom.core.dispatch.TaskDrafts(drafts, tasks),
                new org.commandroom.core.prevention.tasks.StandardTaskService(jdbi, clock, orders,
                        new org.commandroom.core.prevention.tasks.StandardTaskLibrary(jdbi, clock, guard), guard));
    }

    /** Add to the change feed: keeps the gazetteer and the intake geography current. */
    public ChangeFeed.Listener feedListener() {
        return changes -> {
            gazetteer.feedListener().onChanges(changes);
            intake.onChanges(changes);
            if (intake.recentPositions() != null) {
                intake.recentPositions().onChanges(changes);
            }
        };
    }
}
