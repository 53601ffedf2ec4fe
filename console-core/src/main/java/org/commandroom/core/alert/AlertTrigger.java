package org.commandroom.core.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One event that asks for an alert.
 *
 * @param kind      what happened
 * @param key       unique per event ({@code incident:42:NEW}); the same key never alerts twice
 * @param entityId  the incident's or order's id
 * @param reference its number as people read it (J…, ZL…)
 * @param detail    a short line of data to show (address, call-sign), may be null
 * @param code      a machine-readable qualifier the screen translates (e.g. SIGN / FEEDBACK, an incident
 *                  type), may be null
 * @param at        when it was noticed
 */
public record AlertTrigger(AlertKind kind, String key, long entityId, String reference, String detail, String code,
                           Instant at) {

    public AlertTrigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(at, "at");
    }
}
