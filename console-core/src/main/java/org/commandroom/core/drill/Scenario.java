package org.commandroom.core.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commandroom.core.incident.IncidentType;

/**
 * A drill scenario (演练脚本) as read by {@link ScenarioLoader}: the starting county, the timeline on the scenario
 * clock, the events the instructor may inject at any moment ({@code injectable}, each with {@code at} zero) and the
 * answer key. The file format is documented in docs/drill/SCENARIOS.md and checked against
 * docs/drill/scenario.schema.json.
 */
public record Scenario(String id, String name, String nameEn, String description, County county, Duration duration,
                       List<Entry> timeline, List<Entry> injectable, AnswerKey answerKey, java.util.Locale language) {

    /** The format this console reads. */
    public static final String FORMAT = "commandroom-drill/1";

    /** A scenario in Chinese (its texts as the file's Chinese fields have them). */
    public Scenario(String id, String name, String nameEn, String description, County county, Duration duration,
                    List<Entry> timeline, List<Entry> injectable, AnswerKey answerKey) {
        this(id, name, nameEn, description, county, duration, timeline, injectable, answerKey, java.util.Locale.ROOT);
    }

    /**
     * @param language the language of the texts (what callers say, the competences, the description): English when the
     *                 scenario was read for an English console and has English texts ({@code saysEn}, ...), else ROOT
     *                 (Chinese)
     */
    public Scenario {
        Objects.requireNonNull(id, "id");
        language = language == null ? java.util.Locale.ROOT : language;
        timeline = timeline.stream().sorted(Comparator.comparing(Entry::at)).toList();
        injectable = List.copyOf(injectable);
    }

    /** The name to show in a language: the English one ({@code nameEn}) for English when there is one, else the Chinese. */
    public String name(java.util.Locale locale) {
        return nameEn != null && locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }

    /** Whether the texts are English (the scenario was read for an English console and has English texts). */
    public boolean english() {
        return "en".equals(language.getLanguage());
    }

    /** What a caller said as the call records it: 报警人陈女士称：... or, in English, Caller Ms Chen: ... */
    public String said(String caller, String says) {
        if (caller == null || caller.isBlank()) {
            return says;
        }
        return english() ? "Caller " + caller + ": " + says : "报警人" + caller + "称：" + says;
    }

    /** Between a place and what was said there: a full-width colon in Chinese, ": " in English. */
    /**
     * Where an injected event is, as the trainee can find it: the address and, when the scenario places it near a
     * named place, that place ("前进一路1号（新华夜市附近）"). The trial's trainee, told only "前进一路1号", found no such
     * address on the map and set up the intercept at another 前进一路 across the county.
     */
    public String whereSaid(String address, String near) {
        if (near == null || near.isBlank() || near.equals(address)) {
            return address;
        }
        return english() ? address + " (near " + near + ")" : address + "（" + near + "附近）";
    }

    public String colon() {
        return english() ? ": " : "：";
    }

    /** The injectable call or inject with this id: played when the instructor injects it, not on the timeline. */
    public Optional<Entry> injectableEvent(String eventId) {
        return injectable.stream().filter(e -> eventId.equals(eventIdOf(e))).findFirst();
    }

    /** Whether the event with this id is one the instructor may inject (rather than one of the timeline). */
    public boolean isInjectable(String eventId) {
        return injectableEvent(eventId).isPresent();
    }

    /** The id of a call or inject (null for a unit change). */
    public static String idOf(Entry e) {
        return eventIdOf(e);
    }

    /** The county the drill starts from: a demo profile and seed (or a snapshot file), and the clock's start. */
    public record County(String profile, long seed, int historyIncidents, Instant start, String snapshot) {
    }

    /** One thing on the timeline, at an offset from the scenario start; {@code line} is its line in the file. */
    public sealed interface Entry permits Call, UnitChange, Inject {
        Duration at();

        int line();
    }

    /** An earlier call of the same caller, stored before the drill starts. */
    public record EarlierCall(int daysBefore, IncidentType type, String says) {
    }

    /**
     * A 110 call fed through intake at its time. An injectable call (and an instructor's new call) has {@code at}
     * zero: it is played when injected.
     */
    public record Call(Duration at, int line, String id, String caller, String number, String address, String near, IncidentType type,
                       Integer priority, String says, List<EarlierCall> earlier) implements Entry {
    }

    /** What a unit's simulated terminal does from this time on. */
    public record UnitChange(Duration at, int line, String callSign, String moveTo, String status, Behaviour behaviour,
                             Duration signAfter, Duration onSceneAfter) implements Entry {
    }

    /** An event outside a call: a sighting of a wanted person, a camera going dark. */
    public record Inject(Duration at, int line, String id, InjectKind kind, String address, String near, String says) implements Entry {
    }

    public enum InjectKind { SIGHTING, CAMERA_DARK }

    /** How a simulated terminal answers orders. */
    public enum Behaviour {
        NORMAL, NEVER_SIGNS, OFFLINE, LATE_ON_SCENE;

        static Behaviour parse(String text) {
            return valueOf(text.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** The answer key: the expected actions and the rubric's deductions. */
    public record AnswerKey(List<Expected> expected, int wrongDispatch) {
        /** The most a trainee can earn. */
        public int maxPoints() {
            return expected.stream().mapToInt(Expected::points).sum();
        }
    }

    public enum Action { DISPATCH, VISIT, INTERCEPT }

    public enum Assignee { ANY, RESPONSIBLE, GRID_OFFICER, NEAREST }

    /**
     * An expected action: {@code count} orders of {@code action} for the event {@code forId}, to assignees of the given
     * sort, within {@code within} of the event; {@code points} when in time, {@code latePoints} when after.
     */
    public record Expected(String id, Action action, String forId, Assignee assignee, String unitKind, int count,
                           Duration within, int points, int latePoints, String competence, int line) {
    }

    /** The gazetteer name a call or inject takes its position from. */
    static String placeName(String address, String near) {
        return near != null ? near : address;
    }

    /** The call or inject with this id. */
    public Optional<Entry> event(String eventId) {
        return timeline.stream().filter(e -> eventId.equals(eventIdOf(e))).findFirst();
    }

    static String eventIdOf(Entry e) {
        if (e instanceof Call c) {
            return c.id();
        }
        if (e instanceof Inject i) {
            return i.id();
        }
        return null;
    }
}
