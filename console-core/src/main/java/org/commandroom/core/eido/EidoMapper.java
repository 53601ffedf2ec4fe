package org.commandroom.core.eido;

import org.commandroom.core.text.ExerciseMark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commandroom.core.dispatch.OrderKind;
import org.commandroom.core.dispatch.OrderStatus;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentCategory;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.unit.UnitKind;
import org.commandroom.core.unit.UnitStatus;

/**
 * Maps an {@link EidoIncident} to an EIDO JSON document and back (docs/INTAKE.md has the table). Pure:
 * no database, no validation (that is {@link EidoSchema}'s job).
 *
 * <p>Where EIDO names a registry whose values are not part of the schema (incident type, statuses,
 * resource type), this console's own value always travels in the matching {@code ...Internal...} field and
 * is what import reads; the common registry field gets a plain English value chosen here.
 */
public final class EidoMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POS = Pattern.compile("<(?:\\w+:)?pos>\\s*([-+0-9.eE]+)\\s+([-+0-9.eE]+)\\s*</(?:\\w+:)?pos>");
    private static final Pattern ORDER_NOTE = Pattern.compile(
            "<p data-order-kind=\"([A-Z_]+)\" data-order-status=\"([A-Z_]+)\">(.*)</p>", Pattern.DOTALL);
    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*)</p>", Pattern.DOTALL);

    private final String domain;

    /** @param domain the agency domain used in identifiers, e.g. {@code qianwei.police.example} */
    public EidoMapper(String domain) {
        this.domain = domain;
    }

    // ---------------------------------------------------------------- export

    /** The EIDO for the incident, stamped {@code now} and as issued by {@code agent} of the owning station. */
    public ObjectNode toEido(EidoIncident i, String stationCode, String agent, String issuingElement, Instant now) {
        String agencyId = stationCode + "." + domain;
        String agentId = agent + "@" + agencyId;
        // Every value put into a URN is percent-encoded (RFC 8141: an NSS is ASCII; call-signs are Chinese).
        String no = nss(i.incidentNo());
        ObjectNode root = prologue(JSON.createObjectNode(), "urn:emergency:uid:incidentid:" + no + ":" + domain, now,
                agencyId, agentId);
        root.put("eidoVersion", "1.0");
        root.put("issuingElementIdentification", issuingElement);

        String locationId = "urn:emergency:uid:locationid:" + no + ":" + domain;
        String callId = "urn:emergency:uid:callid:" + no + ":" + domain;
        String callbackId = "urn:emergency:uid:callbackid:" + no + ":" + domain;
        String descriptionNoteId = "urn:emergency:uid:noteid:" + no + ".description:" + domain;

        ObjectNode incident = prologue(root.putObject("incidentComponent"), "urn:emergency:uid:incidentcomponent:" + no
                + ":" + domain, now, agencyId, agentId);
        incident.put("incidentTypeCommonRegistryText", commonType(i.type().category()));
        incident.put("incidentTypeInternalCode", i.type().name());
        incident.put("incidentTypeInternalText", i.type().category().name());
        incident.putArray("incidentStatusInternalText").add(i.status().name());
        incident.putArray("incidentStatusCommonRegistryText").add(commonStatus(i.status()));
        incident.put("internalIncidentId", no);
        incident.putArray("agentReference").add(ref(agentId));
        if (i.position() != null || !i.address().isEmpty()) {
            incident.putArray("locationReference").add(ref(locationId));
        }
        incident.put("incidentPriorityInternalText", Integer.toString(i.priority()));
        incident.put("incidentCommonPriorityNumber", i.priority());
        if (i.beat() != null) {
            incident.put("beatOrDispatchGroupText", i.beat());
        }
        ArrayNode notes = root.putArray("notesComponent");
        if (i.description() != null) {
            incident.putArray("notesReference").add(ref(descriptionNoteId));
            ObjectNode note = prologue(notes.addObject(), descriptionNoteId, now, agencyId, agentId);
            note.put("notesActionComments", "<p>" + html(i.description()) + "</p>");
            note.set("agentReference", ref(agentId));
        }

        ObjectNode call = prologue(root.putArray("callComponent").addObject(), callId, i.receivedAt(), agencyId, agentId);
        call.put("standardPrimaryCallType", "emergency");
        call.put("localCallType", "110");
        call.put("direction", "incoming");
        call.put("priorityIdentifier", i.priority() == 1 ? "highest" : i.priority() == 2 ? "high" : "normal");
        call.put("callStartTimestamp", i.receivedAt().toString());
        call.put("callStateRegistryText", "callEnd");
        call.putArray("agentReference").add(ref(agentId));
        call.putArray("locationReference").add(ref(locationId));
        if (i.callerNumber() != null) {
            call.set("callBackReference", ref(callbackId));
            ObjectNode cb = prologue(root.putArray("callbackComponent").addObject(), callbackId, i.receivedAt(), agencyId,
                    agentId);
            cb.putArray("callBackInformationUri").add("tel:" + i.callerNumber());
        }

        ObjectNode agency = prologue(root.putArray("agencyComponent").addObject(), agencyId, now, agencyId, null);
        agency.put("agencyJcard", jcard(i.agency() == null ? stationCode : i.agency()));
        agency.putArray("agencyRoleDescriptionRegistryText").add("Dispatching");
        agency.putArray("agencyType").add("police");
        agency.put("incidentOwningAgencyIndicator", true);

        ObjectNode agentNode = prologue(root.putArray("agentComponent").addObject(), agentId, now, agencyId, agentId);
        agentNode.putArray("agentRoleRegistryText").add("Dispatching");
        agentNode.set("agencyReference", ref(agencyId));

        ArrayNode locations = root.putArray("locationComponent");
        ObjectNode location = prologue(locations.addObject(), locationId, i.receivedAt(), agencyId, agentId);
        location.put("locationTypeDescriptionRegistryText", "Incident");
        if (i.position() != null) {
            location.put("locationByValue", pidf(no, i.address(), i.position()));
        }
        location.put("locationDescriptionText", i.address());

        Map<String, String> unitIds = new LinkedHashMap<>();
        ArrayNode resources = JSON.createArrayNode();
        for (EidoIncident.EidoUnit u : i.units()) {
            String unitId = "urn:emergency:uid:resourceid:" + nss(u.callSign()) + ":" + agencyId;
            unitIds.put(u.callSign(), unitId);
            ObjectNode r = prologue(resources.addObject(), unitId, now, agencyId, agentId);
            r.put("emergencyResourceTypeCommonRegistryText", commonResource(u.kind()));
            r.put("emergencyResourceTypeInternalText", u.kind().name());
            r.putArray("resourceAttributeRegistryText");
            r.put("emergencyResourceName", u.callSign());
            r.put("primaryUnitStatusRegistryText", commonUnitStatus(u.status()));
            r.putArray("secondaryUnitStatusRegistryText");
            r.putArray("unitStatusInternal").add(u.status().name());
            r.putArray("agentReference");
            if (u.position() != null) {
                String unitLocationId = "urn:emergency:uid:locationid:" + nss(u.callSign()) + "." + no + ":" + domain;
                r.set("unitLocationReference", ref(unitLocationId));
                ObjectNode ul = prologue(locations.addObject(), unitLocationId, now, agencyId, agentId);
                ul.put("locationTypeDescriptionRegistryText", "Unit");
                ul.put("locationByValue", pidf(u.callSign(), u.callSign(), u.position()));
            }
            r.put("activeOnIncidentId", root.get("$id").asText());
        }
        if (!resources.isEmpty()) {
            root.set("emergencyResourceComponent", resources);
        }
        ArrayNode dispatches = JSON.createArrayNode();
        for (EidoIncident.EidoOrder o : i.orders()) {
            String noteId = "urn:emergency:uid:noteid:" + nss(o.orderNo()) + ":" + domain;
            Instant at = o.lastUpdate() == null ? now : o.lastUpdate();
            ObjectNode d = prologue(dispatches.addObject(), "urn:emergency:uid:dispatchid:" + nss(o.orderNo()) + ":" + domain,
                    at, agencyId, agentId);
            d.set("agencyReference", ref(agencyId));
            if (o.unitCallSign() != null && unitIds.containsKey(o.unitCallSign())) {
                d.putArray("emergencyResourceReference").add(ref(unitIds.get(o.unitCallSign())));
            }
            d.putArray("notesReference").add(ref(noteId));
            ObjectNode note = prologue(notes.addObject(), noteId, at, agencyId, agentId);
            note.put("notesActionComments", "<p data-order-kind=\"" + o.kind().name() + "\" data-order-status=\""
                    + o.status().name() + "\">" + html(o.summary()) + "</p>");
        }
        if (!dispatches.isEmpty()) {
            root.set("dispatchComponent", dispatches);
        }
        if (notes.isEmpty()) {
            root.remove("notesComponent");
        }
        root.putObject("@context").put("@vocab", "./JSON-LD_Contexts/EmergencyIncidentDataObjectType.jsonld");
        return root;
    }

    /**
     * Marks an exported EIDO as an exercise (a drill's): {@link ExerciseMark#EIDO_EXTENSION} in {@code eidoExtensionId},
     * and a note saying it in words, last among the notes (the description stays the first).
     */
    public void markExercise(ObjectNode root) {
        root.withArray("eidoExtensionId").add(ExerciseMark.EIDO_EXTENSION);
        String no = root.path("incidentComponent").path("internalIncidentId").asText("incident");
        String agencyId = root.path("updatedByAgencyReference").path("$ref").asText(domain);
        String agentId = root.path("updatedByAgentReference").path("$ref").asText(null);
        ObjectNode note = prologue(root.withArray("notesComponent").addObject(), "urn:emergency:uid:noteid:" + no
                + ".exercise:" + domain, Instant.parse(root.path("lastUpdateTimeStamp").asText()), agencyId, agentId);
        note.put("notesActionComments", "<p data-exercise=\"true\">" + html(ExerciseMark.EIDO_NOTE) + "</p>");
    }

    /** Whether an EIDO says it is an exercise ({@link ExerciseMark#EIDO_EXTENSION} among its extensions). */
    public static boolean isExercise(com.fasterxml.jackson.databind.JsonNode root) {
        for (com.fasterxml.jackson.databind.JsonNode id : root.path("eidoExtensionId")) {
            if (ExerciseMark.EIDO_EXTENSION.equals(id.asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode prologue(ObjectNode n, String id, Instant at, String agencyId, String agentId) {
        n.put("$id", id);
        n.put("lastUpdateTimeStamp", at.toString());
        n.set("updatedByAgencyReference", ref(agencyId));
        if (agentId != null) {
            n.set("updatedByAgentReference", ref(agentId));
        }
        return n;
    }

    private static ObjectNode ref(String id) {
        ObjectNode r = JSON.createObjectNode();
        r.put("$ref", id);
        return r;
    }

    /** A minimal PIDF-LO (RFC 4119/5491): a GML point in WGS-84 and the address as civic LOC. */
    private String pidf(String entity, String address, GeoPoint wgs84) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                + "xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" xmlns:gml=\"http://www.opengis.net/gml\" "
                + "xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\" entity=\"pres:" + xml(entity) + "@" + domain
                + "\"><tuple id=\"location\"><status><gp:geopriv><gp:location-info>"
                + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>"
                + String.format(Locale.ROOT, "%.7f %.7f", wgs84.lat(), wgs84.lon()) + "</gml:pos></gml:Point>"
                + "<ca:civicAddress xml:lang=\"zh\"><ca:country>CN</ca:country><ca:LOC>" + xml(address)
                + "</ca:LOC></ca:civicAddress></gp:location-info><gp:usage-rules/></gp:geopriv></status></tuple></presence>";
    }

    private static String jcard(String name) {
        return "[\"vcard\",[[\"version\",{},\"text\",\"4.0\"],[\"fn\",{},\"text\",\"" + name.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"]]]";
    }

    static String commonType(IncidentCategory c) {
        return switch (c) {
            case CRIMINAL -> "Law.Crime";
            case PUBLIC_ORDER -> "Law.PublicOrder";
            case TRAFFIC -> "Law.Traffic";
            case DISPUTE -> "Law.Dispute";
            case HELP -> "Law.Assistance";
            case NON_POLICE -> "Other";
        };
    }

    static String commonStatus(IncidentStatus s) {
        return switch (s) {
            case NEW -> "Pending";
            case DISPATCHED -> "Dispatched";
            case ON_SCENE -> "OnScene";
            case CLOSED -> "Closed";
            case DIVERTED -> "Referred";
        };
    }

    static String commonResource(UnitKind k) {
        return switch (k) {
            case CAR -> "Law.PatrolCar";
            case MOTORBIKE -> "Law.Motorcycle";
            case FOOT -> "Law.FootPatrol";
        };
    }

    static String commonUnitStatus(UnitStatus s) {
        return switch (s) {
            case AVAILABLE -> "Available";
            case EN_ROUTE -> "Enroute";
            case ON_SCENE -> "OnScene";
            case BUSY -> "Busy";
            case OFF_DUTY -> "OutOfService";
        };
    }

    // ---------------------------------------------------------------- import

    /**
     * Reads back what {@link #toEido} wrote (from a document already validated against the schema).
     *
     * @throws EidoInvalid naming the path of anything this console needs and cannot read
     */
    public EidoIncident fromEido(JsonNode root) {
        List<EidoSchema.Problem> problems = new ArrayList<>();
        JsonNode incident = root.path("incidentComponent");
        if (incident.isMissingNode()) {
            throw new EidoInvalid(List.of(new EidoSchema.Problem("$.incidentComponent", "an incident component is required")));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        Map<String, String> pathById = new HashMap<>();
        root.fields().forEachRemaining(e -> {
            if (e.getValue().isArray()) {
                int i = 0;
                for (JsonNode c : e.getValue()) {
                    if (c.has("$id")) {
                        byId.put(c.get("$id").asText(), c);
                        pathById.put(c.get("$id").asText(), "$." + e.getKey() + "[" + i + "]");
                    }
                    i++;
                }
            }
        });
        IncidentType type = enumOf(IncidentType.class, incident.path("incidentTypeInternalCode").asText(null),
                "$.incidentComponent.incidentTypeInternalCode", problems);
        IncidentStatus status = enumOf(IncidentStatus.class, incident.path("incidentStatusInternalText").path(0).asText("NEW"),
                "$.incidentComponent.incidentStatusInternalText[0]", problems);
        // Range-checked before narrowing: 4294967297 must not wrap to 1.
        JsonNode priorityNode = incident.path("incidentCommonPriorityNumber");
        int priority = type == null ? 3 : type.defaultPriority();
        if (!priorityNode.isMissingNode() && !priorityNode.isNull()) {
            if (priorityNode.isIntegralNumber() && priorityNode.canConvertToInt()
                    && priorityNode.intValue() >= 1 && priorityNode.intValue() <= 3) {
                priority = priorityNode.intValue();
            } else {
                problems.add(new EidoSchema.Problem("$.incidentComponent.incidentCommonPriorityNumber",
                        "priority " + shortText(priorityNode.asText(priorityNode.toString())) + " is not 1, 2 or 3"));
            }
        }
        String no = incident.path("internalIncidentId").asText(null);
        fits(no, INCIDENT_NO_MAX, "$.incidentComponent.internalIncidentId", "the incident number", problems);
        JsonNode call = root.path("callComponent").path(0);
        Instant received = null;
        try {
            received = Instant.parse(call.path("callStartTimestamp").asText(root.path("lastUpdateTimeStamp").asText()));
        } catch (DateTimeParseException e) {
            problems.add(new EidoSchema.Problem("$.callComponent[0].callStartTimestamp", "not an ISO-8601 instant"));
        }
        String caller = null;
        JsonNode cb = byId.get(call.path("callBackReference").path("$ref").asText(""));
        if (cb != null) {
            for (JsonNode uri : cb.path("callBackInformationUri")) {
                if (uri.asText().startsWith("tel:")) {
                    caller = uri.asText().substring(4).replace("-", "");
                    fits(caller, CALLER_MAX, pathById.get(call.path("callBackReference").path("$ref").asText(""))
                            + ".callBackInformationUri", "the caller's number", problems);
                    break;
                }
            }
        }
        String locationId = incident.path("locationReference").path(0).path("$ref").asText("");
        JsonNode location = byId.get(locationId);
        String address = location == null ? "" : location.path("locationDescriptionText").asText("");
        fits(address, ADDRESS_MAX, pathById.get(locationId) + ".locationDescriptionText", "the address", problems);
        GeoPoint position = location == null ? null : position(location.path("locationByValue").asText(null),
                pathById.get(locationId) + ".locationByValue", problems);
        String description = null;
        JsonNode descNote = byId.get(incident.path("notesReference").path(0).path("$ref").asText(""));
        if (descNote != null) {
            Matcher m = PARAGRAPH.matcher(descNote.path("notesActionComments").asText(""));
            description = m.matches() ? unhtml(m.group(1)) : unhtml(descNote.path("notesActionComments").asText(""));
            fits(description, DESCRIPTION_MAX, pathById.get(incident.path("notesReference").path(0).path("$ref").asText(""))
                    + ".notesActionComments", "the description", problems);
        }
        String agency = null;
        JsonNode agencyNode = root.path("agencyComponent").path(0);
        Matcher fn = Pattern.compile("\\[\"fn\",\\{},\"text\",\"((?:[^\"\\\\]|\\\\.)*)\"]").matcher(agencyNode.path("agencyJcard").asText(""));
        if (fn.find()) {
            agency = fn.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }

        List<EidoIncident.EidoUnit> units = new ArrayList<>();
        Map<String, String> callSignById = new HashMap<>();
        int r = 0;
        for (JsonNode res : root.path("emergencyResourceComponent")) {
            String where = "$.emergencyResourceComponent[" + r++ + "]";
            String callSign = res.path("emergencyResourceName").asText(null);
            UnitKind kind = enumOf(UnitKind.class, res.path("emergencyResourceTypeInternalText").asText(null),
                    where + ".emergencyResourceTypeInternalText", problems);
            UnitStatus us = enumOf(UnitStatus.class, res.path("unitStatusInternal").path(0).asText(null),
                    where + ".unitStatusInternal[0]", problems);
            String unitLocationId = res.path("unitLocationReference").path("$ref").asText("");
            JsonNode ul = byId.get(unitLocationId);
            GeoPoint unitAt = ul == null ? null : position(ul.path("locationByValue").asText(null),
                    pathById.get(unitLocationId) + ".locationByValue", problems);
            fits(callSign, CALL_SIGN_MAX, where + ".emergencyResourceName", "the call-sign", problems);
            if (callSign != null && kind != null && us != null) {
                units.add(new EidoIncident.EidoUnit(callSign, kind, us, unitAt));
                callSignById.put(res.path("$id").asText(), callSign);
            }
        }
        List<EidoIncident.EidoOrder> orders = new ArrayList<>();
        int d = 0;
        for (JsonNode dispatch : root.path("dispatchComponent")) {
            String where = "$.dispatchComponent[" + d++ + "]";
            String id = dispatch.path("$id").asText("");
            String orderNo = id;
            if (id.startsWith(DISPATCH_URN)) {
                // urn:emergency:uid:dispatchid:<order number>:<agency>, the agency part optional
                String rest = id.substring(DISPATCH_URN.length());
                orderNo = unNss(rest.lastIndexOf(':') > 0 ? rest.substring(0, rest.lastIndexOf(':')) : rest);
            }
            if (orderNo.isBlank()) {
                problems.add(new EidoSchema.Problem(where + ".$id", "the dispatch id names no order"));
                continue;
            }
            if (!fits(orderNo, ORDER_NO_MAX, where + ".$id", "the order number", problems)) {
                continue;
            }
            JsonNode note = byId.get(dispatch.path("notesReference").path(0).path("$ref").asText(""));
            Matcher m = note == null ? null : ORDER_NOTE.matcher(note.path("notesActionComments").asText(""));
            if (m == null || !m.matches()) {
                problems.add(new EidoSchema.Problem(where + ".notesReference", "no order note this console can read"));
                continue;
            }
            OrderKind kind = enumOf(OrderKind.class, m.group(1), where + " note kind", problems);
            OrderStatus os = enumOf(OrderStatus.class, m.group(2), where + " note status", problems);
            String unit = callSignById.get(dispatch.path("emergencyResourceReference").path(0).path("$ref").asText(""));
            Instant updated = null;
            try {
                updated = Instant.parse(dispatch.path("lastUpdateTimeStamp").asText(""));
            } catch (DateTimeParseException e) {
                problems.add(new EidoSchema.Problem(where + ".lastUpdateTimeStamp", "not an ISO-8601 instant"));
            }
            String summary = unhtml(m.group(3));
            boolean summaryFits = fits(summary, SUMMARY_MAX, where + " note text", "the order's text", problems);
            if (kind != null && os != null && updated != null && summaryFits) {
                orders.add(new EidoIncident.EidoOrder(orderNo, kind, os, summary, unit, updated));
            }
        }
        if (no == null) {
            problems.add(new EidoSchema.Problem("$.incidentComponent.internalIncidentId", "the incident number is missing"));
        }
        if (!problems.isEmpty()) {
            throw new EidoInvalid(problems);
        }
        return new EidoIncident(no, received, caller, address, position, type, priority, description, status,
                incident.path("beatOrDispatchGroupText").asText(null), agency, orders, units);
    }

    /** The column lengths the imported values go into (V1 schema): checked here, before the database sees them. */
    static final int INCIDENT_NO_MAX = 32;
    static final int CALLER_MAX = 20;
    static final int ADDRESS_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final int ORDER_NO_MAX = 32;
    static final int SUMMARY_MAX = 500;
    static final int CALL_SIGN_MAX = 32;
    private static final String DISPATCH_URN = "urn:emergency:uid:dispatchid:";

    /**
     * One value as part of a URN's namespace-specific string (RFC 8141, RFC 3986 pchar): letters, digits and
     * {@code -._~!$&'()*+,;=@} as they are, everything else (':' the parts' separator, non-ASCII as its UTF-8 bytes)
     * percent-encoded.
     */
    static String nss(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Undoes {@link #nss}; a '%' not followed by two hex digits is kept as it is. */
    static String unNss(String part) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < part.length()) {
            if (part.charAt(i) == '%' && i + 2 < part.length() && Character.digit(part.charAt(i + 1), 16) >= 0
                    && Character.digit(part.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = part.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True when {@code value} (null allowed) fits; else a problem naming the path, the length and the limit. */
    private static boolean fits(String value, int max, String path, String what, List<EidoSchema.Problem> problems) {
        if (value == null || value.length() <= max) {
            return true;
        }
        problems.add(new EidoSchema.Problem(path, what + " has " + value.length() + " characters, at most " + max));
        return false;
    }

    private static String shortText(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * The point in a PIDF-LO {@code gml:pos} ("lat lon"), or null where there is none; a point that is not two finite
     * numbers within -90..90 and -180..180 (1.2.3, 1e999, a latitude of 95, latitude and longitude swapped) is a
     * problem at {@code path}.
     */
    private static GeoPoint position(String pidf, String path, List<EidoSchema.Problem> problems) {
        if (pidf == null) {
            return null;
        }
        Matcher m = POS.matcher(pidf);
        if (!m.find()) {
            return null;
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(m.group(1));
            lon = Double.parseDouble(m.group(2));
        } catch (NumberFormatException e) {
            problems.add(new EidoSchema.Problem(path, "the position '" + shortText(m.group(1) + " " + m.group(2))
                    + "' is not two numbers (latitude longitude)"));
            return null;
        }
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            problems.add(new EidoSchema.Problem(path, "the position " + shortText(m.group(1)) + " " + shortText(m.group(2))
                    + " is not a latitude within -90..90 and a longitude within -180..180"
                    + (Math.abs(lon) <= 90 && Math.abs(lat) <= 180 && Math.abs(lat) > 90 ? " (latitude and longitude swapped?)" : "")));
            return null;
        }
        return GeoPoint.wgs84(lat, lon);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String path, List<EidoSchema.Problem> problems) {
        if (value == null) {
            problems.add(new EidoSchema.Problem(path, "missing; expected one of " + List.of(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new EidoSchema.Problem(path, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unhtml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String xml(String s) {
        return html(s).replace("'", "&apos;");
    }
}
