package org.commandroom.core.incident;

/** The top-level category of a 110 incident, as the queue and the statistics group them. */
public enum IncidentCategory {
    CRIMINAL,
    PUBLIC_ORDER,
    TRAFFIC,
    DISPUTE,
    HELP,
    NON_POLICE
}
