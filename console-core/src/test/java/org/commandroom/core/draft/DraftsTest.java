package org.commandroom.core.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.commandroom.core.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftsTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(java.time.Instant.parse("2026-11-23T02:00:00Z"), java.time.ZoneId.of("Asia/Shanghai"));

    private static ObjectNode payload(String address) {
        return new ObjectMapper().createObjectNode().put("address", address);
    }

    @Test
    void aKeptDraftIsOnDiskAndComesBackAfterARestart() {
        Drafts drafts = new Drafts(dir, clock);
        Draft d = drafts.keep("CALL", "王值班", "北街3号 打架斗殴", payload("北街3号"));

        Drafts again = new Drafts(dir, clock);
        assertEquals(List.of(d), again.all());
        assertEquals("北街3号", again.all().get(0).payload().get("address").asText());
    }

    @Test
    void draftsAreSavedOldestFirstAndSavingStopsWhileTheDatabaseIsStillGone() {
        Drafts drafts = new Drafts(dir, clock);
        Draft a = drafts.keep("CALL", "a", "first", payload("1"));
        clock.advance(Duration.ofSeconds(1));
        Draft b = drafts.keep("CALL", "a", "second", payload("2"));
        clock.advance(Duration.ofSeconds(1));
        drafts.keep("CALL", "a", "third", payload("3"));
        List<String> tried = new ArrayList<>();
        drafts.register("CALL", d -> {
            tried.add(d.summary());
            return d.id().equals(b.id()) ? DraftHandler.Result.retry() : DraftHandler.Result.saved();
        });

        assertEquals(1, drafts.saveAll());
        assertEquals(List.of("first", "second"), tried, "the third waits behind the second: calls keep their order");
        assertEquals(List.of("second", "third"), drafts.all().stream().map(Draft::summary).toList());
        assertEquals(1, drafts.all().get(0).attempts());
        assertFalse(Files.exists(dir.resolve(a.id() + Drafts.SUFFIX)), "a saved draft leaves the disk");
        assertEquals(2, new Drafts(dir, clock).all().size());
    }

    @Test
    void aDraftTheDatabaseRefusesIsKeptWithWhyAndNotTriedAgain() {
        Drafts drafts = new Drafts(dir, clock);
        drafts.keep("CALL", "a", "refused", payload("x"));
        drafts.keep("CALL", "a", "fine", payload("y"));
        List<String> tried = new ArrayList<>();
        drafts.register("CALL", d -> {
            tried.add(d.summary());
            return d.summary().equals("refused") ? DraftHandler.Result.refused("intake.error.address") : DraftHandler.Result.saved();
        });
        assertEquals(1, drafts.saveAll());
        assertEquals(0, drafts.saveAll());
        assertEquals(List.of("refused", "fine"), tried);
        Draft left = drafts.all().get(0);
        assertFalse(left.waiting());
        assertEquals("intake.error.address", left.refused());
        assertEquals("intake.error.address", new Drafts(dir, clock).all().get(0).refused(), "kept with its reason on disk");
    }

    @Test
    void aHandlerFailingBecauseTheDatabaseIsGoneMeansRetryAndAnyOtherFailureMeansRefused() {
        Drafts drafts = new Drafts(dir, clock);
        drafts.keep("CALL", "a", "gone", payload("x"));
        drafts.register("CALL", d -> {
            throw new IllegalStateException("wrapped", new SQLTransientConnectionException("pool: no connection", "08001"));
        });
        assertEquals(0, drafts.saveAll());
        assertTrue(drafts.all().get(0).waiting());

        drafts.register("CALL", d -> {
            throw new IllegalArgumentException("caller number too long");
        });
        drafts.saveAll();
        assertEquals("caller number too long", drafts.all().get(0).refused());
    }

    @Test
    void listenersHearOfEveryChangeAndAnUnreadableFileIsLeftAlone() throws Exception {
        Files.writeString(dir.resolve("broken" + Drafts.SUFFIX), "{not json", StandardCharsets.UTF_8);
        Drafts drafts = new Drafts(dir, clock);
        assertEquals(List.of(), drafts.all());
        List<Integer> sizes = new ArrayList<>();
        drafts.addListener(Runnable::run, all -> sizes.add(all.size()));
        Draft d = drafts.keep("CALL", "a", "x", payload("x"));
        drafts.discard(d.id());
        assertEquals(List.of(1, 0), sizes);
        assertTrue(Files.exists(dir.resolve("broken" + Drafts.SUFFIX)), "an unreadable draft is never deleted");
    }
}
