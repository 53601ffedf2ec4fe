package org.commandroom.core.intake;

/**
 * What a gazetteer entry names. The order is the ranking among equally good matches: a named place
 * the commander knows (a key place, a police office) comes before an address merely seen in a call.
 */
public enum PlaceKind {
    /** 重点部位 */
    KEY_PLACE,
    /** 社区警务室 */
    POLICE_OFFICE,
    /** 布警点 */
    DEPLOYMENT_POINT,
    /** 社区 */
    COMMUNITY,
    /** 街道 (its interior point) */
    STREET,
    /** An address given in an earlier call, at the mean of those calls' positions. */
    INCIDENT_ADDRESS
}
