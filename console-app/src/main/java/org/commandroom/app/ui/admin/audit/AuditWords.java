package org.commandroom.app.ui.admin.audit;

import java.util.Map;
import org.commandroom.app.ui.common.I18n;
import org.commandroom.core.audit.AuditChain;
import org.commandroom.core.dispatch.OrderEventType;

/**
 * The audit trail in the administrator's words: a label for each action and kind of record the console writes
 * (the code itself for one it does not know, such as an action a newer version adds), and each break of the hash
 * chain said in a sentence. The trail and its CSV keep the codes; only the screen translates them.
 */
final class AuditWords {

    /** Actions with a label of their own; {@code ORDER_<event>} takes the order event's label. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("LOGIN", "admin.audit.action.LOGIN"),
            Map.entry("LOGIN_FAILED", "admin.audit.action.LOGIN_FAILED"),
            Map.entry("LOCKOUT", "admin.audit.action.LOCKOUT"),
            Map.entry("SESSION_LOCK", "admin.audit.action.SESSION_LOCK"),
            Map.entry("SESSION_UNLOCK", "admin.audit.action.SESSION_UNLOCK"),
            Map.entry("PASSWORD_CHANGE", "admin.audit.action.PASSWORD_CHANGE"),
            Map.entry("PASSWORD_RESET", "admin.audit.action.PASSWORD_RESET"),
            Map.entry("USER_CREATE", "admin.audit.action.USER_CREATE"),
            Map.entry("USER_ROLES", "admin.audit.action.USER_ROLES"),
            Map.entry("USER_ACTIVE", "admin.audit.action.USER_ACTIVE"),
            Map.entry("USER_UNLOCK", "admin.audit.action.USER_UNLOCK"),
            Map.entry("REFUSED", "admin.audit.action.REFUSED"),
            Map.entry("INTAKE", "admin.audit.action.INTAKE"),
            Map.entry("IMPORT_CALLS", "admin.audit.action.IMPORT_CALLS"),
            Map.entry("DISPATCH", "admin.audit.action.DISPATCH"),
            Map.entry("ORDER_CORRECT", "admin.audit.action.ORDER_CORRECT"),
            Map.entry("ALERT_ACK", "admin.audit.action.ALERT_ACK"),
            Map.entry("INDEX_ENTRY", "admin.audit.action.INDEX_ENTRY"),
            Map.entry("INDEX_IMPORT", "admin.audit.action.INDEX_IMPORT"),
            Map.entry("IMPORT", "admin.audit.action.IMPORT"),
            Map.entry("HOUSE_SAVE", "admin.audit.action.HOUSE_SAVE"),
            Map.entry("HOUSE_INSPECTION", "admin.audit.action.HOUSE_INSPECTION"),
            Map.entry("PREVENTION_RULES", "admin.audit.action.PREVENTION_RULES"),
            Map.entry("MODEL_ALERT", "admin.audit.action.MODEL_ALERT"),
            Map.entry("MODEL_ALERT_RULES", "admin.audit.action.MODEL_ALERT_RULES"),
            Map.entry("RECEIVER_ASSIGN", "admin.audit.action.RECEIVER_ASSIGN"),
            Map.entry("RECEIVER_REMOVE", "admin.audit.action.RECEIVER_REMOVE"),
            Map.entry("SCHEMA_MIGRATE", "admin.audit.action.SCHEMA_MIGRATE"),
            Map.entry("DB_ROLES", "admin.audit.action.DB_ROLES"),
            Map.entry("DEMO_GENERATE", "admin.audit.action.DEMO_GENERATE"),
            Map.entry("BACKUP", "admin.audit.action.BACKUP"),
            Map.entry("RESTORE", "admin.audit.action.RESTORE"),
            Map.entry("AUDIT_EXPORT", "admin.audit.action.AUDIT_EXPORT"),
            Map.entry("OFFICER_EDIT", "admin.audit.action.OFFICER_EDIT"),
            Map.entry("UNIT_EDIT", "admin.audit.action.UNIT_EDIT"),
            Map.entry("GRID_OFFICER", "admin.audit.action.GRID_OFFICER"),
            Map.entry("CAMERA_IN_SERVICE", "admin.audit.action.CAMERA_IN_SERVICE"),
            Map.entry("CAMERA_OUT_OF_SERVICE", "admin.audit.action.CAMERA_OUT_OF_SERVICE"),
            Map.entry("OFFICER_RETIRE", "admin.audit.action.OFFICER_RETIRE"),
            Map.entry("OFFICER_REACTIVATE", "admin.audit.action.OFFICER_REACTIVATE"),
            Map.entry("UNIT_RETIRE", "admin.audit.action.UNIT_RETIRE"),
            Map.entry("UNIT_REACTIVATE", "admin.audit.action.UNIT_REACTIVATE"),
            Map.entry("ROSTER_ADD", "admin.audit.action.ROSTER_ADD"),
            Map.entry("ROSTER_CHANGE", "admin.audit.action.ROSTER_CHANGE"),
            Map.entry("ROSTER_DELETE", "admin.audit.action.ROSTER_DELETE"),
            Map.entry("ROSTER_COPY", "admin.audit.action.ROSTER_COPY"),
            Map.entry("ROSTER_IMPORT", "admin.audit.action.ROSTER_IMPORT"),
            Map.entry("CAP_ISSUE", "admin.audit.action.CAP_ISSUE"),
            Map.entry("CAP_UPDATE", "admin.audit.action.CAP_UPDATE"),
            Map.entry("CAP_CANCEL", "admin.audit.action.CAP_CANCEL"),
            Map.entry("CAP_RECEIVED", "admin.audit.action.CAP_RECEIVED"),
            Map.entry("CAP_POSTED", "admin.audit.action.CAP_POSTED"),
            Map.entry("CAP_POST_FAILED", "admin.audit.action.CAP_POST_FAILED"),
            Map.entry("COMMUNITY_RISK_RULE", "admin.audit.action.COMMUNITY_RISK_RULE"),
            Map.entry("STANDARD_TASK_CAMPAIGN", "admin.audit.action.STANDARD_TASK_CAMPAIGN"),
            Map.entry("STANDARD_TASK_ISSUE", "admin.audit.action.STANDARD_TASK_ISSUE"),
            Map.entry("STANDARD_TASK_SAVE", "admin.audit.action.STANDARD_TASK_SAVE"));

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("USER", "admin.audit.entity.USER"),
            Map.entry("INCIDENT", "admin.audit.entity.INCIDENT"),
            Map.entry("ORDER", "admin.audit.entity.ORDER"),
            Map.entry("UNIT", "admin.audit.entity.UNIT"),
            Map.entry("STATION", "admin.audit.entity.STATION"),
            Map.entry("HOUSE", "admin.audit.entity.HOUSE"),
            Map.entry("METER_READING", "admin.audit.entity.METER_READING"),
            Map.entry("MODEL_ALERT_RULE", "admin.audit.entity.MODEL_ALERT_RULE"),
            Map.entry("RECEIVER", "admin.audit.entity.RECEIVER"),
            Map.entry("DATABASE", "admin.audit.entity.DATABASE"),
            Map.entry("AUDIT", "admin.audit.entity.AUDIT"),
            Map.entry("ORGANISATION", "admin.audit.entity.ORGANISATION"),
            Map.entry("CAMERA_CATALOGUE", "admin.audit.entity.CAMERA_CATALOGUE"),
            Map.entry("CAMERAS", "admin.audit.entity.CAMERAS"),
            Map.entry("STREETS", "admin.audit.entity.STREETS"),
            Map.entry("COMMUNITIES", "admin.audit.entity.COMMUNITIES"),
            Map.entry("MICRO_GRIDS", "admin.audit.entity.MICRO_GRIDS"),
            Map.entry("POLICE_GRIDS", "admin.audit.entity.POLICE_GRIDS"),
            Map.entry("PATROL_ZONES", "admin.audit.entity.PATROL_ZONES"),
            Map.entry("GEOGRAPHY", "admin.audit.entity.GEOGRAPHY"),
            Map.entry("CAMERA", "admin.audit.entity.CAMERA"),
            Map.entry("OFFICER", "admin.audit.entity.OFFICER"),
            Map.entry("HISTORY", "admin.audit.entity.HISTORY"),
            Map.entry("DUTY_SHIFT", "admin.audit.entity.DUTY_SHIFT"),
            Map.entry("CAP_ALERT", "admin.audit.entity.CAP_ALERT"),
            Map.entry("COMMUNITY_RISK_RULE", "admin.audit.entity.COMMUNITY_RISK_RULE"),
            Map.entry("STANDARD_TASK", "admin.audit.entity.STANDARD_TASK"));

    private static final String ORDER_PREFIX = "ORDER_";

    private final I18n i18n;

    AuditWords(I18n i18n) {
        this.i18n = i18n;
    }

    /** The action's label, or its code when the console has none for it; empty for null. */
    String action(String code) {
        if (code == null) {
            return "";
        }
        String key = ACTIONS.get(code);
        if (key != null) {
            return i18n.tr(key);
        }
        if (code.startsWith(ORDER_PREFIX)) {
            for (OrderEventType e : OrderEventType.values()) {
                if (e.name().equals(code.substring(ORDER_PREFIX.length()))) {
                    return i18n.tr("admin.audit.action.order", i18n.label(e));
                }
            }
        }
        return code;
    }

