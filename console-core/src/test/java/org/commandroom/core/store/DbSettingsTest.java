package org.commandroom.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbSettingsTest {

    private static final String PG = "jdbc:postgresql://db.station.local:5432/console";

    @TempDir
    Path dataDir;

    @Test
    void theDefaultIsAnEmbeddedH2FileInTheDataDirectory() {
        DbSettings s = DbSettings.embedded(dataDir, "console");
        assertTrue(s.embedded());
        assertFalse(s.isPostgres());
        assertTrue(s.jdbcUrl().startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("console")), s.jdbcUrl());
    }

    @Test
    void theEmbeddedDefaultOpensAndCreatesItsFileUnderTheDataDirectory() {
        try (Database db = Database.open(DbSettings.embedded(dataDir, "console"))) {
            assertTrue(db.isReachable());
        }
        assertTrue(Files.exists(dataDir.resolve("console.mv.db")));
    }

    @Test
    void remoteCredentialsComeFromTheEnvironmentBeforeTheConfigFile() throws Exception {
        writeConfig("user=fileuser\npassword=filepass\n");
        DbSettings s = DbSettings.remote(PG, Map.of(DbSettings.ENV_USER, "envuser", DbSettings.ENV_PASSWORD, "envpass"), dataDir);
        assertEquals("envuser", s.user());
        assertEquals("envpass", s.password());
        assertFalse(s.embedded());
        assertTrue(s.isPostgres());
    }

    @Test
    void remoteCredentialsMissingFromTheEnvironmentAreTakenFromDbPropertiesInTheDataDirectory() throws Exception {
        writeConfig("user=值班员\npassword=file-secret\n");
        DbSettings fromFile = DbSettings.remote(PG, Map.of(), dataDir);
        assertEquals("值班员", fromFile.user());
        assertEquals("file-secret", fromFile.password());

        DbSettings mixed = DbSettings.remote(PG, Map.of(DbSettings.ENV_USER, "envuser"), dataDir);
        assertEquals("envuser", mixed.user());
        assertEquals("file-secret", mixed.password());
    }

    @Test
    void remoteWithNoCredentialsAnywhereHasEmptyOnes() throws Exception {
        DbSettings s = DbSettings.remote(PG, Map.of(), dataDir);
        assertEquals("", s.user());
        assertEquals("", s.password());
    }

    @Test
    void anH2FileNamedByUrlIsOpenedLikeTheEmbeddedOneWithItsOwnOptionsKept() throws Exception {
        DbSettings s = DbSettings.remote("jdbc:h2:file:/srv/console/bureau;WRITE_DELAY=100", Map.of(), dataDir);
        assertTrue(s.embedded(), "one writer at a time, shut down by the console");
        assertTrue(s.isEmbeddedFile());
        assertEquals("jdbc:h2:file:/srv/console/bureau;WRITE_DELAY=100;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;"
                + "TRACE_LEVEL_FILE=4", s.jdbcUrl(), "what the URL sets itself is kept");
        assertEquals("jdbc:h2:file:~/bureau;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0;TRACE_LEVEL_FILE=4",
                DbSettings.remote("jdbc:h2:~/bureau", Map.of(), dataDir).jdbcUrl());
        for (String shared : List.of("jdbc:h2:tcp://dbhost:9092/console", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
                "jdbc:postgresql://dbhost:5432/console")) {
            DbSettings r = DbSettings.remote(shared, Map.of(), dataDir);
            assertFalse(r.embedded(), shared);
            assertEquals(shared, r.jdbcUrl());
        }
    }

    @Test
    void theDisplayUrlNeverShowsAPassword() throws Exception {
        DbSettings pg = DbSettings.remote(PG + "?user=a&password=s3cret&ssl=true", Map.of(), dataDir);
        DbSettings h2 = new DbSettings("jdbc:h2:tcp://srv/./console;PASSWORD=s3cret;CIPHER=AES", "", "", false);
        DbSettings env = DbSettings.remote(PG, Map.of(DbSettings.ENV_PASSWORD, "s3cret"), dataDir);
        for (DbSettings s : new DbSettings[] {pg, h2, env}) {
            assertFalse(s.displayUrl().contains("s3cret"), s.displayUrl());
            assertFalse(s.toString().contains("s3cret"), s.toString());
        }
        assertEquals("jdbc:postgresql://db.station.local:5432/console?user=a&password=***&ssl=true", pg.displayUrl());
    }

    @Test
    void anUnsupportedUrlIsRejectedWithAMessageThatSaysWhatIsSupported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DbSettings.remote("jdbc:mysql://db/console", Map.of(), dataDir));
        assertTrue(e.getMessage().contains("jdbc:mysql://db/console"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:h2:") && e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }

    private void writeConfig(String text) throws Exception {
        Files.writeString(dataDir.resolve(DbSettings.CONFIG_FILE), text, StandardCharsets.UTF_8);
    }
}
