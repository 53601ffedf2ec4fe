package org.commandroom.core.eido;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentStatus;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.text.Text;

/**
 * Reads an EIDO written by someone else into what this console can record (docs/INTAKE.md, "EIDO from elsewhere").
 * Pure: no database. Lenient where the sender is sloppy (an incident component as an array, {@code
 * locationInformationComponent}, prologue names with a capital letter) and strict about values: whatever cannot be
 * mapped (an unknown common type, a priority outside 0..10, a malformed PIDF-LO, a value longer than its column, a
 * component the console has no place for) is named in {@link EidoReading#notTaken()} at its JSON path with why, never
 * dropped silently and never thrown. Only a document with no incident component at all is refused ({@link EidoInvalid}).
 *
 * <p>Priority rule: EIDO's {@code incidentCommonPriorityNumber} runs 0..10 with 10 the highest; 7-10 is this console's
 * 1 (urgent), 4-6 its 2 (prompt), 0-3 its 3 (routine). Missing or unusable, the type's own priority is used.
 */
final class ForeignEido {

    private static final Set<String> READ = Set.of("$id", "lastUpdateTimeStamp", "LastUpdateTimeStamp",
            "updatedByAgencyReference", "updatedByAgentReference", "OwningAgencyIdentifier", "UpdatedByAgentIdentifier",
            "eidoVersion", "EIDOVersion", "incidentTrackingIdentifier", "reasonForIssueRegistryText",
            "issuingElementIdentification", "@context", "incidentComponent", "callComponent", "callbackComponent",
            "notesComponent", "locationComponent", "locationInformationComponent", "emergencyResourceComponent",
            "agencyComponent", "agentComponent", "dispatchComponent");

    private final EidoTypeMap types;

    ForeignEido(EidoTypeMap types) {
        this.types = types;
    }

    /** The console's priority (1..3) for EIDO's common priority (0..10, 10 the highest). */
    static int priority(int common) {
        return common >= 7 ? 1 : common >= 4 ? 2 : 3;
    }

