package org.commandroom.core.eido;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Names the EIDO export needs besides the incident, its orders and units. */
public interface EidoDao {

    @SqlQuery("SELECT code FROM station WHERE id = :id")
    Optional<String> stationCode(@Bind("id") long stationId);

    @SqlQuery("SELECT name FROM station WHERE id = :id")
    Optional<String> stationName(@Bind("id") long stationId);

    @SqlQuery("SELECT name FROM police_grid WHERE id = :id")
    Optional<String> gridName(@Bind("id") long gridId);

    @SqlQuery("SELECT b.code FROM bureau b JOIN station s ON s.bureau_id = b.id WHERE s.id = :id")
    Optional<String> bureauCode(@Bind("id") long stationId);
}
