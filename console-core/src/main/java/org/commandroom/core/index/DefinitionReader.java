package org.commandroom.core.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;

/**
 * Reads and checks a definition file (YAML, or JSON which is YAML too; format in docs/INDEX.md). Every
 * problem is reported as a {@link DefinitionException} naming the indicator (or capability) and the
 * field; an unknown field is a problem too, so that a misspelt "wieght" is not silently ignored.
 */
public final class DefinitionReader {

    private static final Set<String> TOP = Set.of("version", "name", "bands", "veto", "peerGroups", "reminders",
            "pingAn", "capabilities", "indicators");
    private static final Set<String> CAPABILITY = Set.of("code", "zh", "en", "weight");
    private static final Set<String> INDICATOR = Set.of("id", "zh", "en", "capability", "direction", "source", "unit", "unitEn",
            "computation", "thresholds", "weight", "veto", "vetoThreshold", "swingPoints", "min", "max", "note");
    private static final Set<String> THRESHOLDS = Set.of("excellent", "pass", "fail");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /**
     * The largest definition file read (the product's is 18 KB): the YAML parser takes about a second per MB, and a
     * file of gigabytes would be read whole, so a larger one is refused after this many bytes.
     */
    public static final int MAX_BYTES = 1024 * 1024;

    public IndexDefinition read(InputStream in) {
        JsonNode root;
        try {
            byte[] file = in.readNBytes(MAX_BYTES + 1);
            if (file.length > MAX_BYTES) {
                throw new DefinitionException(null, null, "the definition file is larger than " + MAX_BYTES / 1024
                        + " KB; the product's is about 20 KB");
            }
            root = yaml.readTree(file);
        } catch (JsonProcessingException e) {
            throw new DefinitionException("the definition file is not valid YAML: "
                    + org.commandroom.core.text.Unparsable.yaml(e)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new DefinitionException("the definition file could not be read as UTF-8 text", e);
        }
        if (root == null || !root.isObject()) {
            throw new DefinitionException(null, null, "the definition file must be a mapping with capabilities and indicators");
        }
        Node top = new Node(null, "", root);
        top.onlyFields(TOP);
        String version = top.text("version", true);
        if (version.length() > 32) {
            throw top.problem("version", "at most 32 characters");
        }
        String name = top.text("name", false);

        Node b = top.object("bands", true);
        b.onlyFields(THRESHOLDS);
        Bands bands = new Bands(b.number("excellent", true), b.number("pass", true), b.number("fail", true));
        if (!(bands.excellent() > bands.pass() && bands.pass() > bands.fail())) {
            throw top.problem("bands", "points must fall from excellent to pass to fail: " + bands);
        }
        Node v = top.object("veto", true);
        v.onlyFields(Set.of("capIndexAt"));
        double vetoCap = v.number("capIndexAt", true);

        List<CapabilityDef> caps = capabilities(top);
        Set<String> capCodes = new HashSet<>();
        caps.forEach(c -> capCodes.add(c.code()));
        List<IndicatorDef> indicators = indicators(top, capCodes, bands);
        for (CapabilityDef c : caps) {
            if (indicators.stream().noneMatch(i -> i.capability().equals(c.code()))) {
                throw new DefinitionException("capability " + c.code(), null, "has no indicators");
            }
        }
        IndexDefinition.PeerGrouping peers = peerGrouping(top.object("peerGroups", true));
        IndexDefinition.ReminderRules reminders = reminders(top.object("reminders", true));
        IndexDefinition.PingAnRule pingAn = pingAn(top.object("pingAn", true), indicators);
        return new IndexDefinition(version, name, bands, vetoCap, caps, indicators, peers, reminders, pingAn);
    }

    private List<CapabilityDef> capabilities(Node top) {
        List<CapabilityDef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Node list = top.array("capabilities");
        double total = 0;
        for (Node c : list.elements()) {
            String code = c.text("code", true);
            Node n = new Node("capability " + code, "", c.json);
            n.onlyFields(CAPABILITY);
            if (!seen.add(code)) {
                throw n.problem("code", "appears twice");
            }
            double w = n.number("weight", true);
            if (w < 0) {
                throw n.problem("weight", "must not be negative: " + w);
            }
            total += w;
            out.add(new CapabilityDef(code, n.text("zh", true), n.text("en", true), w));
        }
        if (out.isEmpty()) {
            throw top.problem("capabilities", "at least one capability is needed");
        }
        if (total <= 0) {
            throw top.problem("capabilities", "the capability weights add up to " + total + "; at least one must be positive");
        }
        return out;
    }

    private List<IndicatorDef> indicators(Node top, Set<String> capCodes, Bands bands) {
        List<IndicatorDef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (Node raw : top.array("indicators").elements()) {
            index++;
            String id = raw.json.path("id").asText("");
            Node n = new Node("indicator " + (id.isEmpty() ? "#" + index : id), "", raw.json);
            id = n.text("id", true);
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw n.problem("id", "1 to 16 letters, digits, '_' or '-': '" + id + "'");
            }
            if (!seen.add(id)) {
                throw n.problem("id", "appears twice");
            }
            n.onlyFields(INDICATOR);
            String capability = n.text("capability", true);
            if (!capCodes.contains(capability)) {
                throw n.problem("capability", "no capability '" + capability + "' (known: " + capCodes + ")");
            }
            Direction direction = switch (n.text("direction", true).toLowerCase(Locale.ROOT)) {
                case "higher" -> Direction.HIGHER_IS_BETTER;
                case "lower" -> Direction.LOWER_IS_BETTER;
                default -> throw n.problem("direction", "'higher' or 'lower', not '" + n.text("direction", true) + "'");
            };
            Source source = n.enumValue("source", Source.class, true);
            Computation computation = null;
            if (source == Source.COMPUTED) {
                computation = computation(n.object("computation", true));
            } else if (n.json.has("computation")) {
                throw n.problem("computation", "a MANUAL indicator has no computation");
            }
            Node t = n.object("thresholds", true);
            t.onlyFields(THRESHOLDS);
            Thresholds th = new Thresholds(t.number("excellent", true), t.number("pass", true), t.number("fail", true));
            boolean ordered = direction == Direction.LOWER_IS_BETTER
                    ? th.excellent() < th.pass() && th.pass() < th.fail()
                    : th.excellent() > th.pass() && th.pass() > th.fail();
            if (!ordered) {
                throw n.problem("thresholds", (direction == Direction.LOWER_IS_BETTER
                        ? "for a lower-is-better indicator excellent < pass < fail" : "for a higher-is-better indicator excellent > pass > fail")
                        + ", not " + th.excellent() + " / " + th.pass() + " / " + th.fail());
            }
            double weight = n.number("weight", true);
            if (weight <= 0) {
                throw n.problem("weight", "must be positive: " + weight);
            }
            boolean veto = n.json.has("veto") && n.bool("veto");
            Double vetoThreshold = n.json.has("vetoThreshold") ? n.number("vetoThreshold", true) : null;
            if (veto && vetoThreshold == null) {
                throw n.problem("vetoThreshold", "a veto item needs the value beyond which it vetoes");
            }
            if (!veto && vetoThreshold != null) {
                throw n.problem("vetoThreshold", "only a veto item (veto: true) has one");
            }
            Double swing = n.json.has("swingPoints") ? n.number("swingPoints", true) : null;
            if (swing != null && swing <= 0) {
                throw n.problem("swingPoints", "must be positive: " + swing);
            }
            Double min = n.json.has("min") ? n.number("min", true) : null;
            Double max = n.json.has("max") ? n.number("max", true) : null;
            if (min != null && max != null && min > max) {
                throw n.problem("max", "smaller than min (" + min + ")");
            }
            out.add(new IndicatorDef(id, n.text("zh", true), n.text("en", true), capability, direction, source,
                    n.text("unit", true), n.text("unitEn", false), computation, th, weight, veto, vetoThreshold, swing, min, max, n.text("note", false)));
        }
        if (out.isEmpty()) {
            throw top.problem("indicators", "at least one indicator is needed");
        }
        return out;
    }

