package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapFoldersTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheFoldersAreUnderTheDataDirectory() throws Exception {
        CapFolders f = CapFolders.load(dir, "qianwei.police.example");
        assertEquals(dir.resolve("cap/in"), f.in());
        assertEquals(dir.resolve("cap/out"), f.out());
        assertEquals("command@qianwei.police.example", f.sender());
        assertEquals("qianwei.police.example", f.idPrefix());
        assertEquals(Duration.ofSeconds(60), f.pollEvery());
    }

    @Test
    void theFileSetsFoldersSenderAndPollingAndNoneStoresWithoutWriting() throws Exception {
        Files.writeString(dir.resolve(CapFolders.FILE), "cap.in.folder=/srv/cap/inbox\ncap.out.folder=none\n"
                + "cap.sender=zhihui@qw.example\ncap.poll.seconds=30\n");
        CapFolders f = CapFolders.load(dir, "x.example");
        assertEquals(Path.of("/srv/cap/inbox"), f.in());
        assertNull(f.out());
        assertEquals("zhihui@qw.example", f.sender());
        assertEquals(Duration.ofSeconds(30), f.pollEvery());
    }

    @Test
    void aWrongValueNamesItsKey() throws Exception {
        Files.writeString(dir.resolve(CapFolders.FILE), "cap.poll.seconds=1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapFolders.load(dir, "x"))
                .getMessage().contains("cap.poll.seconds"));
        Files.writeString(dir.resolve(CapFolders.FILE), "cap.sender=a b\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CapFolders.load(dir, "x"))
                .getMessage().contains("cap.sender"));
    }
}
