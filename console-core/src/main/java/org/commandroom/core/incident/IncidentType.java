package org.commandroom.core.incident;

/**
 * The kind of incident within its category, with the priority an incident of this kind gets unless
 * the commander says otherwise (1 = urgent, 2 = prompt, 3 = routine). The finer kinds are the ones
 * the prevention index counts (fights, gambling and vice, preventable thefts, telecom fraud, disputes).
 */
public enum IncidentType {
    BURGLARY(IncidentCategory.CRIMINAL, 1),
    ROBBERY(IncidentCategory.CRIMINAL, 1),
    ASSAULT(IncidentCategory.CRIMINAL, 1),
    EBIKE_THEFT(IncidentCategory.CRIMINAL, 2),
    PICKPOCKET(IncidentCategory.CRIMINAL, 2),
    TELECOM_FRAUD(IncidentCategory.CRIMINAL, 2),
    FIGHT(IncidentCategory.PUBLIC_ORDER, 1),
    GAMBLING_VICE(IncidentCategory.PUBLIC_ORDER, 2),
    SUSPICIOUS_PERSON(IncidentCategory.PUBLIC_ORDER, 2),
    NOISE(IncidentCategory.PUBLIC_ORDER, 3),
    TRAFFIC_INJURY(IncidentCategory.TRAFFIC, 1),
    TRAFFIC_ACCIDENT(IncidentCategory.TRAFFIC, 2),
    TRAFFIC_JAM(IncidentCategory.TRAFFIC, 3),
    FAMILY_DISPUTE(IncidentCategory.DISPUTE, 2),
    NEIGHBOUR_DISPUTE(IncidentCategory.DISPUTE, 3),
    LABOUR_DISPUTE(IncidentCategory.DISPUTE, 3),
    CONSUMER_DISPUTE(IncidentCategory.DISPUTE, 3),
    SELF_HARM_RISK(IncidentCategory.HELP, 1),
    MISSING_PERSON(IncidentCategory.HELP, 2),
    HELP_OTHER(IncidentCategory.HELP, 3),
    NON_POLICE(IncidentCategory.NON_POLICE, 3);

    private final IncidentCategory category;
    private final int defaultPriority;

    IncidentType(IncidentCategory category, int defaultPriority) {
        this.category = category;
        this.defaultPriority = defaultPriority;
    }

    public IncidentCategory category() {
        return category;
    }

    public int defaultPriority() {
        return defaultPriority;
    }
}
