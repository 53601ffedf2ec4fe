package org.commandroom.core.eido;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commandroom.core.dispatch.Order;
import org.commandroom.core.dispatch.OrderDao;
import org.commandroom.core.dispatch.OrderEvent;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.DatumConverter;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.Incident;
import org.commandroom.core.incident.IncidentDao;
import org.commandroom.core.intake.CallReport;
import org.commandroom.core.intake.IntakeResult;
import org.commandroom.core.intake.IntakeService;
import org.commandroom.core.text.Text;
import org.commandroom.core.unit.PatrolUnit;
import org.commandroom.core.unit.UnitDao;
import org.jdbi.v3.core.Jdbi;

/**
 * NENA EIDO (NENA-STA-021) interchange: exports an incident with its orders and the units they sent as
 * an EIDO JSON document that validates against NENA's published schema, and reads one back. Import
 * checks the document against the schema first and names the JSON path of every problem.
 */
public final class EidoService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private final EidoSchema schema;
    private final EidoMapper mapper;
    private final String issuingElement;
    private final String domain;
    private final ForeignEido foreign;
    /** Whether what is exported is marked as an exercise (a drill database), and exercise documents are taken. */
    private volatile boolean exercise;

    /**
     * @param domain         the agency domain in identifiers (e.g. {@code qianwei.police.example})
     * @param issuingElement what EIDO calls the functional element that created the document (the workstation)
     */
    public EidoService(Jdbi jdbi, Clock clock, EidoSchema schema, String domain, String issuingElement) {
        this(jdbi, clock, schema, domain, issuingElement, EidoTypeMap.bundled());
    }

    /** @param types the common incident type table for EIDO from elsewhere (bundled default, bureau file over it) */
    public EidoService(Jdbi jdbi, Clock clock, EidoSchema schema, String domain, String issuingElement, EidoTypeMap types) {
        this.domain = domain;
        this.foreign = new ForeignEido(types);
        this.jdbi = jdbi;
        this.clock = clock;
        this.schema = schema;
        this.mapper = new EidoMapper(domain);
        this.issuingElement = issuingElement;
    }

    /**
     * On a drill database: every export is marked as an exercise ({@link EidoMapper#markExercise}); off it (live), an
     * exercise document is refused on import.
     */
    public void setExercise(boolean exercise) {
        this.exercise = exercise;
    }

    public boolean exercise() {
        return exercise;
    }

    public EidoSchema schema() {
        return schema;
    }

    /** The incident as the EIDO carries it (orders in creation order, each unit once). */
    public EidoIncident read(long incidentId) {
        return jdbi.withHandle(h -> {
            Incident i = h.attach(IncidentDao.class).findById(incidentId)
                    .orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId));
            EidoDao names = h.attach(EidoDao.class);
            OrderDao orderDao = h.attach(OrderDao.class);
            UnitDao unitDao = h.attach(UnitDao.class);
            List<EidoIncident.EidoOrder> orders = new ArrayList<>();
            Map<Long, EidoIncident.EidoUnit> units = new LinkedHashMap<>();
            for (Order o : orderDao.forIncident(incidentId)) {
                String callSign = null;
                if (o.unitId() != null) {
                    PatrolUnit u = unitDao.findById(o.unitId()).orElseThrow();
                    callSign = u.callSign();
                    units.computeIfAbsent(u.id(), k -> new EidoIncident.EidoUnit(u.callSign(), u.kind(), u.status(),
                            wgs84(u.position())));
                }
                List<OrderEvent> trail = orderDao.trail(o.id());
                Instant last = trail.isEmpty() ? o.createdAt() : trail.get(trail.size() - 1).at();
                orders.add(new EidoIncident.EidoOrder(o.orderNo(), o.kind(), o.status(), o.summary(), callSign, last));
            }
            return new EidoIncident(i.incidentNo(), i.receivedAt(), i.callerNumber(), i.address(), wgs84(i.position()),
                    i.type(), i.priority(), i.description(), i.status(),
                    i.policeGridId() == null ? null : names.gridName(i.policeGridId()).orElse(null),
                    i.stationId() == null ? null : names.stationName(i.stationId()).orElse(null),
                    orders, List.copyOf(units.values()));
        });
    }

    /** The incident as EIDO JSON, validated before it is returned. */
    public String export(long incidentId, String agent) {
        EidoIncident e = read(incidentId);
        String stationCode = jdbi.withHandle(h -> {
            Long station = h.attach(IncidentDao.class).findById(incidentId).orElseThrow().stationId();
            return station == null ? "unassigned" : h.attach(EidoDao.class).stationCode(station).orElse("unassigned");
        });
        ObjectNode doc = mapper.toEido(e, stationCode, agent, issuingElement, clock.instant());
        if (exercise) {
            mapper.markExercise(doc);
        }
        List<EidoSchema.Problem> problems = schema.validate(doc);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the EIDO exported for " + e.incidentNo() + " does not validate: " + problems);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Validates and reads an EIDO document written by this console. Nothing is written.
     *
     * @throws EidoInvalid with each problem's JSON path (not JSON at all, against the schema, or missing
     *                     what this console needs)
     */
    public EidoIncident parse(String json) {
        JsonNode node = tree(json);
        List<EidoSchema.Problem> problems = schema.validate(node);
        if (!problems.isEmpty()) {
            throw new EidoInvalid(problems);
        }
        return mapper.fromEido(node);
    }

    /**
     * Reads any EIDO into what this console can record. This console's own (its {@code $id} is an incident URN of this
     * console's domain and its incident component an object) is read exactly as {@link #parse} does, schema and all;
     * one from elsewhere is read leniently ({@link ForeignEido}): where it departs from NENA's schema is told in
     * {@link EidoReading#deviations()}, and whatever cannot be mapped is named in {@link EidoReading#notTaken()}.
     * Nothing is written.
     *
     * @throws EidoInvalid when it is not JSON, too large, has no incident component, or (this console's own) does not
     *                     validate
     */
    public EidoReading read(String json) {
        JsonNode node = tree(json);
        if (fromThisConsole(node)) {
            List<EidoSchema.Problem> problems = schema.validate(node);
            if (!problems.isEmpty()) {
                throw new EidoInvalid(problems);
            }
            EidoIncident e = mapper.fromEido(node);
            return new EidoReading(e, true, node.path("incidentComponent").path("incidentTypeCommonRegistryText")
                    .asText(null), List.of(), List.of());
        }
        return foreign.read(node, clock.instant(), schema.validate(node));
    }

    /** Whether the document was written by this console (see {@link #read}). */
    boolean fromThisConsole(JsonNode node) {
        String id = node.path("$id").asText("");
        return id.startsWith("urn:emergency:uid:incidentid:") && id.endsWith(":" + domain)
                && node.path("incidentComponent").isObject();
    }

    private static JsonNode tree(String json) {
        if (json.length() > MAX_CHARS) {
            throw new EidoInvalid(List.of(new EidoSchema.Problem("$", "the document has " + json.length()
                    + " characters; an EIDO of one incident has far fewer (at most " + MAX_CHARS + " are read)")));
        }
        // A UTF-8 byte-order mark, as some editors write it, is not part of the JSON.
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new EidoInvalid(List.of(new EidoSchema.Problem("$", "not a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new EidoInvalid(List.of(new EidoSchema.Problem("$", "not JSON: " + e.getOriginalMessage())));
        }
    }

    /** The most characters of one document read (an incident with its calls, notes, units and orders is a few KB). */
    public static final int MAX_CHARS = 2 * 1024 * 1024;

    /** A call recorded from an EIDO, with what was read (and what was not taken). */
    public record Imported(IntakeResult result, EidoReading reading) {
    }

    /**
     * Records an EIDO received from elsewhere as a new call (through intake: district check, grid, repeat
     * detection), keeping its incident number. Its orders are not recreated: they belong to the sender.
     */
    public IntakeResult importAsIncident(String json, IntakeService intake, String actor) {
        return importReading(json, intake, actor).result();
    }

    /**
     * As {@link #importAsIncident}, with the reading. An EIDO from elsewhere that gives the console no type or no usable
     * place (no position and no address) is refused before intake sees it, naming where in the document it failed and
     * every item not taken; nothing is written then.
     */
    public Imported importReading(String json, IntakeService intake, String actor) {
        EidoReading reading = read(json);
        EidoIncident e = reading.incident();
        List<EidoSchema.Problem> refusal = new ArrayList<>();
        if (!exercise && EidoMapper.isExercise(tree(json))) {
            refusal.add(new EidoSchema.Problem("$.eidoExtensionId",
                    "an exercise (drill) incident is not taken as a real call on live data"));
        }
        if (e.type() == null) {
            refusal.add(new EidoSchema.Problem(pathOf(reading, "incidentTypeCommonRegistryText", "$.incidentComponent"),
                    reading.commonType() == null ? Text.of("core.eido.refused.noType")
                            : Text.of("core.eido.refused.typeNotMapped", reading.commonType())));
        }
        if (e.position() == null && (e.address() == null || e.address().isBlank())) {
            refusal.add(new EidoSchema.Problem(pathOf(reading, "location", "$.incidentComponent.locationReference"),
                    Text.of("core.eido.refused.noPlace")));
        }
        if (!refusal.isEmpty()) {
            for (EidoReading.NotTaken n : reading.notTaken()) {
                refusal.add(new EidoSchema.Problem(n.path(), Text.of("core.eido.refused.notTaken", n.why())));
            }
            throw new EidoInvalid(refusal, true);
        }
        IntakeResult r = intake.record(new CallReport(e.callerNumber(), e.address(), e.position(), e.type(), e.priority(),
                e.description(), e.receivedAt(), e.incidentNo()), actor);
        return new Imported(r, reading);
    }

    /** The path of the first item not taken whose path contains {@code part}, else {@code fallback}. */
    private static String pathOf(EidoReading reading, String part, String fallback) {
        return reading.notTaken().stream().map(EidoReading.NotTaken::path)
                .filter(p -> p.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT)))
                .findFirst().orElse(fallback);
    }

    private static GeoPoint wgs84(GeoPoint p) {
        return p == null ? null : DatumConverter.convert(p, Datum.WGS84);
    }
}