    private Computation computation(Node c) {
        ComputationKind kind = c.enumValue("kind", ComputationKind.class, true);
        Set<String> allowed = new HashSet<>(kind.parameters());
        allowed.add("kind");
        c.onlyFields(allowed);
        Set<IncidentType> types = types(c, "types", "categories");
        if (kind.base() == ComputationKind.Base.INCIDENT && types.isEmpty()) {
            throw c.problem("types", "a " + kind + " computation needs incident types or categories");
        }
        Set<IncidentType> prior = types(c, "priorTypes", "priorCategories");
        if (prior.isEmpty()) {
            prior = types;
        }
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        for (String s : c.strings("statuses")) {
            statuses.add(c.parse("statuses", s, IncidentStatus.class));
        }
        if (kind == ComputationKind.INCIDENT_STATUS_SHARE && statuses.isEmpty()) {
            throw c.problem("statuses", "a status share needs the statuses that count");
        }
        Set<OrderKind> orderKinds = EnumSet.noneOf(OrderKind.class);
        for (String s : c.strings("orderKinds")) {
            orderKinds.add(c.parse("orderKinds", s, OrderKind.class));
        }
        if (orderKinds.isEmpty()) {
            if (kind == ComputationKind.FOLLOW_UP_ORDER_SHARE) {
                throw c.problem("orderKinds", "a follow-up share needs the order kinds that count as the follow-up");
            }
            orderKinds = EnumSet.allOf(OrderKind.class);
        }
        boolean repeat = kind == ComputationKind.REPEAT_INCIDENT_SHARE || kind == ComputationKind.REPEAT_INCIDENT_COUNT;
        Computation.MatchOn matchOn = repeat ? c.enumValue("matchOn", Computation.MatchOn.class, true) : null;
        int windowDays = repeat ? c.positiveInt("windowDays", true, 0) : 0;
        OrderKind priorOrder = c.json.has("priorOrderKind") ? c.enumValue("priorOrderKind", OrderKind.class, true) : null;
        int per = kind == ComputationKind.INCIDENT_RATE ? c.positiveInt("perResidents", false, 10_000) : 0;
        int within = kind == ComputationKind.FOLLOW_UP_ORDER_SHARE ? c.positiveInt("withinDays", true, 0) : 0;
        return new Computation(kind, types, prior, statuses, orderKinds, matchOn, windowDays, priorOrder, per, within);
    }

