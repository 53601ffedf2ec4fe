package org.commandroom.core.eido;

import java.util.List;

/**
 * What the console can record from an EIDO: the incident as far as it could be mapped (type or position may be null
 * for an EIDO from elsewhere), whether it came from this console, and everything the document carried that was not
 * taken, each at its JSON path with why. {@code deviations} are the places where the document does not follow NENA's
 * schema (told, not refused, for an EIDO from elsewhere).
 */
public record EidoReading(EidoIncident incident, boolean ownConsole, String commonType, List<NotTaken> notTaken,
                          List<EidoSchema.Problem> deviations) {

    public EidoReading {
        notTaken = List.copyOf(notTaken);
        deviations = List.copyOf(deviations);
    }

    /** One thing in the document that the console did not take: where and why. */
    public record NotTaken(String path, String reason) {
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }
}
