package org.commandroom.core.drill;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commandroom.core.incident.IncidentType;

/**
 * Reads a scenario file (YAML, or JSON which is YAML too): checks it against the schema (docs/drill/scenario.schema.json,
 * on the classpath as {@code drill/scenario.schema.json}), then the references the schema cannot express (an expected
 * action names an event of the timeline, times lie within the drill). Every problem is a {@link ScenarioInvalid} naming
 * the file's line and column and the field. Thread-safe; build once.
 */
public final class ScenarioLoader {

    static final String SCHEMA = "classpath:drill/scenario.schema.json";
    /** Where the bundled scenarios are on the classpath (from assets/drills). */
    public static final String BUNDLED = "/drills/";
    /** The bundled scenarios' file names, in the order a trainee's menu offers them. */
    public static final List<String> BUNDLED_FILES = List.of("family-dispute-repeat.yaml", "fugitive-qianjin-road.yaml",
            "night-market-brawl.yaml", "ebike-theft-spree.yaml", "telecom-fraud-bank.yaml", "missing-child-cameras.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final JsonSchema schema;
    /** Whether the scenario's English texts ({@code saysEn}, ...) are taken where it has them. */
    private final boolean english;

    /** Reads scenarios in Chinese. */
    public ScenarioLoader() {
        this(java.util.Locale.ROOT);
    }

    /**
     * Reads scenarios for a console in {@code locale}: for English, a scenario's English texts ({@code saysEn},
     * {@code callerEn}, {@code descriptionEn}, {@code competenceEn}) stand for the Chinese ones; the Chinese ones
     * otherwise (and for a scenario that has none).
     */
    public ScenarioLoader(java.util.Locale locale) {
        this.english = locale != null && "en".equals(locale.getLanguage());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true).build();
        this.schema = factory.getSchema(SchemaLocation.of(SCHEMA), config);
        schema.initializeValidators();
    }

    /**
     * The longest scenario read, in characters: the bundled ones are about 3,000; the YAML parser takes seconds over a
     * few MB (a 3 MB file took 4 s in the fuzz test), so a larger file is refused before it is parsed.
     */
    public static final int MAX_CHARS = 200_000;

