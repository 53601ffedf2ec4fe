package org.commandroom.app.drill;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketImpl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.commandroom.app.AppContext;
import org.commandroom.app.CapModule;
import org.commandroom.core.access.AccessGuard;
import org.commandroom.core.access.Principal;
import org.commandroom.core.access.Role;
import org.commandroom.core.cap.CapRefused;
import org.commandroom.core.cap.CapService;
import org.commandroom.core.cap.WarningArea;
import org.commandroom.core.cap.WarningKind;
import org.commandroom.core.geo.GeoPoint;
import org.commandroom.core.store.Database;
import org.commandroom.core.store.DbSettings;

/**
 * Issues a drill's warning through the drill desk's CAP composition in a JVM whose every socket is refused and
 * reported (the JVM-wide socket factories, settable once per JVM, and the open file descriptors, which also show the
 * NIO channels of an HTTP client), with {@code cap.properties} naming an endpoint a live desk would post to. Exit 0
 * and {@link #OK} when no socket was seen and the warning is in the drill's folder with status Exercise;
 * {@link #SOCKET_SEEN} when a socket was. Mode {@code control} opens a socket on purpose (the detector works).
 */
public final class DrillCapNoSocketMain {

    static final int SOCKET_SEEN = 3;
    static final String OK = "DRILL-CAP-NO-SOCKET-OK";
    private static final AtomicReference<Throwable> SEEN = new AtomicReference<>();
    private static List<String> baseline = List.of();

    private DrillCapNoSocketMain() {
    }

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws Exception {
        Socket.setSocketImplFactory(DrillCapNoSocketMain::refuse);
        ServerSocket.setSocketFactory(DrillCapNoSocketMain::refuse);
        DatagramSocket.setDatagramSocketImplFactory(() -> {
            SEEN.compareAndSet(null, new IllegalStateException("datagram socket"));
            throw new IllegalStateException("no datagram socket in a drill");
        });
        // the test harness's logging looks up the host name when it starts: before the baseline, as it is not the drill's
        org.slf4j.LoggerFactory.getLogger(DrillCapNoSocketMain.class).info("checking that a drill's warnings open no socket");
        // the JDK's NIO file dispatcher keeps one end of a local socketpair, made on the first FileChannel (H2 makes it)
        Path probe = Files.createTempFile("drill-fd", ".tmp");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(probe)) {
            ch.size();
        }
        Files.delete(probe);
        baseline = sockets();
        Path dataDir = Path.of(args[1]);
        Files.createDirectories(dataDir);
        try {
            if ("control".equals(args[0])) {
                try (Socket s = new Socket()) {
                    s.getLocalPort();
                } catch (RuntimeException e) {
                    // refused: recorded
                }
            } else {
                issue(dataDir);
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            if (SEEN.get() == null) {
                System.exit(1);
            }
        }
        checkDescriptors();
        if (SEEN.get() != null) {
            System.out.println("SOCKET: " + SEEN.get());
            SEEN.get().printStackTrace(System.out);
            System.exit(SOCKET_SEEN);
        }
        System.out.println(OK);
        System.exit(0);
    }

    private static void issue(Path dataDir) throws Exception {
        // What would make a live desk post every warning it issues.
        Files.writeString(dataDir.resolve("cap.properties"), "cap.post.url=http://127.0.0.1:9/cap\ncap.post.attempts=1\n",
                StandardCharsets.UTF_8);
        Path drillDir = dataDir.resolve("drills").resolve("cap-drill");
        Files.createDirectories(drillDir);
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:30:00Z"), ZoneId.of("Asia/Shanghai"));
        try (Database db = Database.open(DbSettings.embedded(drillDir, "drill"))) {
            Principal who = new Principal(0, "学员丁", "学员丁", Set.of(Role.DUTY_COMMANDER), "drill", true);
            CapModule cap = CapModule.forDrill(db.jdbi(), clock, dataDir, drillDir, AppContext.EIDO_DOMAIN,
                    AccessGuard.of(db.jdbi(), clock, who), who);
            if (cap.service().posts()) {
                throw new IllegalStateException("the drill's service has an endpoint");
            }
            CapService.Issued issued = cap.service().issue(new CapService.Warning(WarningKind.CROWD,
                    new WarningArea.Around(GeoPoint.wgs84(30.66, 104.06), 500, "人民夜市"),
                    new CapService.Texts("人员聚集", null, null), new CapService.Texts("Crowd", null, null), null), "学员丁");
            checkDescriptors();
            if (cap.service().post(issued.stored().id(), "学员丁").isPresent()) {
                throw new IllegalStateException("a drill's warning was handed to a poster");
            }
            try {
                cap.service().repost(issued.stored().id(), "学员丁");
                throw new IllegalStateException("a drill's warning was sent again");
            } catch (CapRefused refused) {
                System.out.println("repost refused: " + refused.reason());
            }
            String xml = Files.readString(issued.file(), StandardCharsets.UTF_8);
            if (!issued.file().startsWith(drillDir.resolve("cap").resolve("out")) || !xml.contains("<status>Exercise</status>")
                    || Files.exists(dataDir.resolve("cap"))) {
                throw new IllegalStateException("the warning is not the drill's exercise: " + issued.file());
            }
            System.out.println("issued " + issued.file());
        }
    }

    private static SocketImpl refuse() {
        SEEN.compareAndSet(null, new IllegalStateException("socket opened"));
        throw new IllegalStateException("no socket in a drill");
    }

    private static void checkDescriptors() {
        List<String> now = new java.util.ArrayList<>(sockets());
        now.removeAll(baseline);
        if (!now.isEmpty()) {
            SEEN.compareAndSet(null, new IllegalStateException("open sockets: " + now));
        }
    }

    private static List<String> sockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(fds)) {
            return s.map(p -> {
                try {
                    return Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    return "";
                }
            }).filter(l -> l.startsWith("socket:")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
