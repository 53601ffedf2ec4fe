package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What H2 (2.x, as the console runs it) offers for docs/DATABASE-ROLES.md: users and table grants, but no column
 * grants, so a read-only H2 login cannot be kept from caller numbers. A non-administrator H2 login is told plainly, as
 * on PostgreSQL, when the schema needs an upgrade it may not apply.
 */
class DatabaseRolesOnH2Test {

    private final String name = "jdbc:h2:mem:roles-" + UUID.randomUUID();
    /** The administrator keeps the database open; other logins may not set that (H2: admin rights required). */
    private final String url = name + ";DB_CLOSE_DELAY=-1";

    private void asAdmin(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void h2HasTableGrantsButNoColumnGrants() throws SQLException {
        try (Database db = Database.open(new DbSettings(url, "sa", "", true))) {
            asAdmin("CREATE USER wall PASSWORD 'w'", "GRANT SELECT ON incident TO wall");
            SQLException columns = assertThrows(SQLException.class, () -> asAdmin(
                    "GRANT SELECT (id, incident_no) ON incident TO wall"));
            assertEquals("42001", columns.getSQLState(), "a syntax error: H2 has no column privileges");
            try (Connection c = DriverManager.getConnection(name, "wall", "w"); Statement st = c.createStatement()) {
                st.executeQuery("SELECT caller_number FROM incident").close();
                SQLException write = assertThrows(SQLException.class,
                        () -> st.executeUpdate("DELETE FROM incident"));
                assertEquals(90096, write.getErrorCode(), "not enough rights: table grants do work");
            }
        }
    }

    @Test
    void aNonAdministratorLoginOnAnOlderSchemaIsToldToAskForTheUpgrade() throws SQLException {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("16").load().migrate();
        asAdmin("CREATE USER desk PASSWORD 'd'", "GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO desk");
        SchemaUpgradeRequired e = assertThrows(SchemaUpgradeRequired.class,
                () -> Database.open(new DbSettings(name, "desk", "d", false)));
        assertEquals("16", e.found());
        assertEquals("DESK", e.user());
        assertTrue(e.getMessage().contains("console-admin db migrate"), e.getMessage());

        Database.open(new DbSettings(url, "sa", "", true)).close();
        try (Database desk = Database.open(new DbSettings(name, "desk", "d", false))) {
            assertEquals(Long.valueOf(0), desk.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident")
                    .mapTo(Long.class).one()), "on a current schema the desk's login opens the database");
        }
    }
}
