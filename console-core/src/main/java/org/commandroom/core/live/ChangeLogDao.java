package org.commandroom.core.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The append-only change log that workstations tail to see each other's writes. */
public interface ChangeLogDao {

    @SqlUpdate("INSERT INTO change_log (at, entity, entity_id, op, origin) VALUES (:at, :entity, :entityId, :op, :origin)")
    void append(@Bind("at") Instant at, @Bind("entity") Entity entity, @Bind("entityId") long entityId,
                @Bind("op") ChangeOp op, @Bind("origin") String origin);

    /** Appends one row per id in one JDBC batch, all with the same time, entity, operation and origin. */
    @SqlBatch("INSERT INTO change_log (at, entity, entity_id, op, origin) VALUES (:at, :entity, :entityId, :op, :origin)")
    void appendAll(@Bind("at") Instant at, @Bind("entity") Entity entity, @Bind("entityId") List<Long> entityIds,
                   @Bind("op") ChangeOp op, @Bind("origin") String origin);

    @SqlQuery("SELECT id, at, entity, entity_id, op, origin FROM change_log WHERE id > :after ORDER BY id FETCH FIRST :limit ROWS ONLY")
    @RegisterRowMapper(ChangeMapper.class)
    List<Change> after(@Bind("after") long afterId, @Bind("limit") int limit);

    @SqlQuery("SELECT id, at, entity, entity_id, op, origin FROM change_log WHERE id BETWEEN :first AND :last ORDER BY id")
    @RegisterRowMapper(ChangeMapper.class)
    List<Change> between(@Bind("first") long first, @Bind("last") long last);

    @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM change_log")
    long maxId();

    final class ChangeMapper implements RowMapper<Change> {
        @Override
        public Change map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Change(rs.getLong("id"), Rows.instant(rs, "at"), Entity.valueOf(rs.getString("entity")),
                    rs.getLong("entity_id"), ChangeOp.valueOf(rs.getString("op")), rs.getString("origin"));
        }
    }
}