    private static Set<IncidentType> types(Node c, String typesField, String categoriesField) {
        Set<IncidentType> out = new LinkedHashSet<>();
        for (String s : c.strings(typesField)) {
            out.add(c.parse(typesField, s, IncidentType.class));
        }
        for (String s : c.strings(categoriesField)) {
            IncidentCategory cat = c.parse(categoriesField, s, IncidentCategory.class);
            for (IncidentType t : IncidentType.values()) {
                if (t.category() == cat) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private IndexDefinition.PeerGrouping peerGrouping(Node p) {
        p.onlyFields(Set.of("method", "metrics", "groups"));
        var method = p.enumValue("method", IndexDefinition.PeerGrouping.Method.class, true);
        List<IndexDefinition.PeerGrouping.Metric> metrics = new ArrayList<>();
        for (String s : p.strings("metrics")) {
            metrics.add(p.parse("metrics", s, IndexDefinition.PeerGrouping.Metric.class));
        }
        int groups = 1;
        if (method == IndexDefinition.PeerGrouping.Method.QUANTILES) {
            if (metrics.isEmpty()) {
                throw p.problem("metrics", "quantile grouping needs at least one of INCIDENTS, POPULATION, AREA");
            }
            groups = p.positiveInt("groups", true, 0);
        }
        return new IndexDefinition.PeerGrouping(method, metrics, groups);
    }

    private IndexDefinition.ReminderRules reminders(Node r) {
        r.onlyFields(Set.of("indicatorSwingPoints", "capabilitySwingPoints", "underPass", "remediationDays"));
        double ind = r.number("indicatorSwingPoints", true);
        double cap = r.number("capabilitySwingPoints", true);
        if (ind <= 0) {
            throw r.problem("indicatorSwingPoints", "must be positive: " + ind);
        }
        if (cap <= 0) {
            throw r.problem("capabilitySwingPoints", "must be positive: " + cap);
        }
        Set<String> levels = new LinkedHashSet<>();
        for (String s : r.strings("underPass")) {
            if (!Set.of(IndexDefinition.ReminderRules.INDICATOR, IndexDefinition.ReminderRules.CAPABILITY,
                    IndexDefinition.ReminderRules.INDEX).contains(s)) {
                throw r.problem("underPass", "INDICATOR, CAPABILITY or INDEX, not '" + s + "'");
            }
            levels.add(s);
        }
        return new IndexDefinition.ReminderRules(ind, cap, levels, r.positiveInt("remediationDays", true, 0));
    }

    private IndexDefinition.PingAnRule pingAn(Node p, List<IndicatorDef> indicators) {
        p.onlyFields(Set.of("types", "categories", "thresholds", "incidentWeight", "satisfactionWeight", "satisfactionIndicator"));
        Set<IncidentType> types = types(p, "types", "categories");
        if (types.isEmpty()) {
            throw p.problem("types", "the Ping'an index needs the incident types it counts");
        }
        Node t = p.object("thresholds", true);
        t.onlyFields(THRESHOLDS);
        Thresholds th = new Thresholds(t.number("excellent", true), t.number("pass", true), t.number("fail", true));
        if (!(th.excellent() < th.pass() && th.pass() < th.fail())) {
            throw p.problem("thresholds", "an incident rate is lower-is-better: excellent < pass < fail");
        }
        double wi = p.number("incidentWeight", true);
        double ws = p.number("satisfactionWeight", true);
        if (wi < 0 || ws < 0 || wi + ws <= 0) {
            throw p.problem("incidentWeight", "weights must not be negative and must add up to more than 0");
        }
        String sat = p.text("satisfactionIndicator", true);
        IndicatorDef s = indicators.stream().filter(i -> i.id().equals(sat)).findFirst()
                .orElseThrow(() -> p.problem("satisfactionIndicator", "no indicator '" + sat + "'"));
        if (!s.isManual()) {
            throw p.problem("satisfactionIndicator", "'" + sat + "' is not a MANUAL indicator");
        }
        Computation c = new Computation(ComputationKind.INCIDENT_RATE, types, types, Set.of(), Set.of(), null, 0, null, 10_000, 0);
        return new IndexDefinition.PingAnRule(c, th, wi, ws, sat);
    }

    /** A place in the tree, for reading typed fields with messages that say where. */
    private static final class Node {
        final String subject;
        final String path;
        final JsonNode json;

        Node(String subject, String path, JsonNode json) {
            this.subject = subject;
            this.path = path;
            this.json = json;
        }

        String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        DefinitionException problem(String field, String what) {
            return new DefinitionException(subject, at(field), what);
        }

        void onlyFields(Set<String> allowed) {
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!allowed.contains(f)) {
                    throw new DefinitionException(subject, at(f), "unknown field (known: " + new java.util.TreeSet<>(allowed) + ")");
                }
            }
        }

        JsonNode field(String f, boolean required) {
            JsonNode v = json.get(f);
            if ((v == null || v.isNull()) && required) {
                throw problem(f, "missing");
            }
            return v == null || v.isNull() ? null : v;
        }

        String text(String f, boolean required) {
            JsonNode v = field(f, required);
            if (v == null) {
                return null;
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw problem(f, required ? "must be a non-empty text" : "must be a text");
            }
            return v.asText().trim();
        }

        double number(String f, boolean required) {
            JsonNode v = field(f, required);
            if (!v.isNumber()) {
                throw problem(f, "'" + v.asText() + "' is not a number");
            }
            double d = v.asDouble();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw problem(f, "must be a finite number");
            }
            return d;
        }

        int positiveInt(String f, boolean required, int fallback) {
            JsonNode v = field(f, required);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber() || v.asInt() <= 0) {
                throw problem(f, "must be a whole number above 0, not '" + v.asText() + "'");
            }
            return v.asInt();
        }

