package org.commandroom.core.geo.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commandroom.core.geo.GeoDao;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The reads and deletes an import needs beyond {@link GeoDao} and the camera DAO. Table and column
 * names come only from {@link ImportLayer} (never from a file); values are always bound.
 */
interface GeoImportDao {

    @SqlQuery("SELECT COUNT(*) FROM <table>")
    long count(@Define("table") String table);

    /** Rows of {@code table} whose {@code column} points somewhere (at a row of the layer being replaced). */
    @SqlQuery("SELECT COUNT(*) FROM <table> WHERE <column> IS NOT NULL")
    long countReferencing(@Define("table") String table, @Define("column") String column);

    @SqlUpdate("DELETE FROM <table>")
    int deleteAll(@Define("table") String table);

    @SqlQuery("SELECT id FROM camera ORDER BY id")
    List<Long> cameraIds();

    /** Device id → name of every stored camera. */
    @SqlQuery("SELECT device_id, name FROM camera")
    @KeyColumn("device_id")
    @ValueColumn("name")
    Map<String, String> cameraNamesByDeviceId();

    @SqlUpdate("DELETE FROM police_grid_micro_grid")
    int deleteGridMatching();

    @SqlQuery("SELECT COUNT(*) FROM police_grid_micro_grid")
    long countGridMatching();

    /** Stations and posts, with their boundary when they have one (null otherwise). */
    @SqlQuery("SELECT id, code, name, boundary_wkt, datum FROM station ORDER BY code")
    @RegisterRowMapper(GeoDao.AreaMapper.class)
    List<GeoDao.Area> stations();

    @SqlQuery("SELECT COUNT(*) FROM station WHERE boundary_wkt IS NOT NULL")
    long countStationBoundaries();

    /** Takes every station's boundary away (a replace of the station-areas layer); its area in km² stays as it was. */
    @SqlUpdate("UPDATE station SET boundary_wkt = NULL WHERE boundary_wkt IS NOT NULL")
    int clearStationBoundaries();

    @SqlUpdate("UPDATE station SET boundary_wkt = :wkt, datum = :datum, area_km2 = :areaKm2 WHERE id = :id")
    int setStationBoundary(@Bind("id") long id, @Bind("wkt") String wkt, @Bind("datum") String datum,
                           @Bind("areaKm2") double areaKm2);

    @SqlUpdate("INSERT INTO district_boundary (code, name, boundary_wkt, datum) VALUES (:code, :name, :wkt, :datum)")
    void insertDistrict(@Bind("code") String code, @Bind("name") String name, @Bind("wkt") String wkt,
                        @Bind("datum") String datum);

    @SqlQuery("SELECT id FROM officer WHERE badge_no = :badgeNo")
    Optional<Long> officerByBadge(@Bind("badgeNo") String badgeNo);
}
