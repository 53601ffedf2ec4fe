package org.commandroom.core.dispatch.escalation;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Every order of one incident, closed ones included, in the orders panel's board shape. */
public interface IncidentOrdersDao {

    @SqlQuery(FollowUpDao.BOARD_SELECT + "WHERE o.incident_id = :incidentId ORDER BY o.created_at, o.id")
    @RegisterRowMapper(FollowUpDao.BoardMapper.class)
    List<FollowUpDao.BoardRow> ofIncident(@Bind("incidentId") long incidentId);
}
