package org.commandroom.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows of the audit trail to read (every part optional; {@link #ALL} takes every row).
 *
 * @param from        rows at or after this instant, or null
 * @param to          rows before this instant (exclusive), or null for up to now and later
 * @param actor       the actor's log-in name, or null
 * @param actorPrefix whether {@code actor} is the beginning of the name ({@code li} finds {@code lim} and
 *                    {@code lixia}) rather than the whole of it
 * @param action      one action exactly ({@link AuditService#actions()} lists those present), or null
 * @param entity      one kind of record exactly ({@code ORDER}, {@code USER} …), or null
 * @param text        words looked for in the detail, case-insensitively, or a record's id when it is a number;
 *                    or null
 */
public record AuditFilter(Instant from, Instant to, String actor, boolean actorPrefix, String action, String entity,
                          String text) {

    /** Every row. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, false, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        entity = blankToNull(entity);
        text = blankToNull(text);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the start " + from + " is not before the end " + to);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public AuditFilter between(Instant newFrom, Instant newTo) {
        return new AuditFilter(newFrom, newTo, actor, actorPrefix, action, entity, text);
    }

    /** Rows of one actor, or of every actor whose name begins with {@code name} when {@code prefix}. */
    public AuditFilter byActor(String name, boolean prefix) {
        return new AuditFilter(from, to, name, prefix, action, entity, text);
    }

    public AuditFilter withAction(String newAction) {
        return new AuditFilter(from, to, actor, actorPrefix, newAction, entity, text);
    }

    public AuditFilter withEntity(String newEntity) {
        return new AuditFilter(from, to, actor, actorPrefix, action, newEntity, text);
    }

    public AuditFilter containing(String newText) {
        return new AuditFilter(from, to, actor, actorPrefix, action, entity, newText);
    }

    /** The text as a record id, when it is one (digits only), else null. */
    Long textAsId() {
        if (text == null || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(text);
    }

    /** The filter in words, for the audit row of an export: {@code action=LOGIN actor=li* from=…}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (actor != null) {
            parts.add("actor=" + actor + (actorPrefix ? "*" : ""));
        }
        if (action != null) {
            parts.add("action=" + action);
        }
        if (entity != null) {
            parts.add("entity=" + entity);
        }
        if (text != null) {
            parts.add("text=\"" + text + "\"");
        }
        return parts.isEmpty() ? "all rows" : String.join(" ", parts);
    }
}
