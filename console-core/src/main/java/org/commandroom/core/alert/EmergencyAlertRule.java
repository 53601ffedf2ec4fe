package org.commandroom.core.alert;

import java.time.Instant;
import java.util.Locale;
import org.commandroom.core.dispatch.push.UnitEmergency;
import org.commandroom.core.geo.GeoPoint;

/**
 * A unit's emergency button (民警遇险) as an alert: one per terminal message (keyed by its messageId, so a message
 * heard twice, or by several listeners, alerts once), naming the unit and showing its last position.
 */
public final class EmergencyAlertRule {

    private EmergencyAlertRule() {
    }

    public static AlertTrigger trigger(UnitEmergency e, Instant now) {
        GeoPoint p = e.position();
        String where = p == null ? "?" : String.format(Locale.ROOT, "%.5f,%.5f %s", p.lat(), p.lon(), p.datum());
        String detail = e.text() == null || e.text().isBlank() ? where : where + " " + e.text();
        return new AlertTrigger(AlertKind.UNIT_EMERGENCY, "emergency:" + e.messageId(), e.unitId(), e.callSign(), detail,
                null, now);
    }
}
