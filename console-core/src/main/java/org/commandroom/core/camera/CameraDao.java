package org.commandroom.core.camera;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Video points. */
public interface CameraDao {

    String COLUMNS = "id, device_id, name, kind, lat, lon, datum, online, stream_url, snapshot_url, station_id";

    /** Inserts the cameras in one JDBC batch (their ids are ignored). */
    @SqlBatch("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online, stream_url, snapshot_url, station_id) "
            + "VALUES (:deviceId, :name, :kindName, :lat, :lon, :datumName, :online, :streamUrl, :snapshotUrl, :stationId)")
    void insertAll(@BindMethods List<CameraRow> cameras);

    /** As {@link #insertAll}, returning the new ids in list order (for the change log of an import). */
    @SqlBatch("INSERT INTO camera (device_id, name, kind, lat, lon, datum, online, stream_url, snapshot_url, station_id) "
            + "VALUES (:deviceId, :name, :kindName, :lat, :lon, :datumName, :online, :streamUrl, :snapshotUrl, :stationId)")
    @GetGeneratedKeys("id")
    long[] insertAllReturningIds(@BindMethods List<CameraRow> cameras);

    /** The cameras inside a latitude/longitude box, e.g. around an area circled for a video patrol. */
    @SqlQuery("SELECT " + COLUMNS + " FROM camera WHERE removed_at IS NULL AND lat BETWEEN :south AND :north AND lon BETWEEN :west AND :east "
            + "ORDER BY device_id")
    @RegisterRowMapper(CameraMapper.class)
    List<Camera> inBox(@Bind("south") double south, @Bind("west") double west,
                       @Bind("north") double north, @Bind("east") double east);

    @SqlQuery("SELECT COUNT(*) FROM camera WHERE removed_at IS NULL")
    long count();

    @SqlQuery("SELECT COUNT(*) FROM camera WHERE online = FALSE AND removed_at IS NULL")
    long countOffline();

    /** A camera flattened for batch binding. */
    record CameraRow(String deviceId, String name, String kindName, double lat, double lon, String datumName,
                     boolean online, String streamUrl, String snapshotUrl, Long stationId) {

        public static CameraRow of(Camera c) {
            return new CameraRow(c.deviceId(), c.name(), c.kind().name(), c.position().lat(), c.position().lon(),
                    c.position().datum().name(), c.online(), c.streamUrl(), c.snapshotUrl(), c.stationId());
        }
    }

    final class CameraMapper implements RowMapper<Camera> {
        @Override
        public Camera map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Camera(rs.getLong("id"), rs.getString("device_id"), rs.getString("name"),
                    CameraKind.valueOf(rs.getString("kind")), Rows.point(rs, ""), rs.getBoolean("online"),
                    rs.getString("stream_url"), rs.getString("snapshot_url"), Rows.nullableLong(rs, "station_id"));
        }
    }
}
