package org.commandroom.core.store;

import java.util.UUID;

/** Fresh databases for tests. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new, empty, migrated in-memory H2 database that lives until closed. */
    public static Database h2() {
        String url = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return Database.open(new DbSettings(url, "sa", "", true));
    }
}
