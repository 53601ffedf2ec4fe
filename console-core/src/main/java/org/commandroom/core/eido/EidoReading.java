package org.commandroom.core.eido;

import java.util.List;
import java.util.Locale;
import org.commandroom.core.text.Text;

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

    /** One thing in the document that the console did not take: where (its JSON path) and why, said in either language. */
    public record NotTaken(String path, Text why) {

        /** Why, in English (the log, the command line). */
        public String reason() {
            return why.english();
        }

        /** Its path and why, in {@code locale}'s language; the path stays as it is in the document. */
        public String in(Locale locale) {
            return path + ": " + why.in(locale);
        }

        @Override
        public String toString() {
            return path + ": " + reason();
        }
    }
}
