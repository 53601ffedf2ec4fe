package org.commandroom.core.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.commandroom.core.access.AccessDenied;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.intake.IntakeFixture;
import org.commandroom.core.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts of other agencies from a folder: validated, stored, superseded, expired ones dropped, bad ones set aside. */
class CapInboxTest {

    @TempDir
    Path dir;

    private IntakeFixture fx;
    private Path inbox;
    private CapInbox in;
    private final CapReader reader = new CapReader(CapSchema.load());

    @BeforeEach
    void setUp() {
        fx = new IntakeFixture(TestDatabases.h2());
        inbox = dir.resolve("in");
        in = new CapInbox(fx.db.jdbi(), fx.clock, inbox, reader, AccessGuard.trusted());
    }

    @AfterEach
    void close() {
        fx.db.close();
    }

    /** A weather warning sent at the fixture's clock time, expiring {@code hours} later. */
    private static CapAlert weather(String id, CapAlert.MsgType type, List<CapAlert.Reference> refs, int hours) {
        OffsetDateTime sent = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
        CapArea area = new CapArea("城关县", List.of(), List.of(new CapArea.Circle(new CapArea.Point(29.21, 103.73), 15)));
        return new CapAlert(id, "weather@meteo.example", sent, CapAlert.Status.Actual, type, CapAlert.Scope.Public, null,
                null, null, refs, List.of(new CapInfo("zh-CN", List.of(CapInfo.Category.Met), "暴雨蓝色预警",
                CapInfo.Urgency.Expected, CapInfo.Severity.Moderate, CapInfo.Certainty.Likely, "城关县暴雨蓝色预警",
                "未来12小时降雨量将达50毫米以上。", null, sent.plusHours(hours), List.of(area))));
    }