        boolean bool(String f) {
            JsonNode v = field(f, true);
            if (!v.isBoolean()) {
                throw problem(f, "true or false, not '" + v.asText() + "'");
            }
            return v.asBoolean();
        }

        <E extends Enum<E>> E enumValue(String f, Class<E> type, boolean required) {
            String s = text(f, required);
            return s == null ? null : parse(f, s, type);
        }

        <E extends Enum<E>> E parse(String f, String s, Class<E> type) {
            try {
                return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(f, "unknown value '" + s + "' (known: " + java.util.Arrays.toString(type.getEnumConstants()) + ")");
            }
        }

        List<String> strings(String f) {
            JsonNode v = json.get(f);
            List<String> out = new ArrayList<>();
            if (v == null || v.isNull()) {
                return out;
            }
            if (!v.isArray()) {
                throw problem(f, "must be a list, e.g. [A, B]");
            }
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    throw problem(f, "must be a list of names");
                }
                out.add(e.asText());
            }
            return out;
        }

        Node object(String f, boolean required) {
            JsonNode v = field(f, required);
            if (v == null) {
                return new Node(subject, at(f), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
            }
            if (!v.isObject()) {
                throw problem(f, "must be a mapping");
            }
            return new Node(subject, at(f), v);
        }

        Node array(String f) {
            JsonNode v = field(f, true);
            if (!v.isArray()) {
                throw problem(f, "must be a list");
            }
            return new Node(subject, at(f), v);
        }

        List<Node> elements() {
            List<Node> out = new ArrayList<>();
            int i = 0;
            for (JsonNode e : json) {
                if (!e.isObject()) {
                    throw new DefinitionException(subject, path + "[" + i + "]", "must be a mapping");
                }
                out.add(new Node(subject, "", e));
                i++;
            }
            return out;
        }
    }
}
