package org.commandroom.core.org;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What the organisation and unit import reads and upserts ({@link OrgImportService}). */
interface OrgImportDao extends org.jdbi.v3.sqlobject.SqlObject {

    record BureauRec(long id, String code, String name) {
    }

    record StationRec(long id, long bureauId, String code, String name, String kind, int population, double area,
                      String peerGroup) {
    }

    record TeamRec(long id, long stationId, String kind, String name) {
    }

    record OfficerRec(long id, long stationId, Long teamId, String badge, String name, String rank, String duty,
                      String phone) {
    }

    record UnitRec(long id, String callSign, String kind, long stationId, Long zoneId, String terminalId) {
    }

    record CrewRec(long unitId, long officerId) {
    }

    record ZoneRec(long id, String code, String name) {
    }

    @SqlQuery("SELECT id, code, name FROM bureau ORDER BY id")
    @RegisterConstructorMapper(BureauRec.class)
    List<BureauRec> bureaus();

    @SqlQuery("SELECT id, bureau_id, code, name, kind, resident_population AS population, area_km2 AS area, "
            + "peer_group FROM station ORDER BY code")
    @RegisterConstructorMapper(StationRec.class)
    List<StationRec> stations();

    @SqlQuery("SELECT id, station_id, kind, name FROM team ORDER BY id")
    @RegisterConstructorMapper(TeamRec.class)
    List<TeamRec> teams();

    @SqlQuery("SELECT id, station_id, team_id, badge_no AS badge, name, rank_kind AS rank, duty, phone FROM officer")
    @RegisterConstructorMapper(OfficerRec.class)
    List<OfficerRec> officers();

    @SqlQuery("SELECT id, call_sign, kind, station_id, zone_id, terminal_id FROM patrol_unit")
    @RegisterConstructorMapper(UnitRec.class)
    List<UnitRec> units();

    @SqlQuery("SELECT unit_id, officer_id FROM unit_crew")
    @RegisterConstructorMapper(CrewRec.class)
    List<CrewRec> crews();

    @SqlQuery("SELECT id, code, name FROM key_patrol_zone")
    @RegisterConstructorMapper(ZoneRec.class)
    List<ZoneRec> zones();

    @SqlUpdate("INSERT INTO bureau (code, name) VALUES (:code, :name)")
    @GetGeneratedKeys("id")
    long insertBureau(@Bind("code") String code, @Bind("name") String name);

    @SqlUpdate("UPDATE bureau SET name = :name WHERE id = :id")
    void updateBureau(@Bind("id") long id, @Bind("name") String name);

    @SqlUpdate("INSERT INTO station (bureau_id, code, name, kind, resident_population, area_km2, peer_group, datum) "
            + "VALUES (:bureauId, :code, :name, :kind, :population, :area, :peerGroup, 'WGS84')")
    @GetGeneratedKeys("id")
    long insertStation(@Bind("bureauId") long bureauId, @Bind("code") String code, @Bind("name") String name,
                       @Bind("kind") String kind, @Bind("population") int population, @Bind("area") double area,
                       @Bind("peerGroup") String peerGroup);

    @SqlUpdate("UPDATE station SET bureau_id = :bureauId, name = :name, kind = :kind, resident_population = :population, "
            + "area_km2 = :area, peer_group = :peerGroup WHERE id = :id")
    void updateStation(@Bind("id") long id, @Bind("bureauId") long bureauId, @Bind("name") String name,
                       @Bind("kind") String kind, @Bind("population") int population, @Bind("area") double area,
                       @Bind("peerGroup") String peerGroup);

    @SqlUpdate("INSERT INTO team (station_id, kind, name) VALUES (:stationId, :kind, :name)")
    @GetGeneratedKeys("id")
    long insertTeam(@Bind("stationId") long stationId, @Bind("kind") String kind, @Bind("name") String name);

    @SqlUpdate("UPDATE team SET kind = :kind WHERE id = :id")
    void updateTeam(@Bind("id") long id, @Bind("kind") String kind);

    @SqlUpdate("INSERT INTO officer (station_id, team_id, badge_no, name, rank_kind, duty, phone) "
            + "VALUES (:stationId, :teamId, :badge, :name, :rank, :duty, :phone)")
    @GetGeneratedKeys("id")
    long insertOfficer(@Bind("stationId") long stationId, @Bind("teamId") Long teamId, @Bind("badge") String badge,
                       @Bind("name") String name, @Bind("rank") String rank, @Bind("duty") String duty,
                       @Bind("phone") String phone);

    @SqlUpdate("UPDATE officer SET station_id = :stationId, team_id = :teamId, name = :name, rank_kind = :rank, "
            + "duty = :duty, phone = :phone WHERE id = :id")
    void updateOfficer(@Bind("id") long id, @Bind("stationId") long stationId, @Bind("teamId") Long teamId,
                       @Bind("name") String name, @Bind("rank") String rank, @Bind("duty") String duty,
                       @Bind("phone") String phone);

    @SqlUpdate("INSERT INTO patrol_unit (call_sign, kind, station_id, zone_id, status, datum, terminal_id) "
            + "VALUES (:callSign, :kind, :stationId, :zoneId, 'AVAILABLE', 'WGS84', :terminal)")
    @GetGeneratedKeys("id")
    long insertUnit(@Bind("callSign") String callSign, @Bind("kind") String kind, @Bind("stationId") long stationId,
                    @Bind("zoneId") Long zoneId, @Bind("terminal") String terminal);

    @SqlUpdate("UPDATE patrol_unit SET kind = :kind, station_id = :stationId, zone_id = :zoneId, terminal_id = :terminal, "
            + "version = version + 1 WHERE id = :id")
    void updateUnit(@Bind("id") long id, @Bind("kind") String kind, @Bind("stationId") long stationId,
                    @Bind("zoneId") Long zoneId, @Bind("terminal") String terminal);

    @SqlUpdate("UPDATE patrol_unit SET terminal_id = NULL WHERE id = :id")
    void clearTerminal(@Bind("id") long id);

    @SqlUpdate("DELETE FROM unit_crew WHERE unit_id = :unitId")
    void clearCrew(@Bind("unitId") long unitId);

    @SqlUpdate("INSERT INTO unit_crew (unit_id, officer_id) VALUES (:unitId, :officerId)")
    void addCrew(@Bind("unitId") long unitId, @Bind("officerId") long officerId);
}
