package org.commandroom.core.org;

import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * How far a bureau's set-up has come: what the database holds of each thing set-up puts there (issue 11, docs/ADMIN.md),
 * counted in one statement of scalar sub-queries (one round trip, each a count over one table; no lock taken, nothing
 * written). The set-up screen shows it as its checklist; it needs no permission, since it reveals only counts.
 *
 * <p>The district's own boundary ({@code district_boundary}) and the stations' areas ({@code station.boundary_wkt}) are
 * counted apart from the streets and grids.
 */
public final class SetupProgress {

    /**
     * What the database holds.
     *
     * @param bureaus                   rows of {@code bureau} (one for a set-up bureau)
     * @param stations                  police stations (派出所)
     * @param posts                     street police posts (警务站)
     * @param teams                     teams of the stations (社区警务队, 案件办理队, 综合指挥室, 巡逻队)
     * @param officers                  officers and auxiliaries (民警 and 辅警)
     * @param communityOfficers         officers whose post is community officer (社区民警)
     * @param units                     patrol units
     * @param streets                   streets (and the district boundary, imported as a street)
     * @param communities               communities
     * @param microGrids                micro-grids
     * @param policeGrids               police grids
     * @param policeGridsWithoutOfficer police grids that name no community officer
     * @param patrolZones               key patrol zones
     * @param cameras                   cameras not marked removed by a catalogue import
     * @param houses                    houses of the register still active: the addresses with their house numbers (门牌)
     * @param places                    named places the gazetteer also knows (key places, police offices, deployment points)
     * @param users                     users who may sign in (active)
     * @param dutyCommanders            active users holding the duty commander's role (值班长), who work the desk
     * @param districts                 district boundaries (辖区边界, usually one)
     * @param stationAreas              stations and posts that have their boundary (派出所辖区)
     */
    public record Counts(long bureaus, long stations, long posts, long teams, long officers, long communityOfficers,
                         long units, long streets, long communities, long microGrids, long policeGrids,
                         long policeGridsWithoutOfficer, long patrolZones, long cameras, long houses, long places,
                         long users, long dutyCommanders, long districts, long stationAreas) {

        /** Without district boundary or station areas. */
        public Counts(long bureaus, long stations, long posts, long teams, long officers, long communityOfficers,
                      long units, long streets, long communities, long microGrids, long policeGrids,
                      long policeGridsWithoutOfficer, long patrolZones, long cameras, long houses, long places,
                      long users, long dutyCommanders) {
            this(bureaus, stations, posts, teams, officers, communityOfficers, units, streets, communities, microGrids,
                    policeGrids, policeGridsWithoutOfficer, patrolZones, cameras, houses, places, users, dutyCommanders,
                    0, 0);
        }

        /**
         * Whether a desk can work on what is set up: stations and the district (streets, police grids or the stations'
         * areas, by which a call is placed). Without them
         * a call cannot be placed in a grid nor given a station, and the map has nothing to show. (Units may come
         * later: a desk takes calls without them.)
         */
        public boolean readyForTheDesk() {
            return stations > 0 && streets + policeGrids + stationAreas > 0;
        }

        /** Nothing set up yet: no organisation, no geography, no units, no cameras, no addresses (users aside). */
        public boolean nothingSetUp() {
            return bureaus + stations + posts + teams + officers + units + streets + communities + microGrids
                    + policeGrids + patrolZones + cameras + houses + places + districts + stationAreas == 0;
        }
    }

    private static final String QUERY = "SELECT "
            + "(SELECT COUNT(*) FROM bureau) AS bureaus, "
            + "(SELECT COUNT(*) FROM station WHERE kind = 'STATION') AS stations, "
            + "(SELECT COUNT(*) FROM station WHERE kind = 'POST') AS posts, "
            + "(SELECT COUNT(*) FROM team) AS teams, "
            + "(SELECT COUNT(*) FROM officer) AS officers, "
            + "(SELECT COUNT(*) FROM officer WHERE duty = 'COMMUNITY_OFFICER') AS community_officers, "
            + "(SELECT COUNT(*) FROM patrol_unit) AS units, "
            + "(SELECT COUNT(*) FROM street) AS streets, "
            + "(SELECT COUNT(*) FROM community) AS communities, "
            + "(SELECT COUNT(*) FROM micro_grid) AS micro_grids, "
            + "(SELECT COUNT(*) FROM police_grid) AS police_grids, "
            + "(SELECT COUNT(*) FROM police_grid WHERE officer_id IS NULL) AS grids_without_officer, "
            + "(SELECT COUNT(*) FROM key_patrol_zone) AS patrol_zones, "
            + "(SELECT COUNT(*) FROM camera WHERE removed_at IS NULL) AS cameras, "
            + "(SELECT COUNT(*) FROM house WHERE active = TRUE) AS houses, "
            + "(SELECT COUNT(*) FROM key_place) + (SELECT COUNT(*) FROM police_office) "
            + "+ (SELECT COUNT(*) FROM deployment_point) AS places, "
            + "(SELECT COUNT(*) FROM app_user WHERE active = TRUE) AS users, "
            + "(SELECT COUNT(*) FROM app_user WHERE active = TRUE "
            + "AND (',' || roles || ',') LIKE :duty) AS duty_commanders, "
            + "(SELECT COUNT(*) FROM district_boundary) AS districts, "
            + "(SELECT COUNT(*) FROM station WHERE boundary_wkt IS NOT NULL) AS station_areas";

    private final Jdbi jdbi;

    public SetupProgress(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Counts everything in one statement; call it off the UI thread. */
    public Counts read() {
        // app_user.roles holds role names separated by commas; the role is matched as a whole name.
        return jdbi.withHandle(h -> h.createQuery(QUERY)
                .bind("duty", "%," + org.commandroom.core.access.Role.DUTY_COMMANDER.name() + ",%")
                .map((rs, ctx) -> new Counts(rs.getLong("bureaus"), rs.getLong("stations"), rs.getLong("posts"),
                        rs.getLong("teams"), rs.getLong("officers"), rs.getLong("community_officers"), rs.getLong("units"),
                        rs.getLong("streets"), rs.getLong("communities"), rs.getLong("micro_grids"),
                        rs.getLong("police_grids"), rs.getLong("grids_without_officer"), rs.getLong("patrol_zones"),
                        rs.getLong("cameras"), rs.getLong("houses"), rs.getLong("places"), rs.getLong("users"),
                        rs.getLong("duty_commanders"), rs.getLong("districts"), rs.getLong("station_areas")))
                .one());
    }
}