    EidoReading read(JsonNode root, Instant now, List<EidoSchema.Problem> deviations) {
        List<EidoReading.NotTaken> out = new ArrayList<>();
        JsonNode incidents = root.path("incidentComponent");
        String incPath = "$.incidentComponent";
        JsonNode incident = incidents;
        if (incidents.isArray()) {
            incident = incidents.path(0);
            incPath = "$.incidentComponent[0]";
            for (int i = 1; i < incidents.size(); i++) {
                out.add(new EidoReading.NotTaken("$.incidentComponent[" + i + "]",
                        Text.of("core.eido.notTaken.secondIncident")));
            }
        }
        if (!incident.isObject()) {
            throw new EidoInvalid(List.of(new EidoSchema.Problem("$.incidentComponent", "an incident component is required")));
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        Map<String, String> pathById = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!READ.contains(e.getKey())) {
                out.add(new EidoReading.NotTaken("$." + e.getKey(), Text.of("core.eido.notTaken.unknownPart")));
            }
            int i = 0;
            for (JsonNode c : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                if (c.isObject() && c.path("$id").isTextual()) {
                    byId.putIfAbsent(c.get("$id").asText(), c);
                    pathById.putIfAbsent(c.get("$id").asText(), "$." + e.getKey()
                            + (e.getValue().isArray() ? "[" + i + "]" : ""));
                }
                i++;
            }
        });

        // Type: the bureau's table over the common registry code.
        String common = text(incident.path("incidentTypeCommonRegistryText"));
        IncidentType type = null;
        Optional<IncidentType> mapped = types.typeOf(common);
        if (mapped.isPresent()) {
            type = mapped.get();
        } else {
            out.add(new EidoReading.NotTaken(incPath + ".incidentTypeCommonRegistryText", common == null
                    ? Text.of("core.eido.notTaken.noCommonType")
                    : Text.of("core.eido.notTaken.typeNotMapped", shorten(common))));
        }
        String internalCode = text(incident.path("incidentTypeInternalCode"));
        String internalText = text(incident.path("incidentTypeInternalText"));
        if (internalCode != null || internalText != null) {
            out.add(new EidoReading.NotTaken(incPath + ".incidentTypeInternalCode", Text.of("core.eido.notTaken.senderType",
                    shorten(join(" ", internalCode, internalText)))));
        }
        if (incident.has("incidentStatusInternalText") || incident.has("incidentStatusCommonRegistryText")) {
            out.add(new EidoReading.NotTaken(incPath + ".incidentStatusInternalText",
                    Text.of("core.eido.notTaken.senderStatus")));
        }

        // Priority by the stated rule.
        Integer priority = null;
        JsonNode p = incident.path("incidentCommonPriorityNumber");
        if (!p.isMissingNode() && !p.isNull()) {
            if (p.isIntegralNumber() && p.canConvertToInt() && p.intValue() >= 0 && p.intValue() <= 10) {
                priority = priority(p.intValue());
            } else {
                out.add(new EidoReading.NotTaken(incPath + ".incidentCommonPriorityNumber", Text.of("core.eido.notTaken.priority",
                        shorten(p.asText(p.toString())))));
            }
        }
        if (priority == null) {
            priority = type == null ? 3 : type.defaultPriority();
        }

        // The incident number: the sender's, where it fits.
        String no = text(incident.path("internalIncidentId"));
        if (no != null && no.length() > EidoMapper.INCIDENT_NO_MAX) {
            out.add(new EidoReading.NotTaken(incPath + ".internalIncidentId", Text.of("core.eido.notTaken.incidentNoTooLong",
                    no.length(), EidoMapper.INCIDENT_NO_MAX)));
            no = null;
        }

        // When: the call's start, else the incident's or the document's update time, else now.
        Instant received = null;
        JsonNode call = root.path("callComponent").isArray() ? root.path("callComponent").path(0) : root.path("callComponent");
        String[][] times = {{"$.callComponent[0].callStartTimestamp", call.path("callStartTimestamp").asText(null)},
                {incPath + ".lastUpdateTimeStamp", firstText(incident, "lastUpdateTimeStamp", "LastUpdateTimeStamp")},
                {"$.lastUpdateTimeStamp", firstText(root, "lastUpdateTimeStamp", "LastUpdateTimeStamp")}};
        for (String[] t : times) {
            if (t[1] == null) {
                continue;
            }
            try {
                received = Instant.parse(t[1]);
                break;
            } catch (DateTimeParseException e) {
                out.add(new EidoReading.NotTaken(t[0], Text.of("core.eido.notTaken.notInstant", shorten(t[1]))));
            }
        }
        if (received == null) {
            received = now;
        }

        // Caller: the first tel: URI of a callback component.
        String caller = null;
        int c = 0;
        for (JsonNode cb : array(root.path("callbackComponent"))) {
            String where = "$.callbackComponent[" + c++ + "].callBackInformationUri";
            int u = 0;
            for (JsonNode uri : array(cb.path("callBackInformationUri"))) {
                String s = uri.asText("");
                String at = where + "[" + u++ + "]";
                if (caller == null && s.startsWith("tel:")) {
                    String number = s.substring(4).replace("-", "").replace(" ", "");
                    if (number.length() <= EidoMapper.CALLER_MAX && !number.isEmpty()) {
                        caller = number;
                        continue;
                    }
                    out.add(new EidoReading.NotTaken(at, Text.of("core.eido.notTaken.callerTooLong",
                            number.length(), EidoMapper.CALLER_MAX)));
                } else {
                    out.add(new EidoReading.NotTaken(at, Text.of("core.eido.notTaken.otherUri",
                            shorten(s))));
                }
            }
        }

        // Location: the incident's location (its reference, else the first location component).
        List<String> info = new ArrayList<>();
        String locId = incident.path("locationReference").path(0).path("$ref").asText(null);
        String locPath = locId == null ? null : pathById.get(locId);
        JsonNode loc = locId == null ? null : byId.get(locId);
        String locKey = root.has("locationComponent") ? "locationComponent" : "locationInformationComponent";
        if (loc == null && !array(root.path(locKey)).isEmpty()) {
            loc = array(root.path(locKey)).get(0);
            locPath = "$." + locKey + (root.path(locKey).isArray() ? "[0]" : "");
        }
        GeoPoint position = null;
        String address = null;
        if (loc == null) {
            out.add(new EidoReading.NotTaken(incPath + ".locationReference", Text.of("core.eido.notTaken.noLocation")));
        } else {
            String described = text(loc.path("locationDescriptionText"));
            String pidf = text(loc.path("locationByValue"));
            String civic = null;
            if (pidf != null) {
                PidfLo.Location l = PidfLo.read(pidf);
                position = l.position();
                civic = l.civicText();
                for (Text problem : l.problems()) {
                    out.add(new EidoReading.NotTaken(locPath + ".locationByValue", problem));
                }
            }
            if (loc.has("locationByReference")) {
                out.add(new EidoReading.NotTaken(locPath + ".locationByReference",
                        Text.of("core.eido.notTaken.byReference")));
            }
            address = civic != null ? civic : described;
            if (civic != null && described != null && !described.equals(civic)) {
                info.add("location: " + described);
            }
            if (address != null && address.length() > EidoMapper.ADDRESS_MAX) {
                out.add(new EidoReading.NotTaken(locPath + (civic != null ? ".locationByValue" : ".locationDescriptionText"),
                        Text.of("core.eido.notTaken.addressTooLong", address.length(),
                                EidoMapper.ADDRESS_MAX)));
                address = null;
            }
        }
        if ((address == null || address.isBlank()) && position != null) {
            // Intake needs an address line: a place given only as a shape is written as its WGS-84 point.
            address = String.format(java.util.Locale.ROOT, "%.6f, %.6f (WGS-84)", position.lat(), position.lon());
        }
        for (String key : List.of("locationComponent", "locationInformationComponent")) {
            int i = 0;
            for (JsonNode other : array(root.path(key))) {
                String at = "$." + key + (root.path(key).isArray() ? "[" + i + "]" : "");
                i++;
                if (other != loc) {
                    out.add(new EidoReading.NotTaken(at, other.path("locationTypeDescriptionRegistryText").isValueNode()
                            ? Text.of("core.eido.notTaken.furtherLocation",
                                    shorten(other.path("locationTypeDescriptionRegistryText").asText()))
                            : Text.of("core.eido.notTaken.furtherLocationUntyped")));
                }
            }
        }

        // Information carried in the description: the sender, its type, notes, units.
        String agency = null;
        for (JsonNode a : array(root.path("agencyComponent"))) {
            agency = firstText(a, "organizationIdentification", "agencyIdentification");
            if (agency != null) {
                break;
            }
        }
        if (agency != null) {
            info.add(0, "from: " + agency);
        }
        if (internalCode != null || internalText != null) {
            info.add("sender's type: " + join(" ", internalCode, internalText) + (common == null ? "" : " (" + common + ")"));
        }
        String priorityText = text(incident.path("incidentPriorityInternalText"));
        if (priorityText != null) {
            info.add("sender's priority: " + priorityText);
        }
        int n = 0;
        for (JsonNode note : array(root.path("notesComponent"))) {
            String s = text(note.path("notesActionComments"));
            if (s != null) {
                info.add("note: " + unhtml(s));
            } else {
                out.add(new EidoReading.NotTaken("$.notesComponent[" + n + "]", Text.of("core.eido.notTaken.noteWithoutText")));
            }
            n++;
        }
        List<String> units = new ArrayList<>();
        int r = 0;
        for (JsonNode res : array(root.path("emergencyResourceComponent"))) {
            String name = text(res.path("emergencyResourceName"));
            if (name == null) {
                out.add(new EidoReading.NotTaken("$.emergencyResourceComponent[" + r + "]", Text.of("core.eido.notTaken.unitWithoutName")));
            } else {
                units.add(name + " (" + join(", ", text(res.path("emergencyResourceTypeCommonRegistryText")),
                        text(res.path("primaryUnitStatusRegistryText"))) + ")");
            }
            r++;
        }
        if (!units.isEmpty()) {
            info.add("units: " + String.join("; ", units));
            out.add(new EidoReading.NotTaken("$.emergencyResourceComponent",
                    Text.of("core.eido.notTaken.units")));
        }
        int d = 0;
        for (JsonNode ignored : array(root.path("dispatchComponent"))) {
            out.add(new EidoReading.NotTaken("$.dispatchComponent[" + d++ + "]",
                    Text.of("core.eido.notTaken.dispatch")));
        }
        if (!array(root.path("agentComponent")).isEmpty()) {
            out.add(new EidoReading.NotTaken("$.agentComponent", Text.of("core.eido.notTaken.agents")));
        }
        String description = String.join("\n", info);
        if (description.length() > EidoMapper.DESCRIPTION_MAX) {
            out.add(new EidoReading.NotTaken("$.notesComponent", Text.of("core.eido.notTaken.notesTooLong",
                    description.length(), EidoMapper.DESCRIPTION_MAX)));
            description = description.substring(0, EidoMapper.DESCRIPTION_MAX);
        }
        EidoIncident e = new EidoIncident(no, received, caller, address == null ? "" : address, position, type, priority,
                description.isEmpty() ? null : description, IncidentStatus.NEW, null, agency, List.of(), List.of());
        return new EidoReading(e, false, common, out, deviations);
    }

    private static List<JsonNode> array(JsonNode n) {
        if (n.isArray()) {
            List<JsonNode> l = new ArrayList<>();
            n.forEach(l::add);
            return l;
        }
        return n.isObject() ? List.of(n) : List.of();
    }

    private static String text(JsonNode n) {
        if (n.isArray()) {
            n = n.path(0);
        }
        if (!n.isValueNode() || n.isNull()) {
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstText(JsonNode n, String... names) {
        for (String name : names) {
            String s = text(n.path(name));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                b.append(b.length() > 0 ? sep : "").append(s);
            }
        }
        return b.toString();
    }

    private static String unhtml(String s) {
        return s.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
