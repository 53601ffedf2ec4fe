package org.commandroom.core.dispatch.push;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT broker inside this JVM (Moquette), listening on loopback only: for tests, for the latency
 * harness and for a console started with no broker configured (terminals then have to run on the same
 * machine, e.g. the terminal simulator). No persistence (sessions live while it runs), anonymous
 * clients, telemetry off.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on a free loopback port. */
    public static EmbeddedBroker start() {
        return start(freePort());
    }

    /** Starts on this loopback port (e.g. the port of a broker stopped a moment ago); retries a busy port for 5 s. */
    public static EmbeddedBroker start(int port) {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(256 * 1024));
        IOException last = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            Server server = new Server();
            try {
                server.startServer(new MemoryConfig(p));
                LOG.info("Embedded MQTT broker listening on 127.0.0.1:{}", port);
                return new EmbeddedBroker(server, port);
            } catch (IOException e) {
                last = e;
                try {
                    server.stopServer();
                } catch (RuntimeException ignored) {
                    // nothing was started
                }
                sleep(100);
            }
        } while (System.nanoTime() < deadline);
        throw new UncheckedIOException("cannot start the embedded MQTT broker on port " + port, last);
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port}, for Paho. */
    public String serverUri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** How many clients are connected now. */
    public int connectedClients() {
        return server.listConnectedClients().size();
    }

    /** Stops the broker and closes every client connection. */
    public void stop() {
        server.stopServer();
        LOG.info("Embedded MQTT broker on port {} stopped", port);
    }

    @Override
    public void close() {
        stop();
    }

    /** A loopback port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
