package org.commandroom.core.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.commandroom.core.dispatch.TaskOrderService.TaskRequest;
import org.commandroom.core.draft.Draft;
import org.commandroom.core.draft.DraftHandler;
import org.commandroom.core.draft.Drafts;
import org.commandroom.core.geo.Datum;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.ConcurrentChangeException;
import org.commandroom.core.store.Database;

/**
 * Task orders (F4) issued while the database was gone (docs/DURABILITY.md): kept as drafts of kind {@value #KIND} and
 * issued when the database returns, at most once under the draft's id ({@link TaskOrderService#issueKept}). A unit
 * that is no longer free by then, or a request the service refuses, leaves the draft in place with its reason for the
 * commander to see; nothing typed is lost.
 */
public final class TaskDrafts {

    public static final String KIND = "TASK";
    /** Reason keys shown to the operator (the client's bundles). */
    public static final String REFUSED_UNIT_TAKEN = "task.draft.unitTaken";
    public static final String REFUSED_INVALID = "task.draft.invalid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Drafts drafts;
    private final TaskOrderService service;

    public TaskDrafts(Drafts drafts, TaskOrderService service) {
        this.drafts = drafts;
        this.service = service;
        drafts.register(KIND, this::save);
    }

    /** Keeps an order the database could not take now; it is on disk when this returns. */
    public Draft keep(TaskRequest request, String actor, String summary) {
        return drafts.keep(KIND, actor, summary, toJson(request));
    }

    private DraftHandler.Result save(Draft d) {
        try {
            service.issueKept(fromJson(d.payload()), d.actor(), d.id());
            return DraftHandler.Result.saved();
        } catch (ConcurrentChangeException e) {
            return DraftHandler.Result.refused(REFUSED_UNIT_TAKEN);
        } catch (IllegalArgumentException e) {
            return DraftHandler.Result.refused(REFUSED_INVALID);
        } catch (RuntimeException e) {
            if (Database.isConnectionLoss(e)) {
                return DraftHandler.Result.retry();
            }
            throw e;
        }
    }

    static ObjectNode toJson(TaskRequest r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", r.kind() == null ? null : r.kind().name());
        n.put("stationId", r.stationId());
        if (r.unitId() != null) {
            n.put("unitId", r.unitId());
        }
        if (r.officerId() != null) {
            n.put("officerId", r.officerId());
        }
        n.put("summary", r.summary());
        if (r.target() != null) {
            n.put("lat", r.target().lat());
            n.put("lon", r.target().lon());
            n.put("datum", r.target().datum().name());
        }
        n.put("incidentType", r.incidentType() == null ? null : r.incidentType().name());
        if (r.incidentId() != null) {
            n.put("incidentId", r.incidentId());
        }
        if (r.feedbackWithin() != null) {
            n.put("feedbackWithin", r.feedbackWithin().toString());
        }
        return n;
    }

    static TaskRequest fromJson(JsonNode n) {
        GeoPoint at = n.hasNonNull("lat")
                ? new GeoPoint(n.get("lat").asDouble(), n.get("lon").asDouble(), Datum.valueOf(n.get("datum").asText()))
                : null;
        return new TaskRequest(n.hasNonNull("kind") ? OrderKind.valueOf(n.get("kind").asText()) : null,
                n.get("stationId").asLong(), n.hasNonNull("unitId") ? n.get("unitId").asLong() : null, null,
                n.hasNonNull("officerId") ? n.get("officerId").asLong() : null,
                n.hasNonNull("summary") ? n.get("summary").asText() : null, at,
                n.hasNonNull("incidentType") ? IncidentType.valueOf(n.get("incidentType").asText()) : null,
                n.hasNonNull("incidentId") ? n.get("incidentId").asLong() : null,
                n.hasNonNull("feedbackWithin") ? Duration.parse(n.get("feedbackWithin").asText()) : null);
    }
}
