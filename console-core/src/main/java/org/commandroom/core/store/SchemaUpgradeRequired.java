package org.commandroom.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * The schema needs migrations that this login may not apply: a desk or wall connected with the read-write or
 * read-only role (docs/DATABASE-ROLES.md) to a database that is empty or older than this console. Thrown before
 * Flyway starts, instead of the raw "permission denied" of the first statement of the first migration.
 */
public final class SchemaUpgradeRequired extends RuntimeException {

    private final String user;
    private final String found;
    private final String needed;

    public SchemaUpgradeRequired(String user, String found, String needed) {
        super((found == null ? "the database has no console schema yet" : "the database schema is at version " + found)
                + " and this console needs version " + needed + "; login " + user + " may not change the schema. "
                + "Ask the administrator to " + (found == null ? "create" : "upgrade") + " it connected as the "
                + "owner (console-admin db migrate), then start again");
        this.user = user;
        this.found = found;
        this.needed = needed;
    }

    /** The login that may not migrate. */
    public String user() {
        return user;
    }

    /** The schema version found; null when the database has no console schema. */
    public String found() {
        return found;
    }

    /** The version this console's migrations reach. */
    public String needed() {
        return needed;
    }

    /** Throws when migrations are pending and the login of {@code ds} may not apply them; else returns. */
    static void check(Flyway flyway, DataSource ds) {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        if (pending.length == 0) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            refuseUnlessOwner(c, info.current(), pending);
        } catch (SQLException e) {
            // Not known: Flyway tries, and says why it fails.
        }
    }

    /** Throws when {@code pending} is not empty and the login of {@code c} may not change the schema. */
    public static void refuseUnlessOwner(Connection c, MigrationInfo current, MigrationInfo[] pending) throws SQLException {
        if (pending.length == 0 || mayMigrate(c)) {
            return;
        }
        throw new SchemaUpgradeRequired(c.getMetaData().getUserName(),
                current == null ? null : current.getVersion().getVersion(),
                pending[pending.length - 1].getVersion().getVersion());
    }

    /**
     * PostgreSQL: a member of the role that owns the schema history (a superuser is), or, with no history yet, a
     * login that may create in the schema. H2: an administrator (only those may create tables there).
     */
    static boolean mayMigrate(Connection c) throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN t.tableowner IS NULL "
                    + "THEN has_schema_privilege(current_schema(), 'CREATE') "
                    + "ELSE pg_has_role(current_user, t.tableowner, 'USAGE') END "
                    + "FROM (SELECT 1) x LEFT JOIN pg_tables t ON t.schemaname = current_schema() "
                    + "AND t.tablename = 'flyway_schema_history'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
            return !rs.next() || rs.getBoolean(1);
        }
    }
}
