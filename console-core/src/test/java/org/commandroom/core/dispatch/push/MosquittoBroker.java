package org.commandroom.core.dispatch.push;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** A Mosquitto process the test starts itself on a loopback port (when /usr/sbin/mosquitto is installed). */
final class MosquittoBroker implements BrokerUnderTest {

    static final Path BINARY = Paths.get("/usr/sbin/mosquitto");

    private final int port;
    private final Path dir;
    private Process process;

    MosquittoBroker(int port) throws IOException {
        this(port, false);
    }

    /**
     * @param persistent keep sessions and queued messages on disk across a stop and start (as docs/BROKER.md
     *                   sets a production broker up): a terminal's subscription and the orders queued for it
     *                   survive a broker restart
     */
    MosquittoBroker(int port, boolean persistent) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("mosquitto-test");
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                // Started as root, Mosquitto would switch to the user "mosquitto", who cannot write the test's directory.
                "user " + System.getProperty("user.name"),
                "persistence " + persistent,
                "persistence_location " + dir + "/",
                "max_queued_messages 5000",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                ""));
    }

    /** A broker with this configuration (its own directory holds the config, the log and any persistence). */
    MosquittoBroker(int port, Path dir, String conf) throws IOException {
        this.port = port;
        this.dir = dir;
        Files.writeString(dir.resolve("mosquitto.conf"), conf);
    }

    Path dir() {
        return dir;
    }

    /** What the broker logged so far. */
    String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no goodbye to the clients, nothing saved. */
    void kill() throws Exception {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            process = null;
        }
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    @Override
    public void start() throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    @Override
    public void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    /** Stops it and removes its directory (config and log): a test run leaves nothing behind per broker. */
    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public int port() {
        return port;
    }
}
