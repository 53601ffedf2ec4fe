package org.commandroom.core.cap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code cap_alert} table (V36). */
@RegisterRowMapper(CapDao.StoredMapper.class)
public interface CapDao {

    String COLUMNS = "id, direction, identifier, sender, sent, status, msg_type, scope, event, headline, severity, "
            + "area_desc, expires_at, refers_to, superseded, document, file_name, recorded_at";

    @SqlUpdate("INSERT INTO cap_alert (direction, identifier, sender, sent, sent_at, status, msg_type, scope, event, "
            + "headline, severity, area_desc, expires_at, refers_to, document, file_name, recorded_at) VALUES (:direction, "
            + ":identifier, :sender, :sent, :sentAt, :status, :msgType, :scope, :event, :headline, :severity, :areaDesc, "
            + ":expiresAt, :refersTo, :document, :fileName, :recordedAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("direction") String direction, @Bind("identifier") String identifier, @Bind("sender") String sender,
                @Bind("sent") String sent, @Bind("sentAt") Instant sentAt, @Bind("status") String status,
                @Bind("msgType") String msgType, @Bind("scope") String scope, @Bind("event") String event,
                @Bind("headline") String headline, @Bind("severity") String severity, @Bind("areaDesc") String areaDesc,
                @Bind("expiresAt") Instant expiresAt, @Bind("refersTo") Long refersTo, @Bind("document") String document,
                @Bind("fileName") String fileName, @Bind("recordedAt") Instant recordedAt);

    @SqlUpdate("UPDATE cap_alert SET superseded = TRUE WHERE id = :id")
    void supersede(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM cap_alert WHERE id = :id")
    Optional<StoredCap> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM cap_alert WHERE direction = :direction AND sender = :sender "
            + "AND identifier = :identifier")
    Optional<StoredCap> find(@Bind("direction") String direction, @Bind("sender") String sender,
                             @Bind("identifier") String identifier);

    @SqlQuery("SELECT COUNT(*) FROM cap_alert WHERE direction = 'OUT' AND sent LIKE :day || '%'")
    int issuedOn(@Bind("day") String day);

    /** Alerts of one direction still in force at {@code now}: not superseded, not expired, not a Cancel. Newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM cap_alert WHERE direction = :direction AND superseded = FALSE "
            + "AND msg_type <> 'Cancel' AND (expires_at IS NULL OR expires_at > :now) ORDER BY sent_at DESC, id DESC "
            + "LIMIT :limit")
    List<StoredCap> active(@Bind("direction") String direction, @Bind("now") Instant now, @Bind("limit") int limit);

    /** Our cancels whose warning has not expired at {@code now}, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM cap_alert WHERE direction = 'OUT' AND msg_type = 'Cancel' "
            + "AND (expires_at IS NULL OR expires_at > :now) ORDER BY sent_at DESC, id DESC LIMIT :limit")
    List<StoredCap> cancels(@Bind("now") Instant now, @Bind("limit") int limit);

    /** Deletes received alerts expired before {@code now}; an alert another row refers to is kept. */
    @SqlUpdate("DELETE FROM cap_alert WHERE direction = 'IN' AND expires_at IS NOT NULL AND expires_at <= :now "
            + "AND id NOT IN (SELECT refers_to FROM cap_alert WHERE refers_to IS NOT NULL)")
    int deleteExpiredReceived(@Bind("now") Instant now);

    final class StoredMapper implements RowMapper<StoredCap> {
        @Override
        public StoredCap map(ResultSet rs, StatementContext ctx) throws SQLException {
            long refersTo = rs.getLong("refers_to");
            Long refers = rs.wasNull() ? null : refersTo;
            java.sql.Timestamp exp = rs.getTimestamp("expires_at");
            return new StoredCap(rs.getLong("id"), StoredCap.Direction.valueOf(rs.getString("direction")),
                    rs.getString("identifier"), rs.getString("sender"), rs.getString("sent"),
                    CapAlert.Status.valueOf(rs.getString("status")), CapAlert.MsgType.valueOf(rs.getString("msg_type")),
                    rs.getString("event"), rs.getString("headline"), rs.getString("severity"), rs.getString("area_desc"),
                    exp == null ? null : exp.toInstant(), refers, rs.getBoolean("superseded"),
                    rs.getString("document"), rs.getString("file_name"), rs.getTimestamp("recorded_at").toInstant());
        }
    }
}