    /** Reads a scenario file (refused unread when it is larger than {@link #MAX_CHARS} bytes). */
    public Scenario load(Path file) throws IOException {
        if (Files.size(file) > MAX_CHARS * 4L) {
            throw new ScenarioInvalid(file.getFileName().toString(), 0, 0, "", "the file has " + Files.size(file)
                    + " bytes; a scenario has at most " + MAX_CHARS + " characters");
        }
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads one of {@link #BUNDLED_FILES}. */
    public Scenario bundled(String fileName) throws IOException {
        return parse(fileName, bundledText(fileName));
    }

    /** The text of one of {@link #BUNDLED_FILES} (kept in a drill's folder, to take it up again after a crash). */
    public static String bundledText(String fileName) throws IOException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(BUNDLED + fileName)) {
            if (in == null) {
                throw new IOException("no bundled scenario " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads a scenario from its text.
     *
     * @param name the file's name, for the messages
     * @throws ScenarioInvalid the first problem by line (all of them in its message when the schema found several)
     */
    public Scenario parse(String name, String text) {
        if (text.length() > MAX_CHARS) {
            throw new ScenarioInvalid(name, 0, 0, "", "the file has " + text.length() + " characters; a scenario has at most "
                    + MAX_CHARS + " (the bundled ones about 3,000)");
        }
        JsonNode root;
        Map<String, JsonLocation> where;
        try {
            root = YAML.readTree(text);
            where = locations(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ScenarioInvalid(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "not readable as YAML: " + org.commandroom.core.text.Unparsable.yaml(e));
        } catch (IOException e) {
            throw new ScenarioInvalid(name, 0, 0, "", "not readable");
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioInvalid(name, 1, 1, "", "a scenario is a mapping (format:, id:, name:, ...)");
        }
        Located at = new Located(name, where);
        Set<ValidationMessage> messages = schema.validate(root);
        if (!messages.isEmpty()) {
            List<ScenarioInvalid> problems = new ArrayList<>();
            for (ValidationMessage m : messages) {
                String pointer = m.getInstanceLocation().toString();
                String text2 = m.getMessage();
                problems.add(at.invalid(pointer, text2.startsWith(pointer + ": ") ? text2.substring(pointer.length() + 2) : text2));
            }
            problems.sort(Comparator.comparingInt(ScenarioInvalid::line).thenComparing(ScenarioInvalid::getMessage));
            ScenarioInvalid first = problems.get(0);
            if (problems.size() == 1) {
                throw first;
            }
            StringBuilder all = new StringBuilder(first.reason());
            problems.stream().skip(1).limit(9).forEach(p -> all.append("\n").append(p.getMessage()));
            throw new ScenarioInvalid(name, first.line(), first.column(), first.field(), all.toString());
        }
        englishComplete(root, at);
        return build(root, at);
    }

    /** The fields with an English counterpart ({@code field + "En"}), where they may stand in a scenario. */
    private static final List<String> TRANSLATED = List.of("says", "caller", "description", "competence");

    /**
     * A scenario's English texts come complete or not at all: once it has one (beyond {@code nameEn}), every text a
     * trainee reads must have its English too, or an English drill would mix the languages. The first one missing is
     * named with its line.
     */
    private static void englishComplete(JsonNode root, Located at) {
        List<String> missing = new ArrayList<>();
        boolean[] any = {false};
        walk(root, "", missing, any);
        if (any[0] && !root.hasNonNull("nameEn")) {
            missing.add(0, "/name");
        }
        if (any[0] && !missing.isEmpty()) {
            String pointer = missing.get(0);
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            throw at.invalid(pointer, "the scenario has English texts, so '" + field + "' needs its English ('" + field
                    + "En') too" + (missing.size() > 1 ? " (" + (missing.size() - 1) + " more without)" : ""));
        }
    }

    private static void walk(JsonNode n, String pointer, List<String> missing, boolean[] any) {
        if (n.isObject()) {
            for (String f : TRANSLATED) {
                if (n.hasNonNull(f + "En")) {
                    any[0] = true;
                } else if (n.hasNonNull(f)) {
                    missing.add(pointer + "/" + f);
                }
            }
            n.fields().forEachRemaining(e -> walk(e.getValue(), pointer + "/" + e.getKey(), missing, any));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), pointer + "/" + i, missing, any);
            }
        }
    }

    /** A text field, in English when reading for English and the scenario has it. */
    private String pick(JsonNode n, String field) {
        return english && n.hasNonNull(field + "En") ? n.get(field + "En").asText() : text(n, field);
    }

    private Scenario build(JsonNode root, Located at) {
        JsonNode c = root.get("county");
        Scenario.County county = new Scenario.County(c.get("profile").asText(), c.get("seed").asLong(),
                c.path("historyIncidents").asInt(2000), Instant.parse(c.get("start").asText()),
                c.hasNonNull("snapshot") ? c.get("snapshot").asText() : null);
        Duration duration = Duration.ofMinutes(root.get("durationMinutes").asInt());
        List<Scenario.Entry> timeline = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> kinds = new HashMap<>();
        JsonNode entries = root.get("timeline");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String base = "/timeline/" + i;
            Duration t = offset(e.get("at").asText());
            if (t.compareTo(duration) > 0) {
                throw at.invalid(base + "/at", "at " + e.get("at").asText() + " is after the drill's end ("
                        + duration.toMinutes() + " minutes)");
            }
            timeline.add(entry(e, t, base, at, ids, kinds));
        }
        List<Scenario.Entry> injectable = new ArrayList<>();
        JsonNode extra = root.path("injectable");
        for (int i = 0; i < extra.size(); i++) {
            injectable.add(entry(extra.get(i), Duration.ZERO, "/injectable/" + i, at, ids, kinds));
        }
        JsonNode key = root.get("answerKey");
        List<Scenario.Expected> expected = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        JsonNode list = key.get("expected");
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            String base = "/answerKey/expected/" + i;
            unique(keyIds, x.get("id").asText(), at, base + "/id");
            String forId = x.get("for").asText();
            Scenario.Action action = Scenario.Action.valueOf(x.get("action").asText());
            String kind = kinds.get(forId);
            if (kind == null) {
                throw at.invalid(base + "/for", "no call or inject with id '" + forId + "' on the timeline");
            }
            if (action == Scenario.Action.INTERCEPT ? !"SIGHTING".equals(kind) : !"call".equals(kind)) {
                throw at.invalid(base + "/for", action == Scenario.Action.INTERCEPT
                        ? "INTERCEPT (布控) answers a SIGHTING inject, '" + forId + "' is not one"
                        : action + " answers a call, '" + forId + "' is not one");
            }
            int points = x.get("points").asInt();
            int late = x.path("latePoints").asInt(0);
            if (late > points) {
                throw at.invalid(base + "/latePoints", "latePoints " + late + " is more than points " + points);
            }
            Scenario.Assignee assignee = Scenario.Assignee.valueOf(
                    x.path("assignee").asText("any").toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            expected.add(new Scenario.Expected(x.get("id").asText(), action, forId, assignee, text(x, "unitKind"),
                    x.path("count").asInt(1), offset(x.get("within").asText()), points, late,
                    x.hasNonNull("competence") ? pick(x, "competence") : action.name(), at.line(base)));
        }
        int wrong = key.path("rubric").path("wrongDispatch").asInt(0);
        boolean inEnglish = english && hasEnglishTexts(root);
        return new Scenario(root.get("id").asText(), root.get("name").asText(), text(root, "nameEn"),
                pick(root, "description"), county, duration, timeline, injectable, new Scenario.AnswerKey(expected, wrong),
                inEnglish ? java.util.Locale.ENGLISH : java.util.Locale.ROOT);
    }

    private static boolean hasEnglishTexts(JsonNode root) {
        boolean[] any = {false};
        walk(root, "", new ArrayList<>(), any);
        return any[0];
    }

    /** One call, unit change or inject, of the timeline (at its time) or of the injectable events (at zero). */
    private Scenario.Entry entry(JsonNode e, Duration t, String base, Located at, Set<String> ids, Map<String, String> kinds) {
        int line = at.line(base);
        if (e.has("call")) {
            JsonNode n = e.get("call");
            String id = unique(ids, n.get("id").asText(), at, base + "/call/id");
            kinds.put(id, "call");
            List<Scenario.EarlierCall> earlier = new ArrayList<>();
            for (JsonNode x : n.path("earlier")) {
                earlier.add(new Scenario.EarlierCall(x.get("daysBefore").asInt(), IncidentType.valueOf(x.get("type").asText()),
                        pick(x, "says")));
            }
            return new Scenario.Call(t, line, id, pick(n, "caller"), text(n, "number"), n.get("address").asText(), text(n, "near"),
                    IncidentType.valueOf(n.get("type").asText()), n.hasNonNull("priority") ? n.get("priority").asInt() : null,
                    pick(n, "says"), earlier);
        }
        if (e.has("unit")) {
            JsonNode n = e.get("unit");
            return new Scenario.UnitChange(t, line, n.get("callSign").asText(), text(n, "moveTo"), text(n, "status"),
                    n.hasNonNull("behaviour") ? Scenario.Behaviour.parse(n.get("behaviour").asText()) : null,
                    n.hasNonNull("signAfter") ? offset(n.get("signAfter").asText()) : null,
                    n.hasNonNull("onSceneAfter") ? offset(n.get("onSceneAfter").asText()) : null);
        }
        JsonNode n = e.get("inject");
        String id = unique(ids, n.get("id").asText(), at, base + "/inject/id");
        Scenario.InjectKind kind = Scenario.InjectKind.valueOf(n.get("kind").asText());
        kinds.put(id, kind.name());
        return new Scenario.Inject(t, line, id, kind, n.get("address").asText(), text(n, "near"), pick(n, "says"));
    }

    private static String unique(Set<String> ids, String id, Located at, String pointer) {
        if (!ids.add(id)) {
            throw at.invalid(pointer, "the id '" + id + "' is used twice");
        }
        return id;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** An offset written {@code mm:ss} or {@code h:mm:ss}. */
    public static Duration offset(String text) {
        String[] p = text.trim().split(":");
        long seconds = 0;
        for (String part : p) {
            seconds = seconds * 60 + Long.parseLong(part);
        }
        return Duration.ofSeconds(seconds);
    }

    /** Writes an offset as {@code mm:ss} (or {@code h:mm:ss} from an hour on). */
    public static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    /** Where each node of the document starts: JSON pointer to the location of its key (or of its value in a list). */
    private static Map<String, JsonLocation> locations(String text) throws IOException {
        Map<String, JsonLocation> out = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
                    ctx = ctx.getParent();
                }
                out.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation());
            }
        }
        return out;
    }

    /** Locations by pointer, with the file's name. */
    private record Located(String file, Map<String, JsonLocation> where) {

        JsonLocation find(String pointer) {
            String p = pointer == null ? "" : pointer;
            while (true) {
                JsonLocation l = where.get(p);
                if (l != null || p.isEmpty()) {
                    return l;
                }
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
            }
        }

        int line(String pointer) {
            JsonLocation l = find(pointer);
            return l == null ? 0 : l.getLineNr();
        }

        ScenarioInvalid invalid(String pointer, String reason) {
            JsonLocation l = find(pointer);
            return new ScenarioInvalid(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), pointer, reason);
        }
    }
}
