package org.commandroom.core.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The after-action report of a drill, as data: the timeline with what was expected and what the trainee did side by
 * side, and the score. The screen and the PDF both lay out this.
 *
 * @param rows the timeline, by time: the scenario's calls and injects, each expected action (with the orders that
 *             answered it), every order of the trainee's that answered nothing (a wrong dispatch among them), and
 *             the instructor's notes (NOTE: the author and the note in {@code expected})
 */
public record DrillReport(Scenario scenario, String trainee, Instant start, Instant madeAt, List<Row> rows, DrillScore score,
                          List<KeyMoment> maps) {

    /**
     * A key moment with its map: a scored event (the moment its expected actions became due), the expected actions it
     * is the event of, and the map then.
     */
    public record KeyMoment(Duration at, String title, DrillMapSnapshot map) {
    }

    /** A report without maps. */
    public DrillReport(Scenario scenario, String trainee, Instant start, Instant madeAt, List<Row> rows, DrillScore score) {
        this(scenario, trainee, start, madeAt, rows, score, List.of());
    }

    public DrillReport {
        maps = maps == null ? List.of() : List.copyOf(maps);
    }

    /** The report with the maps of the scored events among the snapshots (those an expected action is for). */
    public DrillReport withMaps(List<DrillMapSnapshot> snapshots) {
        List<KeyMoment> out = new ArrayList<>();
        for (DrillMapSnapshot m : snapshots) {
            List<Scenario.Expected> forIt = scenario.answerKey().expected().stream()
                    .filter(e -> m.eventId().equals(e.forId())).toList();
            if (forIt.isEmpty()) {
                continue;
            }
            // Where and what was to be done, in the scenario's own words (its ids meant nothing to a trainee).
            String where = java.util.stream.Stream.concat(scenario.timeline().stream(), scenario.injectable().stream())
                    .filter(e -> m.eventId().equals(Scenario.idOf(e))).findFirst().map(DrillReport::placeOf)
                    .orElse(m.eventId());
            String what = forIt.stream().map(Scenario.Expected::competence).filter(java.util.Objects::nonNull).distinct()
                    .collect(java.util.stream.Collectors.joining("、"));
            String title = what.isEmpty() ? where : where + " · " + what;
            out.add(new KeyMoment(Duration.between(start, m.at()), title, m));
        }
        return new DrillReport(scenario, trainee, start, madeAt, rows, score, out);
    }

    /**
     * An expected action in the trainee's words: "派警（责任警力）· 3分钟内 · 10分", "布控（最近警力 ×2）· …". The report
     * showed the scenario's ids ("DISPATCH · chen · responsible · ≤03:00 · 10"); the call it is for is the event row
     * above it.
     */
    static String expectedText(Scenario.Expected x, java.util.Locale language) {
        org.commandroom.core.text.Text who = org.commandroom.core.text.Text.of(switch (x.assignee()) {
            case ANY -> "core.drill.assignee.any";
            case RESPONSIBLE -> "core.drill.assignee.responsible";
            case GRID_OFFICER -> "core.drill.assignee.gridOfficer";
            case NEAREST -> "core.drill.assignee.nearest";
        });
        org.commandroom.core.text.Text what = org.commandroom.core.text.Text.of(switch (x.action()) {
            case DISPATCH -> "core.drill.action.dispatch";
            case VISIT -> "core.drill.action.visit";
            case INTERCEPT -> "core.drill.action.intercept";
        });
        return org.commandroom.core.text.Text.of(x.count() > 1 ? "core.drill.expected.many" : "core.drill.expected", what, who,
                x.within().toSecondsPart() == 0 && x.within().toHours() == 0
                        ? org.commandroom.core.text.Text.of("core.drill.minutes", x.within().toMinutes())
                        : ScenarioLoader.format(x.within()), x.points(), x.count()).in(language);
    }

    static org.commandroom.core.text.Text orderKind(org.commandroom.core.dispatch.OrderKind k) {
        return org.commandroom.core.text.Text.of(switch (k) {
            case DISPATCH -> "core.drill.order.dispatch";
            case INTERCEPT -> "core.drill.order.intercept";
            case VISIT -> "core.drill.order.visit";
            case DISPUTE_FOLLOW_UP -> "core.drill.order.disputeFollowUp";
            case HOUSE_INSPECTION -> "core.drill.order.houseInspection";
            case STANDARD_TASK -> "core.drill.order.standardTask";
            case REMINDER -> "core.drill.order.reminder";
        });
    }

    private static String placeOf(Scenario.Entry e) {
        if (e instanceof Scenario.Call c) {
            return c.address();
        }
        return e instanceof Scenario.Inject i ? i.address() : Scenario.idOf(e);
    }

    /** What a row is. */
    public enum RowKind { EVENT, EXPECTED, UNANSWERED, NOTE }

    /**
     * One line of the timeline.
     *
     * @param at       offset from the start
     * @param expected the scenario's side: the event, or the expected action with its window and points
     * @param actual   the trainee's side: the orders and when, or empty
     * @param outcome  for an expected action; null otherwise
     * @param points   earned (an expected action) or taken off (negative, an unanswered dispatch)
     */
    public record Row(Duration at, RowKind kind, String expected, String actual, DrillScore.Outcome outcome, int points) {
    }

    /** Builds the report of a session as it stands (call it once the drill is finished for the final one). */
    public static DrillReport of(DrillSession session, Instant madeAt) {
        return of(session.scenario(), session.trainee(), session.clock().start(), session.events(), session.notes(),
                session.score(), madeAt).withMaps(session.mapSnapshots());
    }

    public static DrillReport of(Scenario scenario, String trainee, Instant start, List<DrillEvent> events, DrillScore score,
                                 Instant madeAt) {
        return of(scenario, trainee, start, events, List.of(), score, madeAt);
    }

    public static DrillReport of(Scenario scenario, String trainee, Instant start, List<DrillEvent> events,
                                 List<DrillNote> notes, DrillScore score, Instant madeAt) {
        List<Row> rows = new ArrayList<>();
        for (DrillNote n : notes) {
            rows.add(new Row(Duration.between(start, n.at()), RowKind.NOTE,
                    (n.author() == null || n.author().isBlank() ? "" : n.author() + "：") + n.text(), "", null, 0));
        }
        for (DrillEvent e : events) {
            if ("CALL".equals(e.kind()) || "INJECT".equals(e.kind())) {
                rows.add(new Row(Duration.between(start, e.at()), RowKind.EVENT, e.text(), "", null, 0));
            }
        }
        Set<String> answered = new HashSet<>();
        for (DrillScore.Result r : score.results()) {
            Scenario.Expected x = r.expected();
            answered.addAll(r.orders());
            Duration at = r.eventAt() == null ? x.within() : Duration.between(start, r.eventAt());
            String want = expectedText(x, scenario.language());
            String did = r.doneAt() == null ? "" : String.join(", ", r.orders()) + " @" + ScenarioLoader.format(Duration.between(start, r.doneAt()));
            rows.add(new Row(at, RowKind.EXPECTED, want, did, r.outcome(), r.earned()));
        }
        for (TraineeAction a : score.actions()) {
            if (answered.contains(a.orderNo())) {
                continue;
            }
            int off = score.deductions().stream().filter(d -> d.orderNo().equals(a.orderNo())).mapToInt(DrillScore.Deduction::points).sum();
            rows.add(new Row(Duration.between(start, a.at()), RowKind.UNANSWERED, "",
                    a.orderNo() + " " + orderKind(a.kind()).in(scenario.language()) + (a.callSign() == null ? "" : " " + a.callSign()), null, -off));
        }
        rows.sort(Comparator.comparing(Row::at).thenComparing(Row::kind));
        return new DrillReport(scenario, trainee, start, madeAt, List.copyOf(rows), score);
    }
}
