package org.commandroom.core.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import org.commandroom.core.draft.Draft;
import org.commandroom.core.draft.DraftHandler;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Database;

/**
 * Calls typed while the database was gone (docs/DURABILITY.md): kept as drafts of kind {@value #KIND} with the
 * time the commander pressed Enter as the call's received time (so its waiting time on the queue is true), and
 * recorded when the database returns, under the draft's id so that none is stored twice.
 */
public final class CallDrafts {

    public static final String KIND = "CALL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Drafts drafts;
    private final IntakeService intake;
    private final Clock clock;

    public CallDrafts(Drafts drafts, IntakeService intake, Clock clock) {
        this.drafts = drafts;
        this.intake = intake;
        this.clock = clock;
        drafts.register(KIND, this::save);
    }

    public Drafts drafts() {
        return drafts;
    }

    /** The time a call is received at now, by the console's clock (taken when the commander presses Enter). */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Keeps a call the database could not take now; it is on disk when this returns. {@code summary} is the line the
     * operator knows it by, in his words (the address and the type's name).
     */
    public Draft keep(CallReport report, String actor, String summary) {
        CallReport timed = report.receivedAt() != null ? report : new CallReport(report.callerNumber(), report.address(),
                report.position(), report.type(), report.priority(), report.description(), clock.instant(), report.incidentNo());
        return drafts.keep(KIND, actor, summary, toJson(timed));
    }

    private DraftHandler.Result save(Draft d) {
        try {
            intake.record(fromJson(d.payload()), d.actor(), d.id());
            return DraftHandler.Result.saved();
        } catch (IntakeRejected e) {
            return DraftHandler.Result.refused("intake.error." + e.reason().name());
        } catch (RuntimeException e) {
            if (Database.isConnectionLoss(e)) {
                return DraftHandler.Result.retry();
            }
            throw e;
        }
    }

    static ObjectNode toJson(CallReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("callerNumber", r.callerNumber());
        n.put("address", r.address());
        if (r.position() != null) {
            n.put("lat", r.position().lat());
            n.put("lon", r.position().lon());
            n.put("datum", r.position().datum().name());
        }
        n.put("type", r.type() == null ? null : r.type().name());
        if (r.priority() != null) {
            n.put("priority", r.priority());
        }
        n.put("description", r.description());
        n.put("receivedAt", r.receivedAt() == null ? null : r.receivedAt().toString());
        n.put("incidentNo", r.incidentNo());
        return n;
    }

    static CallReport fromJson(JsonNode n) {
        GeoPoint at = n.hasNonNull("lat")
                ? new GeoPoint(n.get("lat").asDouble(), n.get("lon").asDouble(), Datum.valueOf(n.get("datum").asText()))
                : null;
        return new CallReport(text(n, "callerNumber"), text(n, "address"), at,
                n.hasNonNull("type") ? IncidentType.valueOf(n.get("type").asText()) : null,
                n.hasNonNull("priority") ? n.get("priority").asInt() : null, text(n, "description"),
                n.hasNonNull("receivedAt") ? Instant.parse(n.get("receivedAt").asText()) : null, text(n, "incidentNo"));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
