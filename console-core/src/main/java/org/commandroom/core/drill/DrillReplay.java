package org.commandroom.core.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.core.geo.GeoPoint;
import org.jdbi.v3.core.Jdbi;

/**
 * A finished drill as it can be played again, read from its folder only (never written): the events the drill played
 * and the units' moves from its recording ({@value #FILE}, written as the drill ran), the trainee's orders from the
 * drill database (opened read-only), and the instructor's notes from the journal ({@link DrillJournal#FILE}). The
 * steps are in the order they happened; {@link DrillReplayPlayer} plays them on a clock of its own.
 *
 * <p>A drill recorded before the recording existed replays its calls (the incidents of its database), the trainee's
 * orders and the notes, without units' moves.
 */
public final class DrillReplay {

    /** The recording in the drill's folder. */
    public static final String FILE = "replay.tsv";

    /** What a step is. */
    public enum StepKind { CALL, INJECT, UNIT, TERMINAL, END, ORDER, NOTE }

    /**
     * One thing that happened.
     *
     * @param at      offset from the drill's start
     * @param eventId the scenario's id of a call or inject, the order number of an ORDER, else null
     * @param text    what it says (the scenario's words, the order, the note with its author)
     */
    public record Step(Duration at, StepKind kind, String eventId, String text) {
    }

    /** A unit's position (or an event's place, {@code key} {@code @eventId}) from a moment on. */
    public record Position(Duration at, String key, GeoPoint where) {
    }

    private final DrillHistory.Entry drill;
    private final List<Step> steps;
    private final List<Position> positions;

    /** The county's grids and main roads under the replay's map. */
    private final DrillMapBackdrop backdrop;

    DrillReplay(DrillHistory.Entry drill, List<Step> steps, List<Position> positions) {
        this(drill, steps, positions, DrillMapBackdrop.NONE);
    }

    DrillReplay(DrillHistory.Entry drill, List<Step> steps, List<Position> positions, DrillMapBackdrop backdrop) {
        this.backdrop = backdrop;
        this.drill = drill;
        this.steps = steps.stream().sorted(Comparator.comparing(Step::at)).toList();
        this.positions = positions.stream().sorted(Comparator.comparing(Position::at)).toList();
    }

    /**
     * Reads a finished drill's folder (one with a result). Blocking: files and the drill database, opened read-only
     * ({@code ACCESS_MODE_DATA=r}, so nothing of it can change); call it off the FX thread.
     */
    public static DrillReplay read(Path drillDir) throws IOException {
        return read(drillDir, java.util.Locale.ROOT);
    }

    /** As {@link #read(Path)}, an order's kind said in {@code language} (派警, or dispatch in English). */
    public static DrillReplay read(Path drillDir, java.util.Locale language) throws IOException {
        DrillHistory.Entry entry = DrillHistory.entry(drillDir);
        Instant start = entry.start();
        List<Step> steps = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        boolean recorded = false;
        for (DrillJournal.Line l : DrillJournal.read(drillDir.resolve(FILE))) {
            Duration at = Duration.between(start, l.at());
            if (l.kind() == DrillJournal.Kind.EVENT) {
                String[] k = l.key().split(":", 2);
                StepKind kind;
                try {
                    kind = StepKind.valueOf(k[0]);
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
                recorded = true;
                steps.add(new Step(at, kind, k.length > 1 && !k[1].isEmpty() ? k[1] : null, l.text()));
            } else if (l.kind() == DrillJournal.Kind.POSITION) {
                GeoPoint p = point(l.text());
                if (p != null) {
                    positions.add(new Position(at, l.key(), p));
                }
            }
        }
        for (DrillNote n : DrillJournal.notes(DrillJournal.read(drillDir.resolve(DrillJournal.FILE)))) {
            steps.add(new Step(Duration.between(start, n.at()), StepKind.NOTE, null,
                    (n.author() == null || n.author().isBlank() ? "" : n.author() + "：") + n.text()));
        }
        Path db = drillDir.resolve(DrillSession.DB_NAME + ".mv.db");
        DrillMapBackdrop backdrop = DrillMapBackdrop.NONE;
        if (Files.isRegularFile(db)) {
            Jdbi jdbi = Jdbi.create("jdbc:h2:file:" + drillDir.toAbsolutePath().resolve(DrillSession.DB_NAME)
                    + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "sa", "");
            backdrop = DrillMapBackdrop.load(jdbi);
            for (TraineeAction a : new DrillScorer(jdbi).actions(entry.trainee(), start)) {
                steps.add(new Step(Duration.between(start, a.at()), StepKind.ORDER, a.orderNo(),
                        a.orderNo() + " " + DrillReport.orderKind(a.kind()).in(language)
                                + (a.callSign() == null ? "" : " → " + a.callSign())));
            }
            if (!recorded) {
                steps.addAll(jdbi.withHandle(h -> h.createQuery("SELECT incident_no, address, description, received_at "
                                + "FROM incident WHERE received_at >= :start ORDER BY received_at, id")
                        .bind("start", start)
                        .map((rs, ctx) -> new Step(Duration.between(start, rs.getObject("received_at",
                                java.time.OffsetDateTime.class).toInstant()), StepKind.CALL, null,
                                rs.getString("incident_no") + " " + rs.getString("address") + "："
                                        + rs.getString("description")))
                        .list()));
            }
        }
        return new DrillReplay(entry, steps, positions, backdrop);
    }

    private static GeoPoint point(String text) {
        String[] ll = text.split(",");
        try {
            return ll.length == 2 ? GeoPoint.wgs84(Double.parseDouble(ll[0]), Double.parseDouble(ll[1])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The drill: scenario, trainee, start, score. */
    public DrillHistory.Entry drill() {
        return drill;
    }

    public Instant start() {
        return drill.start();
    }

    /** Everything that happened, oldest first (at the same moment: as recorded). */
    public List<Step> steps() {
        return steps;
    }

    public List<Position> positions() {
        return positions;
    }

    /** How long the replay runs: to its last step or move. */
    public Duration length() {
        Duration last = Duration.ZERO;
        for (Step s : steps) {
            last = s.at().compareTo(last) > 0 ? s.at() : last;
        }
        for (Position p : positions) {
            last = p.at().compareTo(last) > 0 ? p.at() : last;
        }
        return last;
    }

    /**
     * The map at a moment: every unit where it last stood then, around the latest call or inject up to then (else the
     * middle of the units). Null when nothing has a position yet.
     */
    public DrillMapSnapshot mapAt(Duration at) {
        Map<String, GeoPoint> units = new LinkedHashMap<>();
        GeoPoint event = null;
        String eventId = "";
        for (Position p : positions) {
            if (p.at().compareTo(at) > 0) {
                break;
            }
            if (p.key().startsWith("@")) {
                event = p.where();
                eventId = p.key().substring(1);
            } else {
                units.put(p.key(), p.where());
            }
        }
        if (event == null) {
            if (units.isEmpty()) {
                return null;
            }
            double lat = units.values().stream().mapToDouble(GeoPoint::lat).average().orElseThrow();
            double lon = units.values().stream().mapToDouble(GeoPoint::lon).average().orElseThrow();
            event = GeoPoint.wgs84(lat, lon);
        }
        List<DrillMapSnapshot.Mark> marks = new ArrayList<>();
        units.forEach((callSign, where) -> marks.add(new DrillMapSnapshot.Mark(callSign, where, DrillMapSnapshot.SHOWN)));
        return new DrillMapSnapshot(eventId, drill.start().plus(at), event, marks, backdrop);
    }
}
