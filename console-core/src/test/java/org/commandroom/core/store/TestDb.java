package org.commandroom.core.store;

/**
 * The databases every storage test runs against: {@code @ParameterizedClass @EnumSource(TestDb.class)}
 * or {@code @ParameterizedTest @EnumSource(TestDb.class)}.
 */
public enum TestDb {
    H2 {
        @Override
        public Database open() {
            return TestDatabases.h2();
        }
    },
    POSTGRES {
        @Override
        public Database open() {
            return TestDatabases.postgres();
        }
    };

    /** A fresh, empty, migrated database of this kind. */
    public abstract Database open();
}
