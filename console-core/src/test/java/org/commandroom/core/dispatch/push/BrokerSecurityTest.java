package org.commandroom.core.dispatch.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The production broker set-up of docs/BROKER.md, as written: the test generates a CA, a server certificate and client
 * certificates with openssl, a password file with mosquitto_passwd, and starts the real Mosquitto with
 * docs/broker/mosquitto.conf and docs/broker/acl (only paths and port rewritten). Then: the console connects over
 * ssl:// trusting only the CA from its settings, with its client certificate and its login; an anonymous console is
 * refused and says why in one WARN; a terminal cannot read another terminal's orders nor write its acknowledgements.
 */
class BrokerSecurityTest {

    private static final String PASSWORD = "s3cret-console";
    private static final String TERMINAL_PASSWORD = "s3cret-terminal";
    private static Path dir;
    private static MosquittoBroker broker;
    private static String uri;

    @BeforeAll
    static void setUp() throws Exception {
        MosquittoSupport.requireInstalled();
        dir = Files.createTempDirectory("broker-security");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        run(certs, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=Command Room Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        issue(certs, "server", "/CN=localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        issue(certs, "console", "/CN=console", "extendedKeyUsage=clientAuth");
        issue(certs, "terminal", "/CN=terminal", "extendedKeyUsage=clientAuth");
        Path passwd = dir.resolve("passwd");
        run(dir, "mosquitto_passwd", "-b", "-c", passwd.toString(), "console", PASSWORD);
        run(dir, "mosquitto_passwd", "-b", passwd.toString(), PushFixture.CALL_SIGN, TERMINAL_PASSWORD);
        run(dir, "mosquitto_passwd", "-b", passwd.toString(), "城关02", TERMINAL_PASSWORD);
        Path docs = repositoryRoot().resolve("docs/broker");
        Files.copy(docs.resolve("acl"), dir.resolve("acl"));
        int port = EmbeddedBroker.freePort();
        String conf = Files.readString(docs.resolve("mosquitto.conf"))
                .replace("/etc/mosquitto/", dir + "/")
                .replace("/var/lib/mosquitto/", dir + "/")
                .replace("listener 8883", "listener " + port + " 127.0.0.1")
                .replace("log_dest syslog", "log_dest stderr")
                // Started as root, Mosquitto would run as the user "mosquitto", who cannot read the test's files.
                + "\nuser " + System.getProperty("user.name") + "\n";
        broker = new MosquittoBroker(port, dir, conf);
        broker.start();
        uri = "ssl://127.0.0.1:" + port;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs/broker"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("docs/broker not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static void issue(Path certs, String name, String subject, String extension) throws Exception {
        Files.writeString(certs.resolve(name + ".ext"), extension + "\n");
        run(certs, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", subject);
        run(certs, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private static void run(Path in, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private static MqttSettings consoleSettings(String clientId) {
        Path certs = dir.resolve("certs");
        return MqttSettings.of(uri, clientId).withTls(certs.resolve("ca.pem"), certs.resolve("console.pem"),
                certs.resolve("console.key"));
    }

    /** A terminal as another vendor would build it: Paho over TLS with the terminal certificate and its call-sign login. */
    private static MqttClient terminal(String callSign) throws Exception {
        Path certs = dir.resolve("certs");
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(MqttTls.identity(certs.resolve("terminal.pem"), certs.resolve("terminal.key")).getKeyManagers(),
                MqttTls.trust(certs.resolve("ca.pem")).getTrustManagers(), null);
        MqttClient c = new MqttClient(uri, "terminal-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(tls.getSocketFactory());
        o.setUserName(callSign);
        o.setPassword(TERMINAL_PASSWORD.toCharArray());
        o.setCleanSession(true);
        c.connect(o);
        return c;
    }

    @Test
    void theConsoleConnectsOverTlsWithItsCaItsCertificateAndItsLoginAndATerminalGetsOnlyItsOwnOrders() throws Exception {
        ScheduledExecutorService exec = Executors.newScheduledThreadPool(1);
        MqttPushChannel console = new MqttPushChannel(consoleSettings("sec-console").withLogin("console", PASSWORD),
                exec, Clock.systemUTC());
        BlockingQueue<String> acks = new LinkedBlockingQueue<>();
        console.subscribe(PushTopics.ackFilter(PushFixture.BUREAU), (topic, payload) -> acks.add(topic));
        console.start();
        MqttClient own = terminal(PushFixture.CALL_SIGN);
        MqttClient other = terminal("城关02");
        try {
            PushScenarios.await("console connected over TLS", console::isConnected);
            assertEquals("5", console.protocolVersion(), "Mosquitto 2 speaks MQTT 5");
            BlockingQueue<JsonNode> ownOrders = new LinkedBlockingQueue<>();
            BlockingQueue<JsonNode> stolen = new LinkedBlockingQueue<>();
            String ordersTopic = PushTopics.orders(PushFixture.BUREAU, PushFixture.CALL_SIGN);
            own.subscribe(ordersTopic, 1, (t, m) -> ownOrders.add(PushMessages.readTree(m.getPayload())));
            try {
                other.subscribe(ordersTopic, 1, (t, m) -> stolen.add(PushMessages.readTree(m.getPayload())));
            } catch (MqttException refused) {
                // Mosquitto may refuse the subscription outright; either way nothing may arrive.
            }
            console.send(ordersTopic, "{\"orderId\":7001}".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            JsonNode got = ownOrders.poll(10, TimeUnit.SECONDS);
            assertEquals(7001, got == null ? -1 : got.get("orderId").asLong(), "the unit's own terminal gets its order");
            assertNull(stolen.poll(1, TimeUnit.SECONDS), "another terminal cannot read this unit's orders");

            // Writing: a terminal may acknowledge as itself only.
            if (other.isConnected()) {
                other.publish(PushTopics.ack(PushFixture.BUREAU, PushFixture.CALL_SIGN), "{\"forged\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
            }
            own.publish(PushTopics.ack(PushFixture.BUREAU, PushFixture.CALL_SIGN), "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            String first = acks.poll(10, TimeUnit.SECONDS);
            assertEquals(PushTopics.ack(PushFixture.BUREAU, PushFixture.CALL_SIGN), first);
            assertNull(acks.poll(1, TimeUnit.SECONDS), "the forged acknowledgement from 城关02 never reached the console");
            // And a terminal may not push orders to itself or others.
            if (!own.isConnected()) {
                own = terminal(PushFixture.CALL_SIGN);
            }
            BlockingQueue<JsonNode> again = new LinkedBlockingQueue<>();
            own.subscribe(ordersTopic, 1, (t, m) -> again.add(PushMessages.readTree(m.getPayload())));
            try {
                own.publish(ordersTopic, "{\"orderId\":666}".getBytes(StandardCharsets.UTF_8), 1, false);
            } catch (MqttException dropped) {
                // the broker may close the connection of a client that publishes where it may not
            }
            assertNull(again.poll(1, TimeUnit.SECONDS), "a terminal cannot write orders");
        } finally {
            for (MqttClient c : List.of(own, other)) {
                if (c.isConnected()) {
                    c.disconnect();
                }
                c.close();
            }
            console.close();
            exec.shutdownNow();
        }
    }

    @Test
    void anAnonymousConsoleIsRefusedAndSaysWhyInOneWarnNotOnePerRetry() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(MqttPushChannel.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        ScheduledExecutorService exec = Executors.newScheduledThreadPool(1);
        List<PushConnectionState> states = new CopyOnWriteArrayList<>();
        MqttPushChannel anonymous = new MqttPushChannel(new MqttSettings(uri, "sec-anon", Duration.ofMillis(100),
                Duration.ofMillis(300), Duration.ofSeconds(10)).withTls(dir.resolve("certs/ca.pem"),
                dir.resolve("certs/console.pem"), dir.resolve("certs/console.key")), exec, Clock.systemUTC());
        anonymous.addStateListener(states::add);
        try {
            anonymous.start();
            PushScenarios.await("refused", () -> states.stream().anyMatch(s -> !s.connected()));
            Thread.sleep(2000);   // several retries, 100-300 ms apart
            assertFalse(anonymous.isConnected());
            List<ILoggingEvent> warns = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertEquals(1, warns.size(), "one WARN for the refusal, not one per retry: " + warns);
            String why = warns.get(0).getFormattedMessage();
            assertTrue(why.contains("refused") && (why.contains("NOT_AUTHORIZED") || why.contains("BAD_USER_NAME_OR_PASSWORD")),
                    why);
            String detail = states.get(states.size() - 1).detail();
            assertTrue(detail.contains("NOT_AUTHORIZED") || detail.contains("BAD_USER_NAME_OR_PASSWORD"), detail);
            System.out.println("BROKER-SECURITY anonymous: " + why);
        } finally {
            log.detachAppender(appender);
            anonymous.close();
            exec.shutdownNow();
        }
    }

    @Test
    void aConsoleThatDoesNotTrustTheBrokersCaCannotConnectAndSaysSo() throws Exception {
        // Its own CA is another one: the JVM's trust store plays no part, so nothing else is trusted either.
        Path other = Files.createDirectories(dir.resolve("other-ca"));
        run(other, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=Another CA");
        ScheduledExecutorService exec = Executors.newScheduledThreadPool(1);
        List<PushConnectionState> states = new CopyOnWriteArrayList<>();
        MqttPushChannel c = new MqttPushChannel(MqttSettings.of(uri, "sec-untrusting").withLogin("console", PASSWORD)
                .withTls(other.resolve("ca.pem"), dir.resolve("certs/console.pem"), dir.resolve("certs/console.key")),
                exec, Clock.systemUTC());
        c.addStateListener(states::add);
        try {
            c.start();
            PushScenarios.await("refused", () -> states.stream().anyMatch(s -> !s.connected()));
            assertFalse(c.isConnected());
            String detail = states.get(states.size() - 1).detail();
            System.out.println("BROKER-SECURITY untrusted CA: " + detail);
            assertTrue(detail.contains("cannot reach the broker") || detail.toLowerCase().contains("certif")
                    || detail.contains("PKIX"), detail);
        } finally {
            c.close();
            exec.shutdownNow();
        }
    }
}
