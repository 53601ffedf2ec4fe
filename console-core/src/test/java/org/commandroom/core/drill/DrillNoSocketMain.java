package org.commandroom.core.drill;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.commandroom.core.unit.UnitKind;

/**
 * Plays a drill in a JVM whose every socket is refused and reported: the JVM-wide factories for client, server and
 * datagram sockets (settable once per JVM, hence a JVM of its own) throw and remember the stack, and after every step
 * the process's open file descriptors are searched for a socket (which also catches NIO channels the factories do
 * not see). Exit 0 and {@link #OK} when none was seen; {@link #SOCKET_SEEN} when one was. Mode {@code control} opens
 * a socket on purpose, to show that the detector works.
 */
public final class DrillNoSocketMain {

    static final int SOCKET_SEEN = 3;
    static final String OK = "NO-SOCKET-OK";
    private static final AtomicReference<Throwable> SEEN = new AtomicReference<>();
    /** Sockets open before anything ran (none expected; printed so a report shows them): not the drill's. */
    private static List<String> baseline = List.of();

    private DrillNoSocketMain() {
    }

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws Exception {
        Socket.setSocketImplFactory(DrillNoSocketMain::refuse);
        ServerSocket.setSocketFactory(DrillNoSocketMain::refuse);
        DatagramSocket.setDatagramSocketImplFactory(() -> {
            SEEN.compareAndSet(null, new IllegalStateException("datagram socket"));
            throw new IllegalStateException("no datagram socket in a drill");
        });
        // The logging back-end of the tests looks up the host name when it starts (a resolver socket of the C library):
        // started before the baseline, since that lookup is the test harness's, not the drill's.
        org.slf4j.LoggerFactory.getLogger(DrillNoSocketMain.class).info("checking that a drill opens no socket");
        // The JDK's NIO file dispatcher keeps one end of a local socketpair for closing descriptors (its "pre-close"
        // descriptor, made once, on the first FileChannel): made here before the baseline, as H2 makes it in a drill.
        Path probe = Files.createTempFile("drill-fd", ".tmp");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(probe)) {
            ch.size();
        }
        Files.delete(probe);
        baseline = sockets();
        System.out.println("sockets open at start: " + baseline);
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
                play(dataDir);
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

    private static SocketImpl refuse() {
        SEEN.compareAndSet(null, new IllegalStateException("socket opened"));
        throw new IllegalStateException("no socket in a drill");
    }

    private static void play(Path dataDir) throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (DrillSession drill = DrillSession.create(new ScenarioLoader().bundled("fugitive-qianjin-road.yaml"), dataDir,
                ScriptedTrainee.NAME, background)) {
            drill.addListener(e -> checkDescriptors());
            ScriptedTrainee t = new ScriptedTrainee(drill);
            drill.advanceTo(Duration.ofMinutes(3));
            t.intercept("fugitive", UnitKind.CAR, 2);
            drill.advanceTo(Duration.ofMinutes(10).plusSeconds(30));
            t.dispatchNearest("robbery", 1);
            drill.playToEnd();
            int sent = drill.channel().sent().size();
            System.out.println("orders sent on the drill channel: " + sent + ", score " + drill.score().total());
            if (sent < 3) {
                throw new IllegalStateException("the drill sent " + sent + " orders; expected the two intercepts and a dispatch");
            }
        } finally {
            background.shutdownNow();
        }
    }

    /** Any socket among the open file descriptors (Linux); elsewhere nothing to look at. */
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
            // listing failed: the factories still watch
            return List.of();
        }
    }
}
