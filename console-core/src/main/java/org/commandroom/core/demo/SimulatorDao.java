package org.commandroom.core.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.commandroom.core.incident.IncidentType;
import org.commandroom.core.store.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the simulator reads: a spread sample of historic incidents to model new calls on. */
interface SimulatorDao {

    @SqlQuery("SELECT address, lat, lon, datum, incident_type, description, caller_number, station_id, police_grid_id "
            + "FROM incident WHERE lat IS NOT NULL AND station_id IS NOT NULL "
            + "AND MOD(id, (SELECT 1 + COUNT(*) / :limit FROM incident)) = 0 ORDER BY id")
    @RegisterRowMapper(TemplateMapper.class)
    List<DemoSimulator.IncidentTemplate> templates(@Bind("limit") int limit);

    final class TemplateMapper implements RowMapper<DemoSimulator.IncidentTemplate> {
        @Override
        public DemoSimulator.IncidentTemplate map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DemoSimulator.IncidentTemplate(rs.getString("address"), Rows.point(rs, ""),
                    IncidentType.valueOf(rs.getString("incident_type")), rs.getString("description"),
                    rs.getString("caller_number"), rs.getLong("station_id"), Rows.nullableLong(rs, "police_grid_id"));
        }
    }
}