    private void drop(String name, CapAlert a) throws Exception {
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(name), CapWriter.write(a));
    }

    @Test
    void ourOwnWarningWrittenOutReadsBackInIdentical() {
        CapService out = new CapService(fx.db.jdbi(), fx.clock, new CapService.Settings("command@chengguan.police.example",
                "chengguan.police.example", CapAlert.Status.Actual, inbox, IntakeFixture.ZONE), AccessGuard.trusted(), reader);
        CapService.Issued issued = out.issue(new CapService.Warning(WarningKind.CROWD,
                new WarningArea.OfLayer(WarningArea.Layer.POLICE_GRID, fx.g1),
                new CapService.Texts("南关一格人员聚集", "广场活动人员较多。", "请绕行。"),
                new CapService.Texts("Crowd in Nanguan grid 1", "A busy event on the square.", "Please avoid."), null),
                "值班长");
        CapInbox.Poll poll = in.poll("desk");
        assertEquals(1, poll.stored());
        StoredCap back = in.inForce(10).get(0);
        assertEquals(issued.alert(), back.alert(reader));
        assertEquals(issued.stored().document(), back.document());
        assertTrue(Files.exists(inbox.resolve(CapInbox.READ_DIR).resolve(issued.alert().identifier() + ".xml")));
    }

    @Test
    void anUpdateSupersedesACancelEndsAndExpiredAlertsAreDropped() throws Exception {
        CapAlert first = weather("W1", CapAlert.MsgType.Alert, List.of(), 12);
        drop("a.xml", first);
        drop("b.xml", weather("W0", CapAlert.MsgType.Alert, List.of(), 0));
        CapInbox.Poll p1 = in.poll("desk");
        assertEquals(1, p1.stored());
        assertEquals(1, p1.ignored(), "the one expired on arrival is not stored");
        assertEquals(List.of("W1"), in.inForce(10).stream().map(StoredCap::identifier).toList());

        CapAlert update = weather("W2", CapAlert.MsgType.Update, List.of(CapAlert.Reference.to(first)), 6);
        drop("c.xml", update);
        drop("c-again.xml", update);
        CapInbox.Poll p2 = in.poll("desk");
        assertEquals(1, p2.stored());
        assertEquals(1, p2.ignored(), "the same alert twice is stored once");
        assertEquals(List.of("W2"), in.inForce(10).stream().map(StoredCap::identifier).toList());

        fx.clock.advance(Duration.ofHours(7));
        assertEquals(List.of(), in.inForce(10), "the update expired");
        CapInbox.Poll p3 = in.poll("desk");
        assertEquals(1, p3.deleted(), "W2 expired is deleted; W1, which it refers to, is kept for the chain");
        assertEquals(1, fx.count("cap_alert"));
    }

    @Test
    void aBadFileIsSetAsideWithItsLocatedProblemsAndTheRestAreRead() throws Exception {
        drop("good.xml", weather("W1", CapAlert.MsgType.Alert, List.of(), 12));
        Files.writeString(inbox.resolve("bad.xml"), CapWriter.writeString(weather("W9", CapAlert.MsgType.Alert, List.of(), 12))
                .replace(">Met<", ">Weather<"));
        Files.write(inbox.resolve("huge.xml"), new byte[CapReader.MAX_BYTES + 1]);
        Files.writeString(inbox.resolve("notes.txt"), "not an alert");
        CapInbox.Poll poll = in.poll("desk");
        assertEquals(1, poll.stored());
        assertEquals(List.of("bad.xml", "huge.xml"), poll.refused().stream().map(CapInbox.Refusal::file).toList());
        assertEquals("/alert/info[1]/category[1]", poll.refused().get(0).problems().get(0).path());
        assertEquals(CapInvalid.Kind.TOO_LARGE, poll.refused().get(1).problems().get(0).kind());
        Path refused = inbox.resolve(CapInbox.REFUSED_DIR);
        assertTrue(Files.readString(refused.resolve("bad.xml.problems.txt")).contains("/alert/info[1]/category[1] (line "));
        assertTrue(Files.exists(refused.resolve("huge.xml")));
        assertTrue(Files.exists(inbox.resolve("notes.txt")), "other files are left alone");
        assertEquals(0, in.poll("desk").refused().size(), "a refused file is not read again");
    }

    @Test
    void aLinkInTheFolderIsNotFollowedAndTestMessagesAreNotKept() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.xml"), CapWriter.writeString(weather("S", CapAlert.MsgType.Alert,
                List.of(), 12)));
        Files.createDirectories(inbox);
        Files.createSymbolicLink(inbox.resolve("link.xml"), secret);
        CapAlert a = weather("T1", CapAlert.MsgType.Alert, List.of(), 12);
        drop("test.xml", new CapAlert(a.identifier(), a.sender(), a.sent(), CapAlert.Status.Test, a.msgType(), a.scope(),
                null, null, null, List.of(), a.infos()));
        CapInbox.Poll poll = in.poll("desk");
        assertEquals(0, poll.stored());
        assertEquals(1, poll.ignored());
        assertTrue(Files.isSymbolicLink(inbox.resolve("link.xml")));
        assertEquals(0, fx.count("cap_alert"));
    }

    @Test
    void supersedingAndDeletingWorkOnPostgresToo() throws Exception {
        fx.db.close();
        fx = new IntakeFixture(TestDatabases.postgres());
        in = new CapInbox(fx.db.jdbi(), fx.clock, inbox, reader, AccessGuard.trusted());
        CapAlert first = weather("W1", CapAlert.MsgType.Alert, List.of(), 12);
        drop("a.xml", first);
        drop("b.xml", weather("W2", CapAlert.MsgType.Cancel, List.of(CapAlert.Reference.to(first)), 2));
        assertEquals(2, in.poll("desk").stored());
        assertEquals(List.of(), in.inForce(10), "cancelled");
        fx.clock.advance(Duration.ofHours(3));
        assertEquals(1, in.poll("desk").deleted(), "the expired cancel goes; the alert it names stays for the chain");
        assertEquals(1, fx.count("cap_alert"));
    }

    @Test
    void aWallDisplayDoesNotKeepIncomingAlerts() throws Exception {
        drop("a.xml", weather("W1", CapAlert.MsgType.Alert, List.of(), 12));
        Principal wall = new Principal(3, "wall", "大屏", Set.of(Role.WALL_DISPLAY), "wall-1", false);
        CapInbox asWall = new CapInbox(fx.db.jdbi(), fx.clock, inbox, reader, AccessGuard.of(fx.db.jdbi(), fx.clock, wall));
        assertThrows(AccessDenied.class, () -> asWall.poll("wall"));
        assertTrue(Files.exists(inbox.resolve("a.xml")));
        assertFalse(Files.exists(inbox.resolve(CapInbox.READ_DIR)));
        assertEquals(0, fx.count("cap_alert"));
        assertEquals(new String(Files.readAllBytes(inbox.resolve("a.xml")), StandardCharsets.UTF_8),
                CapWriter.writeString(weather("W1", CapAlert.MsgType.Alert, List.of(), 12)));
    }
}