    /** The action as the choice of actions shows it: the label with the code, so that both can be looked for. */
    String actionChoice(String code) {
        if (code == null || code.isEmpty()) {
            return i18n.tr("admin.audit.filter.allActions");
        }
        String label = action(code);
        return label.equals(code) ? code : i18n.tr("admin.audit.choice", label, code);
    }

    /** The kind of record's label, or its code; empty for null. */
    String entity(String code) {
        if (code == null) {
            return "";
        }
        String key = ENTITIES.get(code);
        return key == null ? code : i18n.tr(key);
    }

    String entityChoice(String code) {
        if (code == null || code.isEmpty()) {
            return i18n.tr("admin.audit.filter.allEntities");
        }
        String label = entity(code);
        return label.equals(code) ? code : i18n.tr("admin.audit.choice", label, code);
    }

    /** One break of the chain in a sentence (row numbers as seq, without grouping, as the table's first column). */
    String chainBreak(AuditChain.Break b) {
        String seq = Long.toString(b.seq());
        String last = Long.toString(b.lastSeq());
        return switch (b.kind()) {
            case MISSING -> b.lastSeq() > b.seq() ? i18n.tr("admin.audit.break.missingRange", seq, last)
                    : i18n.tr("admin.audit.break.missing", seq);
            case DOES_NOT_FOLLOW -> i18n.tr("admin.audit.break.doesNotFollow", seq);
            case CHANGED -> i18n.tr("admin.audit.break.changed", seq);
            case END_DELETED -> b.seq() > b.lastSeq() + 1
                    ? i18n.tr("admin.audit.break.missingRange", Long.toString(b.lastSeq() + 1), seq)
                    : i18n.tr("admin.audit.break.missing", seq);
            case HEAD_BEHIND -> i18n.tr("admin.audit.break.headBehind", Long.toString(b.seq() + 1), last, seq);
            case HEAD_DIFFERS -> i18n.tr("admin.audit.break.headDiffers", seq);
            case HEAD_MISSING -> i18n.tr("admin.audit.break.headMissing");
        };
    }
}
